"""Global ids as Saleor writes them: base64 of ``"<Type>:<pk>"``."""

import base64
import binascii
from uuid import UUID

UUID_LENGTH = 36


def to_global_id(type_name: str, pk: object) -> str:
    return base64.b64encode(f"{type_name}:{pk}".encode()).decode()


def pk_from_global_id(global_id: str, type_name: str) -> int | None:
    """Return the integer pk inside ``global_id`` when it names ``type_name``, else ``None``."""
    try:
        decoded = base64.b64decode(global_id.encode(), validate=True).decode()
    except (binascii.Error, UnicodeError, ValueError):
        return None
    found_type, _, raw_pk = decoded.partition(":")
    if found_type != type_name or not (raw_pk.isascii() and raw_pk.isdigit()):
        return None
    if len(raw_pk) > 18 or str(int(raw_pk)) != raw_pk:
        return None
    return int(raw_pk)


def uuid_from_global_id(global_id: str, type_name: str) -> UUID | None:
    """Return the UUID inside ``global_id`` when it names ``type_name``, else ``None``."""
    try:
        decoded = base64.b64decode(global_id.encode(), validate=True).decode()
    except (binascii.Error, UnicodeError, ValueError):
        return None
    found_type, _, raw_pk = decoded.partition(":")
    if found_type != type_name or len(raw_pk) != UUID_LENGTH:
        return None
    try:
        return UUID(raw_pk)
    except ValueError:
        return None


MAX_RAW_PK_LENGTH = 64


def raw_pk_from_global_id(global_id: str, type_name: str) -> str | None:
    """Return the pk inside ``global_id`` as text (an int or a UUID), else ``None``."""
    try:
        decoded = base64.b64decode(global_id.encode(), validate=True).decode()
    except (binascii.Error, UnicodeError, ValueError):
        return None
    found_type, _, raw_pk = decoded.partition(":")
    if found_type != type_name or not raw_pk or len(raw_pk) > MAX_RAW_PK_LENGTH:
        return None
    return raw_pk

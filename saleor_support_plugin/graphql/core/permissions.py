from collections.abc import Iterable

from ...host.requestor import DeskPermission, Requestor
from .errors import PermissionDenied

AGENT_PERMISSIONS = (DeskPermission.MANAGE_ORDERS,)
"""What every staff query and mutation on tickets needs."""


def require_permissions(requestor: Requestor, permissions: Iterable[DeskPermission]) -> None:
    """Raise ``PermissionDenied`` unless ``requestor`` holds every one of ``permissions``."""
    missing = [p.name for p in permissions if not requestor.has_permission(p)]
    if missing:
        raise PermissionDenied(
            f"You need the following permissions to do this: {', '.join(missing)}."
        )


def permissions_description(description: str, permissions: Iterable[DeskPermission]) -> str:
    """Append the permissions a field needs to its description, as Saleor does."""
    names = ", ".join(p.name for p in permissions)
    return f"{description}\n\nRequires the following permissions: {names}."

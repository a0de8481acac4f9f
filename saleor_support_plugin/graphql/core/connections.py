"""Relay connections paged by keyset: opaque cursors over (sort key, id), never OFFSET.

There is no ``totalCount``: counting a whole agent queue costs more than a page.
"""

import base64
import binascii
import json
import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import graphene
from django.db.models import Model, Q, QuerySet

from .errors import InvalidArgument

MAX_PAGE_SIZE = 100

CursorValue = int | float | datetime
KeyType = type[int] | type[float] | type[datetime]


def page_size(first: int | None, *, default: int) -> int:
    """Return ``first``, or ``default`` when it is not given; refuse values outside 1-100."""
    if first is None:
        return default
    if not 1 <= first <= MAX_PAGE_SIZE:
        raise InvalidArgument(f"`first` must be between 1 and {MAX_PAGE_SIZE}; {first} was given.")
    return first


@dataclass(frozen=True)
class KeysetOrdering:
    """An ordering by ``key`` then id, both in the same direction."""

    name: str
    """Written into every cursor, so a cursor only continues the ordering it came from."""
    key: str
    """Field or annotation the rows are sorted by."""
    key_type: KeyType
    descending: bool = False

    def order(self, queryset: QuerySet[Any]) -> QuerySet[Any]:
        sign = "-" if self.descending else ""
        return queryset.order_by(f"{sign}{self.key}", f"{sign}id")

    def after(self, queryset: QuerySet[Any], position: tuple[CursorValue, int]) -> QuerySet[Any]:
        value, pk = position
        beyond = "lt" if self.descending else "gt"
        return queryset.filter(
            Q(**{f"{self.key}__{beyond}": value}) | Q(**{self.key: value, f"id__{beyond}": pk})
        )

    def cursor(self, row: Model) -> str:
        return encode_cursor(self.name, (getattr(row, self.key), row.pk))

    def position(self, cursor: str) -> tuple[CursorValue, int]:
        value, pk = _pair(decode_cursor(cursor, self.name))
        if self.key_type is datetime:
            return _parse_datetime(value), pk
        if self.key_type is float:
            return _parse_float(value), pk
        return _parse_int(value), pk


def encode_cursor(ordering: str, values: Sequence[CursorValue]) -> str:
    payload = [ordering, *(v.isoformat() if isinstance(v, datetime) else v for v in values)]
    return base64.urlsafe_b64encode(json.dumps(payload).encode()).decode()


def decode_cursor(cursor: str, ordering: str) -> list[Any]:
    """Return the values of ``cursor``; refuse one that is malformed or from another ordering."""
    try:
        payload = json.loads(base64.urlsafe_b64decode(cursor.encode()))
    except (binascii.Error, UnicodeError, ValueError) as exc:
        raise _invalid_cursor() from exc
    if not isinstance(payload, list) or not payload or payload[0] != ordering:
        raise _invalid_cursor()
    return payload[1:]


def _pair(values: list[Any]) -> tuple[Any, int]:
    if len(values) != 2:
        raise _invalid_cursor()
    return values[0], _parse_int(values[1])


def _parse_int(value: Any) -> int:
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    raise _invalid_cursor()


def _parse_float(value: Any) -> float:
    """Accept a finite number; JSON keeps a float's every digit, so keys compare exactly."""
    if isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value):
        return float(value)
    raise _invalid_cursor()


def _parse_datetime(value: Any) -> datetime:
    if not isinstance(value, str):
        raise _invalid_cursor()
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError as exc:
        raise _invalid_cursor() from exc
    if parsed.tzinfo is None:
        raise _invalid_cursor()
    return parsed


def _invalid_cursor() -> InvalidArgument:
    return InvalidArgument("`after` is not a cursor of this list in this order.")


def keyset_page(
    queryset: QuerySet[Any], ordering: KeysetOrdering, *, first: int, after: str | None
) -> tuple[list[Any], bool]:
    """Return up to ``first`` rows after the cursor ``after`` and whether more follow."""
    if after is not None:
        queryset = ordering.after(queryset, ordering.position(after))
    rows = list(ordering.order(queryset)[: first + 1])
    return rows[:first], len(rows) > first


def build_connection(
    connection_type: Any,
    rows: Sequence[Any],
    *,
    cursors: Sequence[str],
    has_next_page: bool,
    has_previous_page: bool,
) -> Any:
    edges = [
        connection_type.Edge(node=row, cursor=cursor)
        for row, cursor in zip(rows, cursors, strict=True)
    ]
    return connection_type(
        edges=edges,
        page_info=graphene.relay.PageInfo(
            has_next_page=has_next_page,
            has_previous_page=has_previous_page,
            start_cursor=cursors[0] if cursors else None,
            end_cursor=cursors[-1] if cursors else None,
        ),
    )


CHRONOLOGICAL = "CHRONOLOGICAL"
"""Name in the cursors of a ticket's messages and timeline (oldest first)."""


def chronological_cursor(row: Any) -> str:
    return encode_cursor(CHRONOLOGICAL, (row.created_at, row.pk))


def chronological_position(cursor: str | None) -> tuple[datetime, int] | None:
    if cursor is None:
        return None
    value, pk = _pair(decode_cursor(cursor, CHRONOLOGICAL))
    return _parse_datetime(value), pk

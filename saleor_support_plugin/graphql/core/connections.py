"""Relay connections paged by keyset: opaque cursors over (sort key, id), never OFFSET.

A connection's ``totalCount`` is counted only when it is selected, and only up to
``COUNT_LIMIT``: beyond that, counting a whole queue would cost more than its pages.
"""

import base64
import binascii
import json
import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from functools import cached_property
from typing import Any

import graphene
from django.db.models import Model, Q, QuerySet

from .errors import InvalidArgument

MAX_PAGE_SIZE = 100
COUNT_LIMIT = 1000
"""``totalCount`` counts at most this many rows: the answer ``COUNT_LIMIT`` means this many or
more."""

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


def keyset_queryset(
    queryset: QuerySet[Any], ordering: KeysetOrdering, *, after: str | None
) -> QuerySet[Any]:
    """Return the rows after the cursor ``after``, in order; refuse a foreign cursor now."""
    if after is not None:
        queryset = ordering.after(queryset, ordering.position(after))
    return ordering.order(queryset)


def keyset_page(
    queryset: QuerySet[Any], ordering: KeysetOrdering, *, first: int, after: str | None
) -> tuple[list[Any], bool]:
    """Return up to ``first`` rows after the cursor ``after`` and whether more follow."""
    rows = list(keyset_queryset(queryset, ordering, after=after)[: first + 1])
    return rows[:first], len(rows) > first


def capped_count(queryset: QuerySet[Any]) -> int:
    """Return how many rows ``queryset`` has, counting no further than ``COUNT_LIMIT``.

    One statement, ``SELECT COUNT(*) FROM (SELECT id ... LIMIT 1000)``, which stops reading
    once that many rows were found.
    """
    return queryset.order_by().values("pk")[:COUNT_LIMIT].count()


def total_count_field(what: str) -> graphene.Int:
    return graphene.Int(
        description=(
            f"How many {what} the list holds with its filters and search (every page, not"
            f" only this one), counted up to {COUNT_LIMIT:,}: {COUNT_LIMIT:,} means"
            f" {COUNT_LIMIT:,} or more. Counted only when asked for."
        )
    )


class LazyConnection:
    """The value of a keyset-paged connection field, read only as far as it is selected.

    The page is read (one statement) when ``edges`` or ``pageInfo`` is resolved, the count
    when ``totalCount`` is, each at most once: a request asking only for counts reads no rows.
    Every edge keeps its connection in ``edge.connection``.
    """

    def __init__(
        self,
        connection_type: Any,
        rows: QuerySet[Any],
        ordering: KeysetOrdering,
        *,
        first: int,
        has_previous_page: bool,
        counted: QuerySet[Any],
    ) -> None:
        self.connection_type = connection_type
        self._rows = rows
        self._ordering = ordering
        self._first = first
        self._has_previous_page = has_previous_page
        self._counted = counted

    @cached_property
    def _page(self) -> Any:
        rows = list(self._rows[: self._first + 1])
        page = rows[: self._first]
        connection = build_connection(
            self.connection_type,
            page,
            cursors=[self._ordering.cursor(row) for row in page],
            has_next_page=len(rows) > self._first,
            has_previous_page=self._has_previous_page,
        )
        for edge in connection.edges:
            edge.connection = self
        return connection

    @property
    def rows(self) -> list[Any]:
        """The rows of the page (read now if they were not)."""
        return [edge.node for edge in self._page.edges]

    @property
    def edges(self) -> list[Any]:
        return list(self._page.edges)

    @property
    def page_info(self) -> Any:
        return self._page.page_info

    @cached_property
    def total_count(self) -> int:
        return capped_count(self._counted)


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

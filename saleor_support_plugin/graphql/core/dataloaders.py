"""Per-request dataloaders: each ``context_key`` is built once per request and batches loads."""

from collections import defaultdict
from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, ClassVar, Generic, TypeVar

from django.db.models import F, Model, Q, QuerySet, Window
from django.db.models.functions import RowNumber
from promise import Promise
from promise.dataloader import DataLoader as PromiseDataLoader

from .context import RequestContext

K = TypeVar("K", bound=Hashable)
R = TypeVar("R")


class DataLoader(PromiseDataLoader, Generic[K, R]):
    """A loader shared by all resolvers of one request (``context.dataloaders[context_key]``)."""

    context_key: ClassVar[str]
    context: RequestContext

    def __new__(cls, context: RequestContext) -> "DataLoader[K, R]":
        loader = context.dataloaders.get(cls.context_key)
        if loader is None:
            loader = super().__new__(cls)
            context.dataloaders[cls.context_key] = loader
        if not isinstance(loader, cls):
            raise TypeError(f"Two loaders use the context key {cls.context_key!r}")
        return loader

    def __init__(self, context: RequestContext) -> None:
        if getattr(self, "context", None) is not context:
            self.context = context
            super().__init__()

    def batch_load_fn(self, keys: list[K]) -> Any:
        return Promise.resolve(self.batch_load(keys))

    def batch_load(self, keys: Sequence[K]) -> list[R]:
        raise NotImplementedError


class ByPkLoader(DataLoader[int, Any]):
    """Rows of ``queryset()`` by primary key, ``None`` for a missing one, in one query."""

    def queryset(self) -> QuerySet[Any]:
        raise NotImplementedError

    def batch_load(self, keys: Sequence[int]) -> list[Any]:
        rows = self.queryset().in_bulk(list(keys))
        return [rows.get(key) for key in keys]


Position = tuple[datetime, int]
"""Where a chronological page starts: the (created_at, id) of the row before it."""


@dataclass(frozen=True)
class ChildPageKey:
    parent_id: int
    first: int
    after: Position | None


@dataclass(frozen=True)
class ChildPage:
    rows: list[Any]
    has_next_page: bool


class ChildPageLoader(DataLoader[ChildPageKey, ChildPage]):
    """Chronological pages of a parent's rows (oldest first, by ``created_at`` then id).

    One query per distinct (first, after) among the keys: a list of tickets asking for the
    same page of each ticket's messages costs one query, however many tickets it shows.
    """

    model: ClassVar[type[Model]]
    parent_field: ClassVar[str]
    """Column holding the parent's id, e.g. ``"ticket_id"``."""

    def batch_load(self, keys: Sequence[ChildPageKey]) -> list[ChildPage]:
        groups: dict[tuple[int, Position | None], list[int]] = defaultdict(list)
        for key in keys:
            groups[(key.first, key.after)].append(key.parent_id)
        pages: dict[ChildPageKey, ChildPage] = {}
        for (first, after), parent_ids in groups.items():
            rows_by_parent: dict[int, list[Any]] = defaultdict(list)
            for row in self._rows(parent_ids, first, after):
                rows_by_parent[getattr(row, self.parent_field)].append(row)
            for parent_id in parent_ids:
                rows = rows_by_parent[parent_id]
                pages[ChildPageKey(parent_id, first, after)] = ChildPage(
                    rows=rows[:first], has_next_page=len(rows) > first
                )
        return [pages[key] for key in keys]

    def base_queryset(self) -> QuerySet[Any]:
        """Return the rows a page may hold: every row of ``model`` unless narrowed."""
        return self.model._default_manager.all()

    def _rows(self, parent_ids: list[int], first: int, after: Position | None) -> list[Any]:
        queryset = self.base_queryset().filter(**{f"{self.parent_field}__in": parent_ids})
        if after is not None:
            created_at, pk = after
            queryset = queryset.filter(
                Q(created_at__gt=created_at) | Q(created_at=created_at, id__gt=pk)
            )
        queryset = (
            queryset.annotate(
                position=Window(
                    RowNumber(),
                    partition_by=[F(self.parent_field)],
                    order_by=[F("created_at").asc(), F("id").asc()],
                )
            )
            .filter(position__lte=first + 1)
            .order_by(self.parent_field, "created_at", "id")
        )
        return list(queryset)

"""Readers of order history and orders over Saleor-shaped models, shared by both hosts.

Saleor's ``OrderEvent``/``Order`` and the demo store's have the same fields; each host
passes its own model classes.
"""

from collections.abc import Iterable
from datetime import datetime
from typing import Any
from uuid import UUID

from django.db.models import Count, Q
from django.db.models.functions import Lower

from .snapshot import OrderEventRecord


def event_record(row: Any) -> OrderEventRecord:
    return OrderEventRecord(
        pk=row.pk,
        order_id=str(row.order_id),
        type=row.type,
        date=row.date,
        parameters=dict(row.parameters or {}),
    )


def events_after(event_model: Any, order_id: UUID, after_pk: int) -> list[OrderEventRecord]:
    rows = event_model.objects.filter(order_id=order_id, pk__gt=after_pk).order_by("pk")
    return [event_record(row) for row in rows]


def events_between(
    event_model: Any,
    *,
    start: datetime,
    end: datetime,
    types: Iterable[str],
    limit: int,
    after: tuple[datetime, int] | None,
) -> list[OrderEventRecord]:
    rows = event_model.objects.filter(date__gte=start, date__lt=end, type__in=list(types))
    if after is not None:
        rows = rows.filter(Q(date__gt=after[0]) | Q(date=after[0], pk__gt=after[1]))
    return [event_record(row) for row in rows.order_by("date", "pk")[:limit]]


def noted_orders_between(
    order_model: Any,
    *,
    start: datetime,
    end: datetime,
    limit: int,
    after: tuple[datetime, str] | None,
) -> list[tuple[str, datetime]]:
    orders = order_model.objects.filter(created_at__gte=start, created_at__lt=end).exclude(
        Q(customer_note="") | Q(status="draft")
    )
    if after is not None:
        orders = orders.filter(Q(created_at__gt=after[0]) | Q(created_at=after[0], pk__gt=after[1]))
    rows = orders.order_by("created_at", "pk").values_list("pk", "created_at")[:limit]
    return [(str(pk), created_at) for pk, created_at in rows]


class ShapedHistoryReader:
    """The Host methods over order history, for hosts with Saleor-shaped order models."""

    def history_models(self) -> tuple[Any, Any]:
        """Return the host's (Order, OrderEvent) model classes."""
        raise NotImplementedError

    def order_events(self, order_id: UUID, *, after_pk: int) -> list[OrderEventRecord]:
        return events_after(self.history_models()[1], order_id, after_pk)

    def order_events_between(
        self,
        *,
        start: datetime,
        end: datetime,
        types: Iterable[str],
        limit: int,
        after: tuple[datetime, int] | None = None,
    ) -> list[OrderEventRecord]:
        return events_between(
            self.history_models()[1], start=start, end=end, types=types, limit=limit, after=after
        )

    def noted_orders_between(
        self, *, start: datetime, end: datetime, limit: int, after: tuple[datetime, str] | None
    ) -> list[tuple[str, datetime]]:
        return noted_orders_between(
            self.history_models()[0], start=start, end=end, limit=limit, after=after
        )

    def orders_count_by_customer(
        self, *, user_ids: Iterable[int], emails: Iterable[str]
    ) -> tuple[dict[int, int], dict[str, int]]:
        return orders_count_by_customer(self.history_models()[0], user_ids=user_ids, emails=emails)


DRAFT = "draft"
"""Saleor's status of draft orders, which are not the customer's orders yet."""


def orders_count_by_customer(
    order_model: Any, *, user_ids: Iterable[int], emails: Iterable[str]
) -> tuple[dict[int, int], dict[str, int]]:
    """Count non-draft orders per account and, for guests, per e-mail (lower-cased)."""
    by_user: dict[int, int] = {}
    by_email: dict[str, int] = {}
    users = sorted(set(user_ids))
    addresses = sorted({e.lower() for e in emails if e})
    orders = order_model._default_manager.exclude(status=DRAFT)
    if users:
        rows = orders.filter(user_id__in=users).values("user_id").annotate(n=Count("pk"))
        by_user = {row["user_id"]: row["n"] for row in rows}
    if addresses:
        rows = (
            orders.annotate(email=Lower("user_email"))
            .filter(email__in=addresses)
            .values("email")
            .annotate(n=Count("pk"))
        )
        by_email = {row["email"]: row["n"] for row in rows}
    return by_user, by_email

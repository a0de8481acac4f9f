"""The host for the sandbox: the demo store in ``sandbox.store`` (imported lazily)."""

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import datetime
from typing import Any
from uuid import UUID

from django.conf import settings

from . import history
from .snapshot import (
    CustomerSnapshot,
    FulfillmentSnapshot,
    OrderEventRecord,
    OrderLineSnapshot,
    OrderSnapshot,
)


class StandaloneHost:
    name = "standalone"

    def read_order(self, order_id: UUID) -> OrderSnapshot | None:
        from sandbox.store.models import Order  # noqa: PLC0415

        order = (
            Order.objects.filter(pk=order_id)
            .select_related("user")
            .prefetch_related("lines", "fulfillments__lines")
            .first()
        )
        return None if order is None else _snapshot(order)

    def order_events(self, order_id: UUID, *, after_pk: int) -> list[OrderEventRecord]:
        from sandbox.store.models import OrderEvent  # noqa: PLC0415

        return history.events_after(OrderEvent, order_id, after_pk)

    def order_events_between(
        self,
        *,
        start: datetime,
        end: datetime,
        types: Iterable[str],
        limit: int,
        after: tuple[datetime, int] | None = None,
    ) -> list[OrderEventRecord]:
        from sandbox.store.models import OrderEvent  # noqa: PLC0415

        return history.events_between(
            OrderEvent, start=start, end=end, types=types, limit=limit, after=after
        )

    def noted_orders_between(
        self, *, start: datetime, end: datetime, limit: int, after: tuple[datetime, str] | None
    ) -> list[tuple[str, datetime]]:
        from sandbox.store.models import Order  # noqa: PLC0415

        return history.noted_orders_between(Order, start=start, end=end, limit=limit, after=after)

    def existing_user_ids(self, user_ids: Iterable[int]) -> set[int]:
        from django.contrib.auth import get_user_model  # noqa: PLC0415

        return set(
            get_user_model().objects.filter(pk__in=list(user_ids)).values_list("pk", flat=True)
        )

    def plugin_configuration(self) -> dict[str, str]:
        return dict(getattr(settings, "SUPPORT_DESK_PLUGIN_CONFIGURATION", {}))

    @contextmanager
    def task_context(self) -> Iterator[None]:
        yield


def _snapshot(order: Any) -> OrderSnapshot:
    user = order.user
    return OrderSnapshot(
        id=str(order.pk),
        number=str(order.number),
        status=order.status,
        origin=order.origin,
        original_id=str(order.original_id) if order.original_id else None,
        channel_slug=order.channel_slug,
        currency=order.currency,
        total_gross=str(order.total_gross_amount),
        total_charged=str(order.total_charged_amount),
        total_refunded=str(order.total_refunded_amount),
        charge_status=order.charge_status,
        customer=CustomerSnapshot(
            user_id=order.user_id,
            email=order.user_email or (user.email if user else ""),
            first_name=(user.first_name if user else "") or order.billing_first_name,
            last_name=(user.last_name if user else "") or order.billing_last_name,
            language_code=order.language_code,
        ),
        customer_note=order.customer_note,
        created_at=order.created_at,
        lines=[
            OrderLineSnapshot(
                id=str(line.pk),
                product_name=line.product_name,
                variant_name=line.variant_name,
                sku=line.product_sku,
                quantity=line.quantity,
                quantity_fulfilled=line.quantity_fulfilled,
                unit_price_gross=str(line.unit_price_gross_amount),
                total_price_gross=str(line.total_price_gross_amount),
            )
            for line in order.lines.all()
        ],
        fulfillments=[
            FulfillmentSnapshot(
                id=f.pk,
                status=f.status,
                tracking_number=f.tracking_number,
                lines=[
                    {"line_id": str(fl.order_line_id), "quantity": fl.quantity}
                    for fl in f.lines.all()
                ],
            )
            for f in order.fulfillments.all()
        ],
        dashboard_url=f"/admin/store/order/{order.pk}/change/",
    )

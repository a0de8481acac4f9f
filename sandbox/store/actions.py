"""Store operations of the demo store, writing order history like Saleor and firing its hooks."""

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any

from django.contrib.auth import get_user_model
from django.db import transaction

from . import FulfillmentStatus, OrderEvents, OrderStatus
from .hooks import call_hook
from .models import Fulfillment, FulfillmentLine, Order, OrderEvent, OrderLine, Product


@dataclass(frozen=True)
class Buyer:
    email: str
    first_name: str
    last_name: str
    language_code: str
    user: Any = None


def _event(order: Order, type_: str, at: datetime, **parameters: Any) -> OrderEvent:
    return OrderEvent.objects.create(order=order, type=type_, date=at, parameters=parameters)


def _touch(order: Order, at: datetime, **fields: Any) -> None:
    for name, value in fields.items():
        setattr(order, name, value)
    order.updated_at = at
    order.save(update_fields=[*fields, "updated_at"])


@transaction.atomic
def place_order(
    buyer: Buyer,
    items: list[tuple[Product, int]],
    *,
    at: datetime,
    note: str = "",
    channel: str = "default-channel",
    currency: str = "EUR",
    paid: bool = True,
) -> Order:
    total = sum((p.price * q for p, q in items), Decimal(0))
    order = Order.objects.create(
        status=OrderStatus.UNFULFILLED if paid else OrderStatus.UNCONFIRMED,
        user=buyer.user,
        user_email=buyer.email,
        billing_first_name=buyer.first_name,
        billing_last_name=buyer.last_name,
        language_code=buyer.language_code,
        channel_slug=channel,
        currency=currency,
        total_gross_amount=total,
        total_charged_amount=total if paid else Decimal(0),
        charge_status="full" if paid else "none",
        customer_note=note,
        created_at=at,
        updated_at=at,
    )
    for product, quantity in items:
        OrderLine.objects.create(
            order=order,
            product=product,
            product_name=product.name,
            variant_name=product.variant_name,
            product_sku=product.sku,
            quantity=quantity,
            unit_price_gross_amount=product.price,
            total_price_gross_amount=product.price * quantity,
        )
    _event(order, OrderEvents.PLACED, at)
    if paid:
        _event(order, OrderEvents.PAYMENT_CAPTURED, at, amount=str(total))
    call_hook("order_created", order)
    call_hook("order_updated", order)
    return order


@transaction.atomic
def fail_payment(order: Order, *, at: datetime, message: str = "Card declined") -> Order:
    _event(order, OrderEvents.PAYMENT_FAILED, at, message=message)
    _touch(order, at)
    call_hook("order_updated", order)
    return order


@transaction.atomic
def cancel_order(order: Order, *, at: datetime) -> Order:
    _touch(order, at, status=OrderStatus.CANCELED)
    _event(order, OrderEvents.CANCELED, at)
    call_hook("order_cancelled", order)
    call_hook("order_updated", order)
    return order


@transaction.atomic
def expire_order(order: Order, *, at: datetime) -> Order:
    _touch(order, at, status=OrderStatus.EXPIRED)
    _event(order, OrderEvents.EXPIRED, at)
    call_hook("order_expired", order)
    call_hook("order_updated", order)
    return order


@transaction.atomic
def fulfill_order(order: Order, *, at: datetime, tracking_number: str = "") -> Fulfillment:
    fulfillment = Fulfillment.objects.create(
        order=order,
        status=FulfillmentStatus.FULFILLED,
        tracking_number=tracking_number,
        created_at=at,
    )
    for line in order.lines.all():
        FulfillmentLine.objects.create(
            fulfillment=fulfillment, order_line=line, quantity=line.quantity
        )
        line.quantity_fulfilled = line.quantity
        line.save(update_fields=["quantity_fulfilled"])
    _event(
        order,
        OrderEvents.FULFILLMENT_FULFILLED_ITEMS,
        at,
        fulfilled_items=[fulfillment.pk],
    )
    _touch(order, at, status=OrderStatus.FULFILLED)
    call_hook("order_updated", order)
    return fulfillment


def _refund(order: Order, amount: Decimal, at: datetime) -> bool:
    """Record a refund; return whether the order is now refunded in full."""
    refunded = order.total_refunded_amount + amount
    full = refunded >= order.total_charged_amount
    _touch(
        order,
        at,
        total_refunded_amount=refunded,
        charge_status="refunded" if full else "partial",
    )
    _event(order, OrderEvents.PAYMENT_REFUNDED, at, amount=str(amount))
    call_hook("order_refunded", order)
    if full:
        call_hook("order_fully_refunded", order)
    return full


@transaction.atomic
def refund_order(order: Order, amount: Decimal, *, at: datetime) -> Order:
    _refund(order, amount, at)
    call_hook("order_updated", order)
    return order


@transaction.atomic
def _take_from_fulfilled(order: Order, lines: list[tuple[OrderLine, int]]) -> None:
    """Move returned quantities out of the fulfilled fulfilments, as Saleor does."""
    for line, quantity in lines:
        rows = FulfillmentLine.objects.filter(
            fulfillment__order=order,
            fulfillment__status=FulfillmentStatus.FULFILLED,
            order_line=line,
        ).order_by("pk")
        for row in rows:
            moved = min(row.quantity, quantity)
            quantity -= moved
            if moved == row.quantity:
                row.delete()
            else:
                row.quantity -= moved
                row.save(update_fields=["quantity"])
            if quantity == 0:
                break


def return_products(
    order: Order,
    *,
    at: datetime,
    returned: list[tuple[OrderLine, int]] = (),  # type: ignore[assignment]  # read-only default
    replaced: list[tuple[OrderLine, int]] = (),  # type: ignore[assignment]  # read-only default
    refund: bool = False,
) -> Order | None:
    """Return and/or replace lines, as ``orderFulfillmentReturnProducts``; return the draft."""
    draft = None
    _take_from_fulfilled(order, [*returned, *replaced])
    if returned:
        status = FulfillmentStatus.REFUNDED_AND_RETURNED if refund else FulfillmentStatus.RETURNED
        fulfillment = Fulfillment.objects.create(order=order, status=status, created_at=at)
        for line, quantity in returned:
            FulfillmentLine.objects.create(
                fulfillment=fulfillment, order_line=line, quantity=quantity
            )
        if refund:
            amount = sum((line.unit_price_gross_amount * q for line, q in returned), Decimal(0))
            _refund(order, amount, at)
            _event(order, OrderEvents.FULFILLMENT_REFUNDED, at, amount=str(amount))
        _event(
            order,
            OrderEvents.FULFILLMENT_RETURNED,
            at,
            lines=[{"line_pk": str(line.pk), "quantity": q} for line, q in returned],
        )
    if replaced:
        fulfillment = Fulfillment.objects.create(
            order=order, status=FulfillmentStatus.REPLACED, created_at=at
        )
        for line, quantity in replaced:
            FulfillmentLine.objects.create(
                fulfillment=fulfillment, order_line=line, quantity=quantity
            )
        draft = Order.objects.create(
            status=OrderStatus.DRAFT,
            origin="reissue",
            original=order,
            user=order.user,
            user_email=order.user_email,
            billing_first_name=order.billing_first_name,
            billing_last_name=order.billing_last_name,
            language_code=order.language_code,
            channel_slug=order.channel_slug,
            currency=order.currency,
            created_at=at,
            updated_at=at,
        )
        lines = [{"line_pk": str(line.pk), "quantity": q} for line, q in replaced]
        _event(
            order,
            OrderEvents.FULFILLMENT_REPLACED,
            at,
            lines=lines,
            related_order_pk=str(draft.pk),
        )
        _event(
            order,
            OrderEvents.ORDER_REPLACEMENT_CREATED,
            at,
            related_order_pk=str(draft.pk),
        )
        _event(
            draft,
            OrderEvents.DRAFT_CREATED_FROM_REPLACE,
            at,
            related_order_pk=str(order.pk),
        )
    returned_all = sum(q for _, q in [*returned, *replaced]) >= sum(
        line.quantity for line in order.lines.all()
    )
    _touch(
        order,
        at,
        status=OrderStatus.RETURNED if returned_all else OrderStatus.PARTIALLY_RETURNED,
    )
    call_hook("order_updated", order)
    if draft is not None:
        call_hook("draft_order_created", draft)
    return draft


def delete_customer(user: Any) -> None:
    """Delete a customer account, as ``accountDelete`` does, then fire the hook."""
    with transaction.atomic():
        user_id = user.pk
        get_user_model().objects.filter(pk=user_id).delete()
        user.pk = user_id
        call_hook("customer_deleted", user)

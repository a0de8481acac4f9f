"""From a store hook's objects (Saleor's, or the demo store's) to one recorded inbound event.

Reads only attributes already in memory; the single SQL statement is the recorder's INSERT,
and orders that need no ticket cost none at all.
"""

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from ..intake import IntakeKind, SourceEventType
from ..intake.recorder import record_inbound_event
from ..intake.rules import open_on_field

REISSUE_ORIGIN = "reissue"
RETURN_STATUSES = frozenset({"partially_returned", "returned"})
"""A return or replacement leaves the order in one of these; other updates need no scan."""
UPDATE_KINDS = frozenset({IntakeKind.RETURN, IntakeKind.REPLACEMENT, IntakeKind.REFUND})


def enabled_kinds(configuration: Mapping[str, Any]) -> frozenset[str]:
    """Return the intake kinds the merchant turned on, from in-memory configuration values."""
    on = {"true", "1", "yes", "on"}
    return frozenset(
        kind
        for kind in IntakeKind.ALL
        if str(configuration.get(open_on_field(kind), "true")).strip().lower() in on
    )


def _changed_at(order: Any, at: datetime | None) -> Any:
    """When the change happened: ``at`` when the caller knows, else the order's ``updated_at``.

    Saleor passes ``at`` (the hook's time): its in-memory ``updated_at`` can be old, since
    a return saves its status change on a separately locked copy and refunds save nothing.
    """
    return at or getattr(order, "updated_at", None)


def _stamp(order: Any, call_id: str | None) -> str:
    """Identify one change of an order, so repeated hook calls for it share one key.

    Inside Saleor the change is the plugin manager's work (one per request or task), named
    by ``call_id``: ``updated_at`` cannot tell two refunds apart there. The demo store saves
    ``updated_at`` with every change, so it identifies the change itself.
    """
    if call_id:
        return f"{order.pk}:{call_id}"
    updated_at = getattr(order, "updated_at", None)
    return f"{order.pk}:{updated_at.isoformat()}" if updated_at else str(order.pk)


def order_created(
    order: Any,
    enabled: frozenset[str],
    *,
    at: datetime | None = None,
    call_id: str | None = None,
) -> None:
    if IntakeKind.CUSTOMER_NOTE in enabled and (getattr(order, "customer_note", "") or "").strip():
        record_inbound_event(
            SourceEventType.ORDER_CREATED,
            str(order.pk),
            order_id=order.pk,
            occurred_at=_changed_at(order, at),
        )


def order_cancelled(
    order: Any,
    enabled: frozenset[str],
    *,
    at: datetime | None = None,
    call_id: str | None = None,
) -> None:
    if IntakeKind.CANCELLATION in enabled:
        record_inbound_event(
            SourceEventType.ORDER_CANCELLED,
            str(order.pk),
            order_id=order.pk,
            occurred_at=_changed_at(order, at),
        )


def order_expired(
    order: Any,
    enabled: frozenset[str],
    *,
    at: datetime | None = None,
    call_id: str | None = None,
) -> None:
    if IntakeKind.EXPIRY in enabled:
        record_inbound_event(
            SourceEventType.ORDER_EXPIRED,
            str(order.pk),
            order_id=order.pk,
            occurred_at=_changed_at(order, at),
        )


def order_refunded(
    order: Any,
    enabled: frozenset[str],
    *,
    at: datetime | None = None,
    call_id: str | None = None,
) -> None:
    if IntakeKind.REFUND in enabled:
        record_inbound_event(
            SourceEventType.ORDER_REFUNDED,
            _stamp(order, call_id),
            order_id=order.pk,
            occurred_at=_changed_at(order, at),
        )


def order_fully_refunded(
    order: Any,
    enabled: frozenset[str],
    *,
    at: datetime | None = None,
    call_id: str | None = None,
) -> None:
    if IntakeKind.FULL_REFUND in enabled:
        record_inbound_event(
            SourceEventType.ORDER_FULLY_REFUNDED,
            str(order.pk),
            order_id=order.pk,
            occurred_at=_changed_at(order, at),
        )


def order_updated(
    order: Any,
    enabled: frozenset[str],
    *,
    at: datetime | None = None,
    call_id: str | None = None,
) -> None:
    if order.status in RETURN_STATUSES and enabled & UPDATE_KINDS:
        record_inbound_event(
            SourceEventType.ORDER_UPDATED,
            _stamp(order, call_id),
            order_id=order.pk,
            occurred_at=_changed_at(order, at),
        )


def draft_order_created(
    order: Any,
    enabled: frozenset[str],
    *,
    at: datetime | None = None,
    call_id: str | None = None,
) -> None:
    original_id = getattr(order, "original_id", None)
    if (
        IntakeKind.REPLACEMENT in enabled
        and getattr(order, "origin", None) == REISSUE_ORIGIN
        and original_id
    ):
        record_inbound_event(
            SourceEventType.DRAFT_ORDER_CREATED,
            str(order.pk),
            order_id=original_id,
            occurred_at=_changed_at(order, at),
        )


def customer_deleted(user: Any) -> None:
    """Record a deleted customer; the row is gone, so the id and e-mail travel in the payload."""
    email = getattr(user, "email", "") or ""
    if user.pk is None and not email:
        return
    record_inbound_event(
        SourceEventType.CUSTOMER_DELETED,
        str(user.pk) if user.pk is not None else f"email:{email.lower()}",
        payload={"user_id": user.pk, "email": email},
    )

"""From a store hook's objects (Saleor's, or the demo store's) to one recorded inbound event.

Reads only attributes already in memory; the single SQL statement is the recorder's INSERT,
and orders that need no ticket cost none at all.
"""

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from ..intake import IntakeKind, SourceEventType
from ..intake.recorder import record_inbound_event
from ..intake.rules import open_on_field
from ..tickets import erasure

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


@dataclass(frozen=True)
class HookCall:
    """The context of one hook call.

    Inside Saleor, ``at`` is the hook's time and ``call_id`` names the plugin instance (one per
    request or task): Saleor's in-memory ``updated_at`` can be stale (a return saves its status
    on another copy of the order, a refund saves nothing), so it can neither date the change nor
    tell two refunds apart. The demo store saves ``updated_at`` with every change and passes
    neither.
    """

    enabled: frozenset[str]
    at: datetime | None = None
    call_id: str | None = None

    def occurred_at(self, order: Any) -> datetime | None:
        return self.at or getattr(order, "updated_at", None)

    def change_id(self, order: Any) -> str:
        """Identify one change of ``order``, so repeated calls for it share one key."""
        if self.call_id:
            return f"{order.pk}:{self.call_id}"
        updated_at = getattr(order, "updated_at", None)
        return f"{order.pk}:{updated_at.isoformat()}" if updated_at else str(order.pk)

    def record(
        self, source: str, order: Any, *, object_id: str | None = None, order_id: Any = None
    ) -> None:
        record_inbound_event(
            source,
            object_id or str(order.pk),
            order_id=order_id or order.pk,
            occurred_at=self.occurred_at(order),
        )


def order_created(order: Any, call: HookCall) -> None:
    if (
        IntakeKind.CUSTOMER_NOTE in call.enabled
        and (getattr(order, "customer_note", "") or "").strip()
    ):
        call.record(SourceEventType.ORDER_CREATED, order)


def order_cancelled(order: Any, call: HookCall) -> None:
    if IntakeKind.CANCELLATION in call.enabled:
        call.record(SourceEventType.ORDER_CANCELLED, order)


def order_expired(order: Any, call: HookCall) -> None:
    if IntakeKind.EXPIRY in call.enabled:
        call.record(SourceEventType.ORDER_EXPIRED, order)


def order_refunded(order: Any, call: HookCall) -> None:
    if IntakeKind.REFUND in call.enabled:
        call.record(SourceEventType.ORDER_REFUNDED, order, object_id=call.change_id(order))


def order_fully_refunded(order: Any, call: HookCall) -> None:
    if IntakeKind.FULL_REFUND in call.enabled:
        call.record(SourceEventType.ORDER_FULLY_REFUNDED, order)


def order_updated(order: Any, call: HookCall) -> None:
    if order.status in RETURN_STATUSES and call.enabled & UPDATE_KINDS:
        call.record(SourceEventType.ORDER_UPDATED, order, object_id=call.change_id(order))


def draft_order_created(order: Any, call: HookCall) -> None:
    """Record a replacement draft against the order it replaces items of."""
    original_id = getattr(order, "original_id", None)
    if (
        IntakeKind.REPLACEMENT in call.enabled
        and getattr(order, "origin", None) == REISSUE_ORIGIN
        and original_id
    ):
        call.record(SourceEventType.DRAFT_ORDER_CREATED, order, order_id=original_id)


def customer_deleted(user: Any, call: HookCall) -> None:
    """Record a deleted customer; the row is gone, so the id and e-mail travel in the payload."""
    email = getattr(user, "email", "") or ""
    if user.pk is None and not email:
        return
    record_inbound_event(
        SourceEventType.CUSTOMER_DELETED,
        str(user.pk) if user.pk is not None else f"email:{erasure.email_hash(email)}",
        payload={"user_id": user.pk, "email": email},
    )

"""From a recorded event and the order's new history rows to the order problems they reveal.

Each fact has a dedupe key that does not depend on which path reported it (hook, sweep,
reconciliation), so a problem lands on its ticket once.
"""

from dataclasses import dataclass, field
from datetime import timedelta
from decimal import Decimal
from typing import Any

from ..host.snapshot import OrderEventRecord, OrderSnapshot
from . import IntakeKind, SourceEventType, StoreOrderEventType

REFUND_FALLBACK_WINDOW = timedelta(minutes=2)
"""A refund hook with no refund history row this close in time is a refund of its own."""


@dataclass(frozen=True)
class Fact:
    kind: str
    dedupe_key: str
    parameters: dict[str, Any] = field(default_factory=dict)
    """Ids and amounts only; rendered into the system message, stored on the timeline."""
    customer_text: str = ""
    """Words the customer wrote (an order note), kept as their own message."""


def _group_key(kind: str, order_id: str, rows: list[OrderEventRecord]) -> str:
    if kind == IntakeKind.REPLACEMENT:
        related = next(
            (
                r.parameters.get("related_order_pk")
                for r in rows
                if r.parameters.get("related_order_pk")
            ),
            None,
        )
        if related:
            return f"{kind}:{related}"
    if kind in (IntakeKind.CANCELLATION, IntakeKind.EXPIRY):
        return f"{kind}:{order_id}"
    return f"{kind}:{order_id}:{min(r.pk for r in rows)}"


def _parameters(kind: str, rows: list[OrderEventRecord]) -> dict[str, Any]:
    params: dict[str, Any] = {"order_event_ids": [r.pk for r in rows]}
    if kind == IntakeKind.RETURN:
        params["lines"] = [line for r in rows for line in r.parameters.get("lines", [])]
    if kind == IntakeKind.REPLACEMENT:
        params["lines"] = [line for r in rows for line in r.parameters.get("lines", [])]
        related = [r.parameters.get("related_order_pk") for r in rows]
        params["related_order_id"] = next((str(x) for x in related if x), None)
    if kind == IntakeKind.REFUND:
        # A refund by line writes a payment row and a fulfilment row for the same money.
        payments = [r for r in rows if r.type == StoreOrderEventType.PAYMENT_REFUNDED]
        amounts = [r.parameters.get("amount") for r in payments or rows]
        if all(amounts):
            params["amount"] = str(sum((Decimal(str(a)) for a in amounts), Decimal(0)))
    return params


def facts_from_history(order_id: str, rows: list[OrderEventRecord]) -> list[Fact]:
    """Group new history rows by the problem they reveal: one fact per kind."""
    groups: dict[str, list[OrderEventRecord]] = {}
    for row in rows:
        kind = StoreOrderEventType.KIND.get(row.type)
        if kind == IntakeKind.RETURN and not row.parameters.get("lines"):
            continue  # Saleor writes an empty return row for a replacement-only return
        if kind is not None:
            groups.setdefault(kind, []).append(row)
    return [
        Fact(
            kind=kind,
            dedupe_key=_group_key(kind, order_id, group),
            parameters=_parameters(kind, group),
        )
        for kind, group in groups.items()
    ]


HEADLINE_ORDER = (
    IntakeKind.CANCELLATION,
    IntakeKind.EXPIRY,
    IntakeKind.RETURN,
    IntakeKind.REPLACEMENT,
    IntakeKind.PAYMENT_PROBLEM,
    IntakeKind.FULL_REFUND,
    IntakeKind.REFUND,
    IntakeKind.CUSTOMER_NOTE,
)
"""When one change reveals several problems, the first of these names the new ticket."""


def by_headline(facts: list[Fact]) -> list[Fact]:
    return sorted(facts, key=lambda fact: HEADLINE_ORDER.index(fact.kind))


def facts_for_event(
    *,
    source_event_type: str,
    source_object_id: str,
    snapshot: OrderSnapshot,
    new_rows: list[OrderEventRecord],
    recent_refund_rows: list[OrderEventRecord],
) -> list[Fact]:
    """Return the facts an inbound event reveals about ``snapshot``'s order.

    Args:
        new_rows: history rows not read before for this order.
        recent_refund_rows: refund rows of the order near the event, read before or not;
            a refund hook adds a fact of its own only when there is none.

    """
    order_id = snapshot.id
    facts = facts_from_history(order_id, new_rows)
    kinds = {f.kind for f in facts}

    def add(fact: Fact) -> None:
        if fact.kind not in kinds:
            kinds.add(fact.kind)
            facts.append(fact)

    if source_event_type == SourceEventType.ORDER_CANCELLED:
        add(Fact(IntakeKind.CANCELLATION, f"{IntakeKind.CANCELLATION}:{order_id}"))
    elif source_event_type == SourceEventType.ORDER_EXPIRED:
        add(Fact(IntakeKind.EXPIRY, f"{IntakeKind.EXPIRY}:{order_id}"))
    elif source_event_type == SourceEventType.ORDER_FULLY_REFUNDED:
        facts.append(
            Fact(
                IntakeKind.FULL_REFUND,
                f"{IntakeKind.FULL_REFUND}:{order_id}",
                {"refunded_total": snapshot.total_refunded},
            )
        )
    elif source_event_type == SourceEventType.ORDER_REFUNDED and not recent_refund_rows:
        add(
            Fact(
                IntakeKind.REFUND,
                f"{IntakeKind.REFUND}:{source_object_id}",
                {"refunded_total": snapshot.total_refunded},
            )
        )
    elif source_event_type == SourceEventType.DRAFT_ORDER_CREATED:
        # The draft's id is the one the history rows point at, so the keys agree.
        add(
            Fact(
                IntakeKind.REPLACEMENT,
                f"{IntakeKind.REPLACEMENT}:{source_object_id}",
                {"related_order_id": source_object_id, "lines": []},
            )
        )
    elif source_event_type == SourceEventType.ORDER_CREATED and snapshot.customer_note.strip():
        add(
            Fact(
                IntakeKind.CUSTOMER_NOTE,
                f"{IntakeKind.CUSTOMER_NOTE}:{order_id}",
                customer_text=snapshot.customer_note.strip(),
            )
        )
    return by_headline(facts)

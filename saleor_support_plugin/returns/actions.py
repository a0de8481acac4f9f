"""Asking for a return and deciding on it; the return itself is then made in the store."""

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.db import connection, transaction
from django.db.models import Sum
from django.utils import timezone

from ..host.snapshot import OrderSnapshot
from ..tickets import MessageAuthorType, actions, events
from ..tickets.actors import Actor
from ..tickets.customer import open_customer_ticket
from ..tickets.customer_orders import order_info
from ..tickets.error_codes import TicketError, TicketErrorCode
from . import ReturnDecision, ReturnReason, ReturnRequestStatus
from .lock_objects import return_request_qs_select_for_update
from .models import ReturnRequest, ReturnRequestLine

RETURN_CATEGORY = "return"
MAX_LINES = 100
FULFILLED = "fulfilled"
"""Status of the fulfilments whose items are with the customer: returns, refunds and
replacements move quantities out of them into fulfilments of their own (as Saleor does)."""


@dataclass(frozen=True)
class ReturnLine:
    """An order line (its id in the store) and how many of its items to return."""

    order_line_id: str
    quantity: int


def returnable_quantities(snapshot: OrderSnapshot) -> dict[str, int]:
    """Return per order line how many items were delivered and not returned since."""
    quantities: dict[str, int] = defaultdict(int)
    for fulfillment in snapshot.fulfillments:
        if fulfillment.status != FULFILLED:
            continue
        for line in fulfillment.lines:
            quantities[str(line["line_id"])] += int(line["quantity"])
    return dict(quantities)


def _lock_order(order_id: str) -> None:
    """Serialise return requests of one order until the transaction ends."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_advisory_xact_lock(hashtext(%s))", [f"support-return:{order_id}"])


def _held_quantities(order_id: str) -> dict[str, int]:
    rows = (
        ReturnRequestLine.objects.filter(
            return_request__order_id=order_id,
            return_request__status__in=ReturnRequestStatus.HOLDING,
        )
        .values("order_line_id")
        .annotate(total=Sum("quantity"))
    )
    return {row["order_line_id"]: int(row["total"]) for row in rows}


def _check_lines(snapshot: OrderSnapshot, lines: list[ReturnLine]) -> dict[str, Any]:
    """Return the snapshot's lines by id after checking the request names each once."""
    if not lines:
        raise TicketError(
            TicketErrorCode.REQUIRED, "Choose at least one item to return.", field="lines"
        )
    if len(lines) > MAX_LINES:
        raise TicketError(
            TicketErrorCode.INVALID, f"A request can name at most {MAX_LINES} lines.", field="lines"
        )
    by_id = {line.id: line for line in snapshot.lines}
    seen: set[str] = set()
    for line in lines:
        if line.order_line_id not in by_id:
            raise TicketError(
                TicketErrorCode.NOT_FOUND, "The order has no such line.", field="lines"
            )
        if line.order_line_id in seen:
            raise TicketError(
                TicketErrorCode.INVALID, "Each order line can be named once.", field="lines"
            )
        if line.quantity < 1:
            raise TicketError(
                TicketErrorCode.INVALID, "Quantities must be at least 1.", field="lines"
            )
        seen.add(line.order_line_id)
    return by_id


def _summary(lines: list[ReturnLine], by_id: dict[str, Any], comment: str) -> str:
    items = [
        f"{line.quantity} × {by_id[line.order_line_id].product_name}"
        + (f" ({by_id[line.order_line_id].sku})" if by_id[line.order_line_id].sku else "")
        for line in lines
    ]
    return "\n".join(items) + (f"\n\n{comment.strip()}" if comment.strip() else "")


@transaction.atomic
def request_return(
    *,
    customer: actions.CustomerInfo,
    snapshot: OrderSnapshot,
    lines: list[ReturnLine],
    reason: str,
    comment: str,
    actor: Actor,
    before_opening: Callable[[], None] | None = None,
    now: datetime | None = None,
) -> ReturnRequest:
    """Open a return ticket for items delivered and not yet returned or asked for.

    Items of requests still waiting or approved are not available to another request.
    The ticket's first message lists the items, then the customer's comment.
    ``before_opening`` runs once the request is valid, right before anything is written
    (the API counts guests' requests there).
    """
    now = now or timezone.now()
    if reason not in dict(ReturnReason.CHOICES):
        raise TicketError(TicketErrorCode.INVALID, f"Unknown reason '{reason}'.", field="reason")
    if reason == ReturnReason.OTHER and not comment.strip():
        raise TicketError(
            TicketErrorCode.REQUIRED, "Tell us why you return the items.", field="comment"
        )
    if comment.strip():
        actions.check_body(comment, field="comment")
    by_id = _check_lines(snapshot, lines)
    _lock_order(snapshot.id)
    returnable = returnable_quantities(snapshot)
    held = _held_quantities(snapshot.id)
    for line in lines:
        available = returnable.get(line.order_line_id, 0) - held.get(line.order_line_id, 0)
        if line.quantity > available:
            name = by_id[line.order_line_id].product_name
            raise TicketError(
                TicketErrorCode.QUANTITY_UNAVAILABLE,
                f"{name}: {max(available, 0)} can be returned, not {line.quantity}.",
                field="lines",
            )
    if before_opening is not None:
        before_opening()
    ticket, _ = open_customer_ticket(
        customer=customer,
        body=_summary(lines, by_id, comment),
        subject=f"Return request: order #{snapshot.number}",
        category=actions.category_by_slug(RETURN_CATEGORY),
        order=order_info(snapshot),
        actor=actor,
        source="return_request",
        now=now,
    )
    request = ReturnRequest.objects.create(
        ticket=ticket, order_id=snapshot.id, reason=reason, created_at=now
    )
    ReturnRequestLine.objects.bulk_create(
        ReturnRequestLine(
            return_request=request,
            order_line_id=line.order_line_id,
            product_name=by_id[line.order_line_id].product_name[:386],
            variant_name=by_id[line.order_line_id].variant_name[:255],
            sku=by_id[line.order_line_id].sku[:255],
            quantity=line.quantity,
        )
        for line in lines
    )
    events.return_requested_event(ticket, actor=actor, at=now, return_request_id=request.pk)
    return request


@transaction.atomic
def decide_return(
    return_request: ReturnRequest,
    decision: str,
    *,
    actor: Actor,
    message: str = "",
    now: datetime | None = None,
) -> ReturnRequest:
    """Approve or reject a waiting request; ``message`` goes to the customer publicly."""
    now = now or timezone.now()
    if decision not in dict(ReturnDecision.CHOICES):
        raise TicketError(
            TicketErrorCode.INVALID, f"Unknown decision '{decision}'.", field="decision"
        )
    locked = return_request_qs_select_for_update().get(pk=return_request.pk)
    if locked.status != ReturnRequestStatus.REQUESTED:
        raise TicketError(
            TicketErrorCode.INVALID_TRANSITION,
            f"The request was already {locked.status}.",
            field="decision",
        )
    if message.strip():
        actions.add_message(
            locked.ticket,
            author_type=MessageAuthorType.AGENT,
            actor=actor,
            body=message,
            now=now,
        )
    locked.status = (
        ReturnRequestStatus.APPROVED
        if decision == ReturnDecision.APPROVE
        else ReturnRequestStatus.REJECTED
    )
    locked.decided_at = now
    locked.decided_by_id = actor.user_id
    locked.save(update_fields=["status", "decided_at", "decided_by"])
    events.return_decided_event(
        locked.ticket, actor=actor, at=now, return_request_id=locked.pk, decision=locked.status
    )
    return locked

"""What customers do to their own tickets: open one, write, close it, reopen it.

Customers write plain text (shown escaped, with line breaks kept). Their inputs never set
status, priority, assignee, tier or tags: each action decides those itself.
"""

from datetime import datetime, timedelta

from django.db import transaction
from django.utils import timezone

from . import MessageAuthorType, TicketChannel, TicketStatus, actions, events
from .actors import Actor
from .error_codes import TicketError, TicketErrorCode
from .lock_objects import ticket_qs_select_for_update
from .models import Ticket, TicketCategory, TicketMessage

SUBJECT_FROM_BODY_LENGTH = 80
"""A ticket opened without a subject takes this many characters of its first message."""

DEFAULT_CATEGORY = "other"


def subject_from_body(body: str) -> str:
    """Return the first line of ``body``, cut at a word to at most 80 characters."""
    first_line = next((line.strip() for line in body.splitlines() if line.strip()), "")
    if len(first_line) <= SUBJECT_FROM_BODY_LENGTH:
        return first_line
    cut = first_line[: SUBJECT_FROM_BODY_LENGTH - 1].rsplit(" ", 1)[0]
    return cut.rstrip(" ,.;:") + "…"


def customer_category(slug: str | None) -> TicketCategory:
    """Return the active category ``slug``, or the default one when no slug is given."""
    return actions.category_by_slug(slug or DEFAULT_CATEGORY)


@transaction.atomic
def open_customer_ticket(
    *,
    customer: actions.CustomerInfo,
    body: str,
    actor: Actor,
    subject: str = "",
    category: TicketCategory,
    order: actions.OrderInfo | None = None,
    source: str = "customer",
    now: datetime | None = None,
) -> tuple[Ticket, TicketMessage]:
    """Open a web ticket with the customer's first message.

    A missing subject is taken from the message, so a one-field form works.
    """
    now = now or timezone.now()
    actions.check_body(body)
    ticket = actions.open_ticket(
        subject=subject if subject.strip() else subject_from_body(body),
        category=category,
        channel=TicketChannel.WEB,
        actor=actor,
        customer=customer,
        order=order,
        source=source,
        now=now,
    )
    message = actions.add_message(
        ticket,
        author_type=MessageAuthorType.CUSTOMER,
        actor=actor,
        body=body,
        plain_text=True,
        now=now,
    )
    return message.ticket, message


@transaction.atomic
def customer_reply(
    ticket: Ticket, *, body: str, actor: Actor, now: datetime | None = None
) -> TicketMessage:
    """Add the customer's message; a ticket waiting on them or solved is open again.

    A closed ticket takes no more messages: the customer reopens it (within the window)
    or opens a new one.
    """
    now = now or timezone.now()
    locked = ticket_qs_select_for_update().get(pk=ticket.pk)
    if locked.status == TicketStatus.CLOSED:
        raise TicketError(
            TicketErrorCode.INVALID_TRANSITION,
            "The ticket is closed; reopen it or open a new ticket.",
            field="id",
        )
    message = actions.add_message(
        locked,
        author_type=MessageAuthorType.CUSTOMER,
        actor=actor,
        body=body,
        plain_text=True,
        now=now,
    )
    if locked.status in (TicketStatus.PENDING, TicketStatus.SOLVED):
        message.ticket = actions.change_status(
            message.ticket, TicketStatus.OPEN, actor=actor, now=now
        )
    return message


@transaction.atomic
def close_by_customer(ticket: Ticket, *, actor: Actor, now: datetime | None = None) -> Ticket:
    """Close the ticket because the customer says it is settled; closing twice is a no-op.

    An active ticket is solved first, so the timeline and resolution times read as usual.
    """
    now = now or timezone.now()
    locked = ticket_qs_select_for_update().get(pk=ticket.pk)
    if locked.status == TicketStatus.CLOSED:
        return locked
    if locked.status != TicketStatus.SOLVED:
        locked = actions.change_status(locked, TicketStatus.SOLVED, actor=actor, now=now)
    return actions.change_status(locked, TicketStatus.CLOSED, actor=actor, now=now)


def reopen_deadline(ticket: Ticket, window_days: int) -> datetime | None:
    """Until when the customer may reopen ``ticket``; ``None`` when they cannot (any more)."""
    if ticket.status not in (TicketStatus.SOLVED, TicketStatus.CLOSED) or window_days <= 0:
        return None
    ended_at = ticket.closed_at if ticket.status == TicketStatus.CLOSED else ticket.solved_at
    if ended_at is None:
        return None
    return ended_at + timedelta(days=window_days)


@transaction.atomic
def reopen_by_customer(
    ticket: Ticket, *, actor: Actor, window_days: int, now: datetime | None = None
) -> Ticket:
    """Open a solved or closed ticket again, within ``window_days`` of it ending."""
    now = now or timezone.now()
    locked = ticket_qs_select_for_update().get(pk=ticket.pk)
    if locked.status in TicketStatus.ACTIVE:
        raise TicketError(
            TicketErrorCode.INVALID_TRANSITION, "The ticket is still open.", field="id"
        )
    deadline = reopen_deadline(locked, window_days)
    if deadline is None or now > deadline:
        raise TicketError(
            TicketErrorCode.REOPEN_WINDOW_PASSED,
            "This ticket can no longer be reopened; please open a new ticket.",
            field="id",
        )
    old = locked.status
    locked.status = TicketStatus.OPEN
    locked.closed_at = None
    locked.version += 1
    locked.updated_at = now
    locked.save(update_fields=["status", "closed_at", "version", "updated_at"])
    events.status_changed_event(locked, actor=actor, at=now, old=old, new=TicketStatus.OPEN)
    actions.reclaim_thread(locked)
    return locked

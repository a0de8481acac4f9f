"""Every change to a ticket goes through these functions, in a transaction, on the timeline."""

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any
from uuid import UUID

from django.db import IntegrityError, transaction
from django.utils import timezone

from ..search.documents import message_search_text, search_text_of_ticket
from . import (
    MessageAuthorType,
    TicketChannel,
    TicketPriority,
    TicketStatus,
    TicketTier,
    erasure,
    events,
)
from .actors import Actor
from .error_codes import TicketError, TicketErrorCode
from .lock_objects import ticket_qs_select_for_update
from .models import Ticket, TicketCategory, TicketMessage
from .sanitize import clean_html, text_to_html

MAX_SUBJECT_LENGTH = 255
MAX_BODY_LENGTH = 10_000
MAX_TAGS = 20
MAX_TAG_LENGTH = 64


@dataclass(frozen=True)
class CustomerInfo:
    """The customer a ticket is about, as far as the desk knows them."""

    user_id: int | None = None
    email: str = ""
    name: str = ""
    language_code: str = ""


@dataclass(frozen=True)
class OrderInfo:
    """The order a ticket is about: Saleor's id and number plus a stored snapshot."""

    order_id: UUID
    number: str
    channel: str
    snapshot: dict[str, Any]


def order_thread_key(order_id: UUID | str) -> str:
    """Key held by the one active ticket that collects an order's store events."""
    return f"order:{order_id}"


def _check_subject(subject: str) -> str:
    subject = " ".join(subject.split())
    if not subject:
        raise TicketError(TicketErrorCode.REQUIRED, "A subject is required.", field="subject")
    if len(subject) > MAX_SUBJECT_LENGTH:
        raise TicketError(
            TicketErrorCode.TOO_LONG,
            f"The subject can have at most {MAX_SUBJECT_LENGTH} characters.",
            field="subject",
        )
    return subject


def _check_body(body: str, field: str = "body") -> str:
    if not body.strip():
        raise TicketError(TicketErrorCode.REQUIRED, "A message cannot be empty.", field=field)
    if len(body) > MAX_BODY_LENGTH:
        raise TicketError(
            TicketErrorCode.TOO_LONG,
            f"A message can have at most {MAX_BODY_LENGTH} characters.",
            field=field,
        )
    return body


def _check_choice(value: str, choices: list[tuple[str, str]], field: str) -> str:
    if value not in {key for key, _ in choices}:
        raise TicketError(TicketErrorCode.INVALID, f"Unknown {field} '{value}'.", field=field)
    return value


def normalise_tags(tags: Iterable[str]) -> list[str]:
    """Return tags lower-cased, with inner spaces as dashes, de-duplicated in order."""
    result: list[str] = []
    for raw in tags:
        tag = re.sub(r"\s+", "-", raw.strip().lower())
        if not tag:
            continue
        if len(tag) > MAX_TAG_LENGTH:
            raise TicketError(
                TicketErrorCode.TOO_LONG,
                f"A tag can have at most {MAX_TAG_LENGTH} characters.",
                field="tags",
            )
        if tag not in result:
            result.append(tag)
    if len(result) > MAX_TAGS:
        raise TicketError(
            TicketErrorCode.INVALID,
            f"A ticket can have at most {MAX_TAGS} tags.",
            field="tags",
        )
    return result


def category_by_slug(slug: str, *, current_id: int | None = None) -> TicketCategory:
    """Return the active category ``slug`` (or the inactive one of id ``current_id``).

    An inactive category stays on its tickets but takes no new ones.
    """
    category = TicketCategory.objects.filter(slug=slug).first()
    if category is None:
        raise TicketError(TicketErrorCode.INVALID, f"Unknown category '{slug}'.", field="category")
    if not category.is_active and category.pk != current_id:
        raise TicketError(
            TicketErrorCode.INVALID,
            f"The category '{slug}' is inactive: tickets keep it, but no ticket can be put in it.",
            field="category",
        )
    return category


def _lock(ticket: Ticket, expected_version: int | None) -> Ticket:
    locked = ticket_qs_select_for_update().get(pk=ticket.pk)
    if expected_version is not None and locked.version != expected_version:
        raise TicketError(
            TicketErrorCode.CONFLICT,
            f"The ticket was changed by someone else (now at version {locked.version}).",
            field="expectedVersion",
        )
    return locked


def _save(ticket: Ticket, now: datetime, fields: list[str]) -> None:
    ticket.version += 1
    ticket.updated_at = now
    ticket.save(update_fields=[*fields, "version", "updated_at"])


@transaction.atomic
def open_ticket(
    *,
    subject: str,
    category: TicketCategory,
    channel: str,
    actor: Actor,
    priority: str = TicketPriority.NORMAL,
    customer: CustomerInfo | None = None,
    order: OrderInfo | None = None,
    thread_key: str | None = None,
    source: str = "",
    now: datetime | None = None,
) -> Ticket:
    """Open a ticket and write its first timeline entry.

    Args:
        thread_key: makes the ticket the open store-event thread of an order; a second
            active thread with the same key fails with ``IntegrityError``.
        source: what opened it (a store event kind, ``"customer"``, ``"agent"``).

    """
    now = now or timezone.now()
    customer = customer or CustomerInfo()
    erased = bool(customer.email) and erasure.is_erased(customer.email)
    if erased:
        marker = erasure.erased_marker(customer.email)
        customer = CustomerInfo(email=marker, name=marker, language_code=customer.language_code)
        if order is not None:
            order = replace(order, snapshot=erasure.redact_snapshot(order.snapshot, marker))
    ticket = Ticket(
        subject=_check_subject(subject),
        category=category,
        channel=_check_choice(channel, TicketChannel.CHOICES, "channel"),
        priority=_check_choice(priority, TicketPriority.CHOICES, "priority"),
        tier=TicketTier.L1,
        customer_user_id=customer.user_id,
        customer_account_id=customer.user_id,
        customer_email=erasure.normalise_email(customer.email),
        customer_name=customer.name.strip()[:255],
        language_code=customer.language_code,
        order_id=order.order_id if order else None,
        order_number=order.number if order else "",
        order_channel=order.channel if order else "",
        order_snapshot=order.snapshot if order else None,
        thread_key=thread_key,
        anonymised_at=now if erased else None,
        created_at=now,
        updated_at=now,
    )
    ticket.search_text = search_text_of_ticket(ticket)
    ticket.save(force_insert=True)
    events.ticket_opened_event(ticket, actor=actor, at=now, source=source)
    return ticket


@transaction.atomic
def add_message(
    ticket: Ticket,
    *,
    author_type: str,
    actor: Actor,
    body: str,
    is_internal: bool = False,
    plain_text: bool = False,
    now: datetime | None = None,
) -> TicketMessage:
    """Append a message or internal note; the first public agent reply is the first response."""
    now = now or timezone.now()
    _check_choice(author_type, MessageAuthorType.CHOICES, "author_type")
    if is_internal and author_type == MessageAuthorType.CUSTOMER:
        raise TicketError(
            TicketErrorCode.INVALID,
            "Customers cannot write internal notes.",
            field="isInternal",
        )
    body = _check_body(body)
    locked = _lock(ticket, None)
    body_html = text_to_html(body) if plain_text else clean_html(body)
    message = TicketMessage.objects.create(
        ticket=locked,
        author_type=author_type,
        author_user_id=actor.user_id,
        is_internal=is_internal,
        body_raw=body,
        body=body_html,
        search_text=message_search_text(body_html),
        created_at=now,
    )
    fields: list[str] = []
    if (
        author_type == MessageAuthorType.AGENT
        and not is_internal
        and locked.first_response_at is None
    ):
        locked.first_response_at = now
        fields.append("first_response_at")
    _save(locked, now, fields)
    events.message_added_event(
        locked, actor=actor, at=now, message_id=message.pk, is_internal=is_internal
    )
    return message


@transaction.atomic
def change_status(
    ticket: Ticket,
    status: str,
    *,
    actor: Actor,
    expected_version: int | None = None,
    now: datetime | None = None,
) -> Ticket:
    """Move a ticket to ``status`` if the move is allowed; the same status is a no-op."""
    now = now or timezone.now()
    _check_choice(status, TicketStatus.CHOICES, "status")
    locked = _lock(ticket, expected_version)
    old = locked.status
    if status == old:
        return locked
    if status not in TicketStatus.TRANSITIONS[old]:
        raise TicketError(
            TicketErrorCode.INVALID_TRANSITION,
            f"A ticket cannot move from {old} to {status}.",
            field="status",
        )
    locked.status = status
    fields = ["status"]
    if status == TicketStatus.SOLVED:
        locked.solved_at = now
        fields.append("solved_at")
    if status == TicketStatus.CLOSED:
        locked.closed_at = now
        fields.append("closed_at")
    if status not in TicketStatus.ACTIVE and locked.thread_key is not None:
        # The next store event of this order opens a new thread.
        locked.thread_key = None
        fields.append("thread_key")
    elif old == TicketStatus.SOLVED and status in TicketStatus.ACTIVE:
        _reclaim_thread(locked)
    _save(locked, now, fields)
    events.status_changed_event(locked, actor=actor, at=now, old=old, new=status)
    return locked


def _reclaim_thread(ticket: Ticket) -> None:
    """Let a reopened order ticket collect its order's events again, unless another one does."""
    if ticket.order_id is None:
        return
    key = order_thread_key(ticket.order_id)
    if Ticket.objects.filter(thread_key=key).exists():
        return
    try:
        with transaction.atomic():
            Ticket.objects.filter(pk=ticket.pk).update(thread_key=key)
    except IntegrityError:  # another ticket took it meanwhile
        return
    ticket.thread_key = key


@transaction.atomic
def change_priority(
    ticket: Ticket,
    priority: str,
    *,
    actor: Actor,
    expected_version: int | None = None,
    now: datetime | None = None,
) -> Ticket:
    """Set how urgent the ticket is."""
    now = now or timezone.now()
    _check_choice(priority, TicketPriority.CHOICES, "priority")
    locked = _lock(ticket, expected_version)
    old = locked.priority
    if priority == old:
        return locked
    locked.priority = priority
    _save(locked, now, ["priority"])
    events.priority_changed_event(locked, actor=actor, at=now, old=old, new=priority)
    return locked


@transaction.atomic
def change_category(
    ticket: Ticket,
    category_slug: str,
    *,
    actor: Actor,
    expected_version: int | None = None,
    now: datetime | None = None,
) -> Ticket:
    """Move the ticket to another (active) category; naming its current one changes nothing."""
    now = now or timezone.now()
    locked = _lock(ticket, expected_version)
    category = category_by_slug(category_slug, current_id=locked.category_id)
    old = locked.category_id
    if category.pk == old:
        return locked
    locked.category = category
    _save(locked, now, ["category"])
    events.category_changed_event(locked, actor=actor, at=now, old=old, new=category.pk)
    return locked


@transaction.atomic
def change_subject(
    ticket: Ticket,
    subject: str,
    *,
    actor: Actor,
    expected_version: int | None = None,
    now: datetime | None = None,
) -> Ticket:
    """Give the ticket a clearer one-line summary; the same subject is a no-op."""
    now = now or timezone.now()
    subject = _check_subject(subject)
    locked = _lock(ticket, expected_version)
    if subject == locked.subject:
        return locked
    locked.subject = subject
    locked.search_text = search_text_of_ticket(locked)
    _save(locked, now, ["subject", "search_text"])
    events.subject_changed_event(locked, actor=actor, at=now)
    return locked


@transaction.atomic
def set_tags(
    ticket: Ticket,
    tags: Iterable[str],
    *,
    actor: Actor,
    expected_version: int | None = None,
    now: datetime | None = None,
) -> Ticket:
    """Replace the ticket's tags (normalised); the timeline records what was added and removed."""
    now = now or timezone.now()
    new = normalise_tags(tags)
    locked = _lock(ticket, expected_version)
    old = list(locked.tags)
    if new == old:
        return locked
    locked.tags = new
    _save(locked, now, ["tags"])
    events.tags_changed_event(
        locked,
        actor=actor,
        at=now,
        added=[t for t in new if t not in old],
        removed=[t for t in old if t not in new],
    )
    return locked


@transaction.atomic
def assign_ticket(
    ticket: Ticket,
    assignee_id: int | None,
    *,
    actor: Actor,
    expected_version: int | None = None,
    now: datetime | None = None,
) -> Ticket:
    """Set or clear (``None``) the agent who owns the ticket."""
    now = now or timezone.now()
    locked = _lock(ticket, expected_version)
    old = locked.assignee_id
    if assignee_id == old:
        return locked
    locked.assignee_id = assignee_id
    _save(locked, now, ["assignee"])
    events.assigned_event(locked, actor=actor, at=now, old=old, new=assignee_id)
    return locked


def add_store_event(
    ticket: Ticket,
    *,
    kind: str,
    dedupe_key: str,
    parameters: dict[str, Any],
    now: datetime | None = None,
) -> bool:
    """Record that a store event landed on ``ticket``; ``False`` if that fact is already recorded.

    The caller holds the ticket's lock; the unique dedupe key makes this safe on replays.
    """
    now = now or timezone.now()
    try:
        with transaction.atomic():
            events.store_event_event(
                ticket, at=now, dedupe_key=dedupe_key, kind=kind, parameters=parameters
            )
    except IntegrityError:
        return False
    return True


@transaction.atomic
def refresh_order_snapshot(
    ticket: Ticket, order: OrderInfo, *, now: datetime | None = None
) -> Ticket:
    """Store the order's latest state beside the ticket (no timeline entry: nothing was decided)."""
    now = now or timezone.now()
    locked = _lock(ticket, None)
    snapshot = order.snapshot
    if locked.anonymised_at is not None:
        snapshot = erasure.redact_snapshot(snapshot, locked.customer_email)
    locked.order_snapshot = snapshot
    locked.order_channel = order.channel
    locked.search_text = search_text_of_ticket(locked)
    _save(locked, now, ["order_snapshot", "order_channel", "search_text"])
    return locked


def check_body(body: str, *, field: str = "body") -> str:
    """Return ``body`` if it can be a message; raise ``REQUIRED`` or ``TOO_LONG`` on ``field``."""
    return _check_body(body, field)


def check_subject(subject: str) -> str:
    """Return ``subject`` tidied; raise ``REQUIRED`` or ``TOO_LONG`` otherwise."""
    return _check_subject(subject)


def reclaim_thread(ticket: Ticket) -> None:
    """Make a reopened order ticket its order's store-event thread again, when free."""
    _reclaim_thread(ticket)

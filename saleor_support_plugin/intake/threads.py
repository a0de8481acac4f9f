"""One open thread per order: store events of an order land on its open ticket."""

from datetime import datetime

from django.db import IntegrityError, transaction

from ..agents.routing import route_new_ticket
from ..host.snapshot import OrderSnapshot
from ..sla.sync import sync_clocks_after_commit
from ..tickets import (
    MessageAuthorType,
    TicketChannel,
    TicketPriority,
    TicketStatus,
    actions,
)
from ..tickets.actors import Actor
from ..tickets.customer_orders import order_info
from ..tickets.lock_objects import ticket_qs_select_for_update
from ..tickets.models import Ticket, TicketCategory, TicketEvent
from .facts import Fact
from .messages import system_message, ticket_subject
from .rules import IntakeSettings, render_acknowledgement

FALLBACK_CATEGORY = "other"


def new_facts(facts: list[Fact]) -> list[Fact]:
    """Drop facts already recorded on any ticket (replays, reconciliation)."""
    known = set(
        TicketEvent.objects.filter(dedupe_key__in=[f.dedupe_key for f in facts]).values_list(
            "dedupe_key", flat=True
        )
    )
    return [f for f in facts if f.dedupe_key not in known]


def _category(slug: str) -> TicketCategory:
    """Return the rule's category; if the merchant removed it, "other", or any active one."""
    categories = TicketCategory.objects.filter(is_active=True)
    category = (
        categories.filter(slug=slug).first()
        or categories.filter(slug=FALLBACK_CATEGORY).first()
        or categories.order_by("position", "pk").first()
    )
    if category is None:
        category, _ = TicketCategory.objects.get_or_create(
            slug=FALLBACK_CATEGORY, defaults={"name": "Other"}
        )
    return category


def _open_thread(
    snapshot: OrderSnapshot, facts: list[Fact], settings: IntakeSettings, now: datetime
) -> tuple[Ticket, bool]:
    key = actions.order_thread_key(snapshot.id)
    ticket = ticket_qs_select_for_update().filter(thread_key=key).first()
    if ticket is not None:
        return ticket, False
    fact = facts[0]
    rule = settings.rule(fact.kind)
    priority = max(
        (settings.rule(f.kind).priority for f in facts), key=TicketPriority.RANK.__getitem__
    )
    customer = snapshot.customer
    try:
        with transaction.atomic():
            ticket = actions.open_ticket(
                subject=ticket_subject(fact.kind, snapshot.number),
                category=_category(rule.category),
                channel=TicketChannel.SYSTEM,
                actor=Actor.system(),
                priority=priority,
                customer=actions.CustomerInfo(
                    user_id=customer.user_id,
                    email=customer.email,
                    name=customer.full_name,
                    language_code=customer.language_code,
                ),
                order=order_info(snapshot),
                thread_key=key,
                source=fact.kind,
                now=now,
            )
            ticket = route_new_ticket(ticket, now)
    except IntegrityError:
        return ticket_qs_select_for_update().get(thread_key=key), False
    return ticket, True


def apply_facts(
    snapshot: OrderSnapshot,
    facts: list[Fact],
    settings: IntakeSettings,
    *,
    now: datetime,
) -> tuple[Ticket, bool]:
    """Put ``facts`` (new, enabled, non-empty) on the order's open thread, opening it if needed.

    Returns the ticket and whether it was opened now.
    """
    ticket, opened = _open_thread(snapshot, facts, settings, now)
    system = Actor.system()
    for fact in facts:
        if not actions.add_store_event(
            ticket,
            kind=fact.kind,
            dedupe_key=fact.dedupe_key,
            parameters=fact.parameters,
            now=now,
        ):
            continue
        if fact.customer_text:
            actions.add_message(
                ticket,
                author_type=MessageAuthorType.CUSTOMER,
                actor=Actor(user_id=snapshot.customer.user_id),
                body=fact.customer_text[: actions.MAX_BODY_LENGTH],
                plain_text=True,
                now=now,
            )
        actions.add_message(
            ticket,
            author_type=MessageAuthorType.SYSTEM,
            actor=system,
            body=system_message(fact, snapshot),
            is_internal=True,
            plain_text=True,
            now=now,
        )
        priority = settings.rule(fact.kind).priority
        ticket.refresh_from_db(fields=["priority", "status", "version"])
        if TicketPriority.RANK[priority] > TicketPriority.RANK[ticket.priority]:
            ticket = actions.change_priority(ticket, priority, actor=system, now=now)
    if not opened:
        ticket = actions.refresh_order_snapshot(ticket, order_info(snapshot), now=now)
        if ticket.status in (TicketStatus.PENDING, TicketStatus.ON_HOLD):
            ticket = actions.change_status(ticket, TicketStatus.OPEN, actor=system, now=now)
    elif settings.acknowledge and ticket.anonymised_at is None:
        actions.add_message(
            ticket,
            author_type=MessageAuthorType.SYSTEM,
            actor=system,
            body=render_acknowledgement(
                settings.acknowledgement(ticket.language_code),
                customer_name=ticket.customer_name or ticket.customer_email,
                order_number=snapshot.number,
                ticket_number=ticket.number,
            )[: actions.MAX_BODY_LENGTH],
            plain_text=True,
            now=now,
        )
    sync_clocks_after_commit(ticket.pk)
    return ticket, opened

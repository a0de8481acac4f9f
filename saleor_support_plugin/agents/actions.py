"""What agents do to tickets across teams: set the team, escalate, merge, split.

``assign_in_team`` (automatic assignment inside a team) lives in ``assignment`` and is
re-exported here, beside ``escalate_ticket``, for callers such as SLA breach actions.
"""

from datetime import datetime

from django.db import transaction
from django.utils import timezone

from ..returns.models import ReturnRequest
from ..search.documents import search_text_of_ticket
from ..tickets import MessageAuthorType, TicketStatus, TicketTier, actions, events
from ..tickets.actors import Actor
from ..tickets.error_codes import TicketError, TicketErrorCode
from ..tickets.lock_objects import ticket_qs_select_for_update, tickets_select_for_update
from ..tickets.models import Ticket, TicketAccessToken, TicketEvent, TicketMessage
from .assignment import assign_in_team, assign_locked
from .models import Team
from .placement import lock_ticket, move_to_team, place

__all__ = [
    "assign_in_team",
    "de_escalate_ticket",
    "escalate_ticket",
    "merge_tickets",
    "set_ticket_team",
    "split_message",
    "team_for_tier",
]

MAX_REASON_LENGTH = actions.MAX_BODY_LENGTH
TIERS = tuple(tier for tier, _ in TicketTier.CHOICES)


def _check_active(ticket: Ticket, field: str = "id") -> None:
    if ticket.merged_into_id is not None:
        raise TicketError(
            TicketErrorCode.INVALID_TRANSITION,
            "The ticket was merged into another one; work on that one.",
            field=field,
        )
    if ticket.status not in TicketStatus.ACTIVE:
        raise TicketError(
            TicketErrorCode.INVALID_TRANSITION,
            f"The ticket is {ticket.status}; reopen it first.",
            field=field,
        )


def team_for_tier(tier: int) -> Team | None:
    """Return the team that takes tickets escalated to ``tier``: the first active one."""
    return Team.objects.filter(tier=tier, is_active=True).order_by("position", "pk").first()


@transaction.atomic
def set_ticket_team(
    ticket: Ticket,
    team: Team | None,
    *,
    actor: Actor,
    expected_version: int | None = None,
    now: datetime | None = None,
) -> Ticket:
    """Move the ticket to another team of its tier, or out of any team (``None``).

    Moving between tiers is escalation. In a new team, an assignee who is not a member
    gives the ticket up, and a team with automatic assignment gives it to a member;
    without a team the assignee keeps it.
    """
    now = now or timezone.now()
    locked = lock_ticket(ticket, expected_version)
    _check_active(locked)
    if team is not None and team.tier != locked.tier:
        raise TicketError(
            TicketErrorCode.INVALID,
            f"The team works at tier L{team.tier} and the ticket is at L{locked.tier};"
            " escalate or de-escalate it instead.",
            field="teamId",
        )
    if team is not None and not team.is_active:
        raise TicketError(TicketErrorCode.INVALID, "The team is not active.", field="teamId")
    locked = move_to_team(locked, team, actor=actor, now=now, release_assignee=team is not None)
    if team is not None and team.auto_assign and locked.assignee_id is None:
        locked = assign_locked(locked, team, actor=actor, now=now)
    return locked


def _check_reason(reason: str) -> str:
    reason = reason.strip()
    if not reason:
        raise TicketError(
            TicketErrorCode.REQUIRED, "Say why the ticket changes tier.", field="reason"
        )
    if len(reason) > MAX_REASON_LENGTH:
        raise TicketError(
            TicketErrorCode.TOO_LONG,
            f"A reason can have at most {MAX_REASON_LENGTH} characters.",
            field="reason",
        )
    return reason


def _change_tier(
    ticket: Ticket,
    step: int,
    *,
    actor: Actor,
    reason: str,
    expected_version: int | None,
    now: datetime | None,
) -> Ticket:
    now = now or timezone.now()
    reason = _check_reason(reason)
    locked = lock_ticket(ticket, expected_version)
    _check_active(locked)
    new_tier = locked.tier + step
    if new_tier not in TIERS:
        where = "highest" if step > 0 else "lowest"
        raise TicketError(
            TicketErrorCode.TIER_LIMIT,
            f"The ticket is already at the {where} tier (L{locked.tier}).",
            field="id",
        )
    note = actions.add_message(
        locked,
        author_type=MessageAuthorType.SYSTEM if actor.user_id is None else MessageAuthorType.AGENT,
        actor=actor,
        body=reason,
        is_internal=True,
        plain_text=True,
        now=now,
    )
    locked = note.ticket
    team = team_for_tier(new_tier)
    before = place(locked, team, tier=new_tier, actor=actor, now=now, release_assignee=True)
    events.tier_changed_event(
        locked,
        actor=actor,
        at=now,
        old_tier=before.old_tier,
        new_tier=new_tier,
        old_team_id=before.old_team_id,
        new_team_id=locked.team_id,
        note_id=note.pk,
    )
    if team is not None and team.auto_assign and locked.assignee_id is None:
        locked = assign_locked(locked, team, actor=actor, now=now)
    return locked


@transaction.atomic
def escalate_ticket(
    ticket: Ticket,
    *,
    actor: Actor,
    reason: str,
    expected_version: int | None = None,
    now: datetime | None = None,
) -> Ticket:
    """Move an active ticket up one tier, into that tier's team, with a required reason.

    The reason becomes an internal note; the timeline's ``ESCALATED`` entry points to it.
    The team is the first active team of the new tier by position (none: no team). An
    assignee who is not a member of it gives the ticket up, and the new team assigns it
    when it assigns automatically. ``TIER_LIMIT`` at L3.
    """
    return _change_tier(
        ticket, 1, actor=actor, reason=reason, expected_version=expected_version, now=now
    )


@transaction.atomic
def de_escalate_ticket(
    ticket: Ticket,
    *,
    actor: Actor,
    reason: str,
    expected_version: int | None = None,
    now: datetime | None = None,
) -> Ticket:
    """Move an active ticket down one tier, as ``escalate_ticket`` does up; ``TIER_LIMIT`` at L1."""
    return _change_tier(
        ticket, -1, actor=actor, reason=reason, expected_version=expected_version, now=now
    )


def same_customer(first: Ticket, second: Ticket) -> bool:
    """Return whether nothing shows the two tickets belong to different customers.

    Account ids decide when both tickets have one; else e-mail addresses when both have
    one; a ticket without either belongs to nobody in particular.
    """
    if first.customer_account_id is not None and second.customer_account_id is not None:
        return first.customer_account_id == second.customer_account_id
    if first.customer_email and second.customer_email:
        return first.customer_email == second.customer_email
    return True


def _check_mergeable(source: Ticket, target: Ticket) -> None:
    if source.merged_into_id is not None:
        raise TicketError(
            TicketErrorCode.NOT_MERGEABLE,
            "This ticket was already merged into another one.",
            field="sourceId",
        )
    if target.merged_into_id is not None or target.status == TicketStatus.CLOSED:
        raise TicketError(
            TicketErrorCode.NOT_MERGEABLE,
            "Tickets cannot be merged into a closed or merged ticket.",
            field="targetId",
        )
    if not same_customer(source, target):
        raise TicketError(
            TicketErrorCode.NOT_MERGEABLE,
            "The tickets belong to different customers; each would see the other's conversation.",
            field="targetId",
        )
    returns = set(
        ReturnRequest.objects.filter(ticket_id__in=[source.pk, target.pk]).values_list(
            "ticket_id", flat=True
        )
    )
    if len(returns) == 2:  # both tickets
        raise TicketError(
            TicketErrorCode.NOT_MERGEABLE,
            "Both tickets carry a return request; a ticket holds at most one.",
            field="targetId",
        )


def _take_customer(target: Ticket, source: Ticket) -> list[str]:
    """Give ``target`` the source's customer fields it lacks, so that customer keeps access."""
    fields = []
    for field in ("customer_user_id", "customer_account_id", "customer_email", "customer_name"):
        if not getattr(target, field) and getattr(source, field):
            setattr(target, field, getattr(source, field))
            fields.append(field.removesuffix("_id") if field == "customer_user_id" else field)
    return fields


@transaction.atomic
def merge_tickets(
    source: Ticket, target: Ticket, *, actor: Actor, now: datetime | None = None
) -> Ticket:
    """Merge ``source`` into ``target``, which survives; return the target.

    The source's messages and timeline move to the target (their dates unchanged), as do
    its guest access tokens, its return request and tickets merged into it before; its
    customer fields fill the target's empty ones and its tags join the target's, so the
    source's customer keeps access to the conversation. The source is closed and points
    to the target.

    Refused (``NOT_MERGEABLE``): a ticket into itself, a source merged before, a target
    that is closed or merged, tickets of different customers (each would see the other's
    messages and order), two tickets that both carry a return request.
    """
    now = now or timezone.now()
    if source.pk == target.pk:
        raise TicketError(
            TicketErrorCode.NOT_MERGEABLE,
            "A ticket cannot be merged into itself.",
            field="targetId",
        )
    locked = {
        t.pk: t
        for t in tickets_select_for_update(Ticket.objects.filter(pk__in=[source.pk, target.pk]))
    }
    src, tgt = locked[source.pk], locked[target.pk]
    _check_mergeable(src, tgt)

    message_count = TicketMessage.objects.filter(ticket=src).update(ticket=tgt)
    event_count = TicketEvent.objects.filter(ticket=src).update(ticket=tgt)
    TicketAccessToken.objects.filter(ticket=src).update(ticket=tgt)
    ReturnRequest.objects.filter(ticket=src).update(ticket=tgt)
    Ticket.objects.filter(merged_into=src).update(merged_into=tgt)

    old_status = src.status
    src.merged_into = tgt
    src.status = TicketStatus.CLOSED
    src.closed_at = src.closed_at if old_status == TicketStatus.CLOSED else now
    src.thread_key = None
    src.version += 1
    src.updated_at = now
    src.save(
        update_fields=["merged_into", "status", "closed_at", "thread_key", "version", "updated_at"]
    )
    if old_status != TicketStatus.CLOSED:
        events.status_changed_event(
            src, actor=actor, at=now, old=old_status, new=TicketStatus.CLOSED
        )
    events.merged_into_event(src, actor=actor, at=now, target=tgt)

    fields = _take_customer(tgt, src)
    tags = [*tgt.tags, *(tag for tag in src.tags if tag not in tgt.tags)]
    if tags != tgt.tags:
        tgt.tags = tags[: actions.MAX_TAGS]
        fields.append("tags")
    if src.first_response_at and (
        tgt.first_response_at is None or src.first_response_at < tgt.first_response_at
    ):
        tgt.first_response_at = src.first_response_at
        fields.append("first_response_at")
    tgt.search_text = search_text_of_ticket(tgt)
    tgt.version += 1
    tgt.updated_at = now
    tgt.save(update_fields=[*fields, "search_text", "version", "updated_at"])
    events.merged_event(
        tgt,
        actor=actor,
        at=now,
        source=src,
        message_count=message_count,
        event_count=event_count,
    )
    if tgt.thread_key is None and tgt.status in TicketStatus.ACTIVE:
        actions.reclaim_thread(tgt)
    return tgt


@transaction.atomic
def split_message(
    message: TicketMessage, *, actor: Actor, subject: str, now: datetime | None = None
) -> Ticket:
    """Move ``message`` out of its ticket into a new ticket, and return the new ticket.

    The new ticket has the same customer, order, category, channel, priority, tier and
    team; it does not collect the order's store events. Both timelines record the split.
    The ticket must be active and keep at least one other message. Guests holding a
    token for the old ticket do not see the new one until an agent issues them a token.
    """
    now = now or timezone.now()
    old = ticket_qs_select_for_update().get(pk=message.ticket_id)
    _check_active(old, field="messageId")
    if not TicketMessage.objects.filter(ticket=old).exclude(pk=message.pk).exists():
        raise TicketError(
            TicketErrorCode.INVALID,
            "The ticket's only message cannot be split out; nothing would be left.",
            field="messageId",
        )
    new = actions.open_ticket(
        subject=subject,
        category=old.category,
        channel=old.channel,
        actor=actor,
        priority=old.priority,
        customer=actions.CustomerInfo(
            user_id=old.customer_user_id,
            email=old.customer_email,
            name=old.customer_name,
            language_code=old.language_code,
        ),
        source="split",
        now=now,
    )
    new.customer_account_id = old.customer_account_id
    new.anonymised_at = old.anonymised_at
    new.order_id = old.order_id
    new.order_number = old.order_number
    new.order_channel = old.order_channel
    new.order_snapshot = old.order_snapshot
    new.tier = old.tier
    new.team_id = old.team_id
    new.search_text = search_text_of_ticket(new)
    new.save(
        update_fields=[
            "customer_account_id",
            "anonymised_at",
            "order_id",
            "order_number",
            "order_channel",
            "order_snapshot",
            "tier",
            "team",
            "search_text",
        ]
    )
    TicketMessage.objects.filter(pk=message.pk).update(ticket=new)
    events.split_event(old, actor=actor, at=now, message_id=message.pk, new_ticket=new)
    events.split_from_event(new, actor=actor, at=now, message_id=message.pk, source=old)
    old.version += 1
    old.updated_at = now
    old.save(update_fields=["version", "updated_at"])
    return new

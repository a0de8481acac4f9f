"""The ticket timeline: one writer per event type. Parameters carry ids, never personal data."""

from datetime import datetime
from typing import Any

from . import TicketEventType
from .actors import Actor
from .models import Ticket, TicketEvent


def _event(
    ticket: Ticket,
    type_: str,
    *,
    actor: Actor,
    at: datetime,
    parameters: dict[str, Any] | None = None,
    dedupe_key: str | None = None,
) -> TicketEvent:
    return TicketEvent.objects.create(
        ticket=ticket,
        type=type_,
        parameters=parameters or {},
        user_id=actor.user_id,
        dedupe_key=dedupe_key,
        created_at=at,
    )


def ticket_opened_event(ticket: Ticket, *, actor: Actor, at: datetime, source: str) -> TicketEvent:
    return _event(
        ticket,
        TicketEventType.OPENED,
        actor=actor,
        at=at,
        parameters={"channel": ticket.channel, "source": source},
    )


def message_added_event(
    ticket: Ticket, *, actor: Actor, at: datetime, message_id: int, is_internal: bool
) -> TicketEvent:
    type_ = TicketEventType.NOTE_ADDED if is_internal else TicketEventType.MESSAGE_ADDED
    return _event(ticket, type_, actor=actor, at=at, parameters={"message_id": message_id})


def status_changed_event(
    ticket: Ticket, *, actor: Actor, at: datetime, old: str, new: str
) -> TicketEvent:
    return _event(
        ticket,
        TicketEventType.STATUS_CHANGED,
        actor=actor,
        at=at,
        parameters={"old": old, "new": new},
    )


def priority_changed_event(
    ticket: Ticket, *, actor: Actor, at: datetime, old: str, new: str
) -> TicketEvent:
    return _event(
        ticket,
        TicketEventType.PRIORITY_CHANGED,
        actor=actor,
        at=at,
        parameters={"old": old, "new": new},
    )


def category_changed_event(
    ticket: Ticket, *, actor: Actor, at: datetime, old: int, new: int
) -> TicketEvent:
    return _event(
        ticket,
        TicketEventType.CATEGORY_CHANGED,
        actor=actor,
        at=at,
        parameters={"old_category_id": old, "new_category_id": new},
    )


def tags_changed_event(
    ticket: Ticket, *, actor: Actor, at: datetime, added: list[str], removed: list[str]
) -> TicketEvent:
    return _event(
        ticket,
        TicketEventType.TAGS_CHANGED,
        actor=actor,
        at=at,
        parameters={"added": added, "removed": removed},
    )


def assigned_event(
    ticket: Ticket, *, actor: Actor, at: datetime, old: int | None, new: int | None
) -> TicketEvent:
    return _event(
        ticket,
        TicketEventType.ASSIGNED,
        actor=actor,
        at=at,
        parameters={"old_assignee_id": old, "new_assignee_id": new},
    )


def store_event_event(
    ticket: Ticket,
    *,
    at: datetime,
    dedupe_key: str,
    kind: str,
    parameters: dict[str, Any],
) -> TicketEvent:
    return _event(
        ticket,
        TicketEventType.STORE_EVENT,
        actor=Actor.system(),
        at=at,
        parameters={"kind": kind, **parameters},
        dedupe_key=dedupe_key,
    )


def customer_anonymised_event(ticket: Ticket, *, actor: Actor, at: datetime) -> TicketEvent:
    return _event(ticket, TicketEventType.CUSTOMER_ANONYMISED, actor=actor, at=at)


def access_tokens_revoked_event(
    ticket: Ticket, *, actor: Actor, at: datetime, count: int
) -> TicketEvent:
    return _event(
        ticket, TicketEventType.ACCESS_REVOKED, actor=actor, at=at, parameters={"count": count}
    )


def return_requested_event(
    ticket: Ticket, *, actor: Actor, at: datetime, return_request_id: int
) -> TicketEvent:
    return _event(
        ticket,
        TicketEventType.RETURN_REQUESTED,
        actor=actor,
        at=at,
        parameters={"return_request_id": return_request_id},
    )


def return_decided_event(
    ticket: Ticket, *, actor: Actor, at: datetime, return_request_id: int, decision: str
) -> TicketEvent:
    return _event(
        ticket,
        TicketEventType.RETURN_DECIDED,
        actor=actor,
        at=at,
        parameters={"return_request_id": return_request_id, "decision": decision},
    )


def team_changed_event(
    ticket: Ticket,
    *,
    actor: Actor,
    at: datetime,
    old_team_id: int | None,
    new_team_id: int | None,
    routing_rule_id: int | None = None,
    old_tier: int | None = None,
    new_tier: int | None = None,
) -> TicketEvent:
    """Record a move to another team; ``routing_rule_id`` when a routing rule chose it.

    The tiers are recorded when the move changed the ticket's tier (routing to an L2 team).
    """
    parameters: dict[str, Any] = {"old_team_id": old_team_id, "new_team_id": new_team_id}
    if routing_rule_id is not None:
        parameters["routing_rule_id"] = routing_rule_id
    if old_tier != new_tier:
        parameters["old_tier"] = old_tier
        parameters["new_tier"] = new_tier
    return _event(ticket, TicketEventType.TEAM_CHANGED, actor=actor, at=at, parameters=parameters)


def tier_changed_event(
    ticket: Ticket,
    *,
    actor: Actor,
    at: datetime,
    old_tier: int,
    new_tier: int,
    old_team_id: int | None,
    new_team_id: int | None,
    note_id: int,
) -> TicketEvent:
    """Escalation (up a tier) or de-escalation; the reason is the internal note ``note_id``."""
    type_ = TicketEventType.ESCALATED if new_tier > old_tier else TicketEventType.DE_ESCALATED
    return _event(
        ticket,
        type_,
        actor=actor,
        at=at,
        parameters={
            "old_tier": old_tier,
            "new_tier": new_tier,
            "old_team_id": old_team_id,
            "new_team_id": new_team_id,
            "note_id": note_id,
        },
    )


def merged_event(
    target: Ticket,
    *,
    actor: Actor,
    at: datetime,
    source: Ticket,
    message_count: int,
    event_count: int,
) -> TicketEvent:
    """``source`` was merged into ``target``: its messages and timeline entries moved here."""
    return _event(
        target,
        TicketEventType.MERGED,
        actor=actor,
        at=at,
        parameters={
            "source_ticket_id": source.pk,
            "source_number": source.number,
            "message_count": message_count,
            "event_count": event_count,
        },
    )


def merged_into_event(source: Ticket, *, actor: Actor, at: datetime, target: Ticket) -> TicketEvent:
    return _event(
        source,
        TicketEventType.MERGED_INTO,
        actor=actor,
        at=at,
        parameters={"target_ticket_id": target.pk, "target_number": target.number},
    )


def split_event(
    ticket: Ticket, *, actor: Actor, at: datetime, message_id: int, new_ticket: Ticket
) -> TicketEvent:
    """Message ``message_id`` moved out of ``ticket`` into ``new_ticket``."""
    return _event(
        ticket,
        TicketEventType.SPLIT,
        actor=actor,
        at=at,
        parameters={
            "message_id": message_id,
            "new_ticket_id": new_ticket.pk,
            "new_number": new_ticket.number,
        },
    )


def split_from_event(
    ticket: Ticket, *, actor: Actor, at: datetime, message_id: int, source: Ticket
) -> TicketEvent:
    """``ticket`` was opened with message ``message_id`` moved out of ``source``."""
    return _event(
        ticket,
        TicketEventType.SPLIT_FROM,
        actor=actor,
        at=at,
        parameters={
            "message_id": message_id,
            "source_ticket_id": source.pk,
            "source_number": source.number,
        },
    )


def sla_policy_applied_event(
    ticket: Ticket,
    *,
    at: datetime,
    policy_id: int | None,
    old_policy_id: int | None,
    targets: dict[str, int],
    due: dict[str, str | None],
) -> TicketEvent:
    """Return, unsaved, the entry naming the SLA policy that sets the targets now.

    ``policy_id`` is ``None`` when no policy applies any more; ``targets`` are business
    minutes by clock kind, ``due`` the clocks' due times (ISO 8601). Saved in batches with
    ``save_events``.
    """
    return TicketEvent(
        ticket=ticket,
        type=TicketEventType.SLA_POLICY_APPLIED,
        parameters={
            "policy_id": policy_id,
            "old_policy_id": old_policy_id,
            "targets": targets,
            "due": due,
        },
        created_at=at,
    )


def sla_warning_event(
    ticket: Ticket, *, at: datetime, kind: str, cycle: int, due_at: str | None, dedupe_key: str
) -> TicketEvent:
    """Return, unsaved, the entry saying a clock passed its warning threshold.

    The sweep saves a batch of them at once with ``save_events``.
    """
    return TicketEvent(
        ticket=ticket,
        type=TicketEventType.SLA_WARNING,
        parameters={"kind": kind, "cycle": cycle, "due_at": due_at},
        dedupe_key=dedupe_key,
        created_at=at,
    )


def sla_breached_event(
    ticket: Ticket,
    *,
    at: datetime,
    kind: str,
    cycle: int,
    due_at: str | None,
    policy_id: int | None,
    completed: bool,
    dedupe_key: str,
) -> TicketEvent:
    """Return, unsaved, the entry saying a clock passed its due time.

    ``completed``: the breach was noticed after the clock was met late. The sweep saves a
    batch of them at once with ``save_events``.
    """
    return TicketEvent(
        ticket=ticket,
        type=TicketEventType.SLA_BREACHED,
        parameters={
            "kind": kind,
            "cycle": cycle,
            "due_at": due_at,
            "policy_id": policy_id,
            "completed": completed,
        },
        dedupe_key=dedupe_key,
        created_at=at,
    )


def save_events(entries: list[TicketEvent]) -> None:
    """Insert unsaved entries in one statement; an entry whose ``dedupe_key`` exists is skipped."""
    if entries:
        TicketEvent.objects.bulk_create(entries, ignore_conflicts=True)


def sla_lead_notified_event(
    ticket: Ticket, *, at: datetime, lead_user_id: int, kinds: list[str]
) -> TicketEvent:
    return _event(
        ticket,
        TicketEventType.SLA_LEAD_NOTIFIED,
        actor=Actor.system(),
        at=at,
        parameters={"lead_user_id": lead_user_id, "kinds": kinds},
    )


def sla_action_failed_event(
    ticket: Ticket, *, at: datetime, action: str, code: str, kinds: list[str]
) -> TicketEvent:
    return _event(
        ticket,
        TicketEventType.SLA_ACTION_FAILED,
        actor=Actor.system(),
        at=at,
        parameters={"action": action, "code": code, "kinds": kinds},
    )


def subject_changed_event(ticket: Ticket, *, actor: Actor, at: datetime) -> TicketEvent:
    """Record a new subject; the text stays on the ticket, out of the timeline."""
    return _event(ticket, TicketEventType.SUBJECT_CHANGED, actor=actor, at=at)


def survey_answered_event(
    ticket: Ticket, *, actor: Actor, at: datetime, answers: list[dict[str, Any]]
) -> TicketEvent:
    """Record the customer's survey answers: per answer its id, question and score.

    Comments stay on the answers, out of the timeline.
    """
    return _event(
        ticket, TicketEventType.SURVEY_ANSWERED, actor=actor, at=at, parameters={"answers": answers}
    )

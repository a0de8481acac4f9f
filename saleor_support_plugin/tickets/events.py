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

"""What the sweep does to a ticket when one of its clocks breaches, as the policy lists it.

Each action runs in its own savepoint: one that fails (the ticket is at the top tier, its
team has nobody free, no lead is known) leaves an ``SLA_ACTION_FAILED`` entry with a code
and the next action still runs. Actions act as the desk itself (``Actor.system()``).
"""

import logging
from collections.abc import Callable
from datetime import datetime

from django.db import transaction

from ..agents import AgentRole
from ..agents.actions import assign_in_team, escalate_ticket
from ..agents.models import AgentProfile
from ..tickets import TicketPriority, actions, events
from ..tickets.actors import Actor
from ..tickets.error_codes import TicketError
from ..tickets.models import Ticket
from . import BreachAction, ClockKind
from .error_codes import BreachActionUnavailable
from .policies import Policy

logger = logging.getLogger(__name__)

KIND_NAMES = dict(ClockKind.CHOICES)


class ActionSkipped(Exception):
    """The action cannot apply to this ticket; ``code`` says why."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


def _raise_priority(ticket: Ticket, policy: Policy, kinds: list[str], now: datetime) -> Ticket:
    rank = TicketPriority.RANK[ticket.priority]
    higher = [p for p, r in sorted(TicketPriority.RANK.items(), key=lambda i: i[1]) if r > rank]
    if not higher:
        raise ActionSkipped("already_highest")
    return actions.change_priority(ticket, higher[0], actor=Actor.system(), now=now)


def _reason(kinds: list[str]) -> str:
    names = ", ".join(KIND_NAMES[kind].lower() for kind in kinds)
    return f"SLA breached ({names}): escalated automatically."


def _escalate(ticket: Ticket, policy: Policy, kinds: list[str], now: datetime) -> Ticket:
    return escalate_ticket(ticket, actor=Actor.system(), reason=_reason(kinds), now=now)


def _reassign(ticket: Ticket, policy: Policy, kinds: list[str], now: datetime) -> Ticket:
    if ticket.team_id is None:
        raise ActionSkipped("no_team")
    team = ticket.team
    if team is None:  # pragma: no cover - the foreign key keeps it
        raise ActionSkipped("no_team")
    before = ticket.assignee_id
    after = assign_in_team(ticket, team, actor=Actor.system(), reassign=True, now=now)
    if after.assignee_id == before or after.assignee_id is None:
        raise ActionSkipped("no_agent_available")
    return after


def team_lead_id(ticket: Ticket) -> int | None:
    """Return the lead of the ticket's team (lowest user id), else a manager, else ``None``."""
    profiles = AgentProfile.objects.order_by("user_id")
    if ticket.team_id is not None:
        lead = (
            profiles.filter(role=AgentRole.TEAM_LEAD, memberships__team_id=ticket.team_id)
            .values_list("user_id", flat=True)
            .first()
        )
        if lead is not None:
            return int(lead)
    manager = profiles.filter(role=AgentRole.MANAGER).values_list("user_id", flat=True).first()
    return int(manager) if manager is not None else None


def _notify_lead(ticket: Ticket, policy: Policy, kinds: list[str], now: datetime) -> Ticket:
    lead = policy.notify_user_id or team_lead_id(ticket)
    if lead is None:
        raise ActionSkipped("no_lead")
    events.sla_lead_notified_event(ticket, at=now, lead_user_id=lead, kinds=kinds)
    return ticket


ACTIONS: dict[str, Callable[[Ticket, Policy, list[str], datetime], Ticket]] = {
    BreachAction.RAISE_PRIORITY: _raise_priority,
    BreachAction.ESCALATE: _escalate,
    BreachAction.REASSIGN: _reassign,
    BreachAction.NOTIFY_LEAD: _notify_lead,
}


def run_breach_actions(
    ticket: Ticket, policy: Policy, kinds: list[str], *, now: datetime
) -> Ticket:
    """Run the policy's breach actions in order on the locked ``ticket``; return it after."""
    for action in policy.breach_actions:
        try:
            with transaction.atomic():
                run = ACTIONS.get(action)
                if run is None:
                    raise BreachActionUnavailable(action)
                ticket = run(ticket, policy, kinds, now)
        except ActionSkipped as exc:
            code = exc.code
        except TicketError as exc:
            code = exc.code.value
        except BreachActionUnavailable:
            code = "not_available"
        except Exception:
            logger.exception("SLA breach action %s failed on ticket %s", action, ticket.pk)
            code = "internal_error"
        else:
            continue
        events.sla_action_failed_event(ticket, at=now, action=action, code=code, kinds=kinds)
    return ticket

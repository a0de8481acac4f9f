"""Automatic assignment inside a team: round robin or least loaded, within capacity.

Only members on shift, below their capacity and still allowed by the store to work on
tickets take part. Load is the number of active tickets (NEW, OPEN, PENDING, ON_HOLD)
assigned to the agent, in any team. Among the members who speak the ticket's language
(an empty language list speaks any), when there are some; otherwise among all.

Concurrency: the ticket, then the team, then the team's member profiles are locked (pk
order) before loads are counted, so two tickets assigned at once in teams that share an
agent see each other's assignment and never push the agent over capacity; the ticket's
lock means it is assigned once.
"""

from dataclasses import dataclass
from datetime import datetime

from django.db import transaction
from django.db.models import Count
from django.utils import timezone

from ..host import get_host
from ..tickets import TicketStatus, actions
from ..tickets.actors import Actor
from ..tickets.lock_objects import ticket_qs_select_for_update
from ..tickets.models import Ticket
from . import AssignmentStrategy, Availability
from .lock_objects import members_select_for_update, team_select_for_update
from .models import AgentProfile, Team


@dataclass(frozen=True)
class Candidate:
    user_id: int
    load: int
    capacity: int
    language_codes: tuple[str, ...]


def speaks(language_codes: tuple[str, ...] | list[str], language_code: str) -> bool:
    """Return whether someone with ``language_codes`` (empty: any) can answer in the language.

    ``pt`` answers ``pt-BR``; letter case does not matter.
    """
    if not language_codes or not language_code:
        return True
    wanted = language_code.lower()
    return any(
        wanted == code.lower() or wanted.startswith(code.lower() + "-") for code in language_codes
    )


def agent_loads(user_ids: list[int]) -> dict[int, int]:
    """Return each agent's number of active assigned tickets (missing: none)."""
    rows = (
        Ticket.objects.filter(assignee_id__in=user_ids, status__in=TicketStatus.ACTIVE)
        .values("assignee_id")
        .annotate(load=Count("id"))
        .values_list("assignee_id", "load")
    )
    return {int(user_id): int(load) for user_id, load in rows}


def _candidates(team: Team, members: list[AgentProfile]) -> list[Candidate]:
    on_shift = [m for m in members if m.availability == Availability.ON_SHIFT and m.capacity > 0]
    if not on_shift:
        return []
    allowed = get_host().agents_among([m.user_id for m in on_shift])
    on_shift = [m for m in on_shift if m.user_id in allowed]
    if not on_shift:
        return []
    loads = agent_loads([m.user_id for m in on_shift])
    return [
        Candidate(
            user_id=m.user_id,
            load=loads.get(m.user_id, 0),
            capacity=m.capacity,
            language_codes=tuple(m.language_codes),
        )
        for m in on_shift
        if loads.get(m.user_id, 0) < m.capacity
    ]


def choose_agent(
    team: Team, candidates: list[Candidate], *, language_code: str = ""
) -> Candidate | None:
    """Pick the member for the team's next ticket among ``candidates`` (all eligible).

    Round robin: the first member by user id after the one who got the last ticket,
    wrapping around. Least loaded: the fewest active tickets, ties in round-robin order.
    """
    if not candidates:
        return None
    speakers = [c for c in candidates if speaks(c.language_codes, language_code)]
    pool = sorted(speakers or candidates, key=lambda c: c.user_id)
    last = team.last_assigned_user_id
    if last is not None:
        after = [c for c in pool if c.user_id > last]
        pool = after + [c for c in pool if c.user_id <= last]
    if team.strategy == AssignmentStrategy.LEAST_LOADED:
        return min(pool, key=lambda c: c.load)
    return pool[0]


@transaction.atomic
def assign_in_team(
    ticket: Ticket,
    team: Team,
    *,
    actor: Actor,
    reassign: bool = False,
    now: datetime | None = None,
) -> Ticket:
    """Give ``ticket`` to a member of ``team`` chosen by the team's strategy.

    Nothing changes when the ticket is not active, already has an assignee (unless
    ``reassign``), or no member is on shift below capacity. With ``reassign`` the current
    assignee is passed over and replaced (an SLA breach action, for instance).

    Returns the ticket as it is now.
    """
    locked = ticket_qs_select_for_update().get(pk=ticket.pk)
    return assign_locked(locked, team, actor=actor, reassign=reassign, now=now)


def assign_locked(
    locked: Ticket,
    team: Team,
    *,
    actor: Actor,
    reassign: bool = False,
    now: datetime | None = None,
) -> Ticket:
    """``assign_in_team`` for a ticket the caller has locked in this transaction."""
    now = now or timezone.now()
    if locked.status not in TicketStatus.ACTIVE or locked.merged_into_id is not None:
        return locked
    if locked.assignee_id is not None and not reassign:
        return locked
    locked_team = team_select_for_update(team.pk).first()
    if locked_team is None or not locked_team.is_active:
        return locked
    members = [m for m in members_select_for_update(team.pk) if m.user_id != locked.assignee_id]
    chosen = choose_agent(
        locked_team, _candidates(locked_team, members), language_code=locked.language_code
    )
    if chosen is None:
        return locked
    Team.objects.filter(pk=locked_team.pk).update(last_assigned_user_id=chosen.user_id)
    team.last_assigned_user_id = chosen.user_id
    return actions.assign_ticket(
        locked, chosen.user_id, actor=actor, expected_version=locked.version, now=now
    )

"""Moving a ticket between teams (and tiers): the step routing, escalation and agents share."""

from dataclasses import dataclass
from datetime import datetime

from django.db import transaction
from django.utils import timezone

from ..tickets import events
from ..tickets.actors import Actor
from ..tickets.error_codes import TicketError, TicketErrorCode
from ..tickets.lock_objects import ticket_qs_select_for_update
from ..tickets.models import Ticket
from .models import Team, TeamMembership


@dataclass(frozen=True)
class Placement:
    """Where the ticket was before a move."""

    old_team_id: int | None
    old_tier: int


def lock_ticket(ticket: Ticket, expected_version: int | None) -> Ticket:
    """Lock ``ticket``; ``CONFLICT`` when it moved on from ``expected_version``."""
    locked = ticket_qs_select_for_update().get(pk=ticket.pk)
    if expected_version is not None and locked.version != expected_version:
        raise TicketError(
            TicketErrorCode.CONFLICT,
            f"The ticket was changed by someone else (now at version {locked.version}).",
            field="expectedVersion",
        )
    return locked


def is_member(team: Team | None, user_id: int | None) -> bool:
    if team is None or user_id is None:
        return False
    return TeamMembership.objects.filter(team=team, agent__user_id=user_id).exists()


def place(
    locked: Ticket,
    team: Team | None,
    *,
    tier: int | None,
    actor: Actor,
    now: datetime,
    release_assignee: bool,
) -> Placement:
    """Set the locked ticket's team (and ``tier`` when given) and save it.

    With ``release_assignee``, an assignee who is not a member of ``team`` gives the ticket
    up (timeline entry ``ASSIGNED``). The caller writes the entry for the move itself.
    """
    before = Placement(old_team_id=locked.team_id, old_tier=locked.tier)
    fields = ["team"]
    locked.team = team
    if tier is not None and tier != locked.tier:
        locked.tier = tier
        fields.append("tier")
    old_assignee = locked.assignee_id
    if release_assignee and old_assignee is not None and not is_member(team, old_assignee):
        locked.assignee_id = None
        fields.append("assignee")
    locked.version += 1
    locked.updated_at = now
    locked.save(update_fields=[*fields, "version", "updated_at"])
    if locked.assignee_id != old_assignee:
        events.assigned_event(locked, actor=actor, at=now, old=old_assignee, new=None)
    return before


@transaction.atomic
def move_to_team(
    ticket: Ticket,
    team: Team | None,
    *,
    actor: Actor,
    now: datetime | None = None,
    tier: int | None = None,
    routing_rule_id: int | None = None,
    expected_version: int | None = None,
    release_assignee: bool = True,
) -> Ticket:
    """Put ``ticket`` in ``team`` (``None``: no team) and record it on the timeline.

    Args:
        tier: the ticket's new tier (routing gives it the team's); unchanged when ``None``.
        routing_rule_id: the rule that chose the team, for the timeline.
        release_assignee: unassign an assignee who is not a member of the new team.

    """
    now = now or timezone.now()
    locked = lock_ticket(ticket, expected_version)
    if locked.team_id == (team.pk if team else None) and tier in (None, locked.tier):
        return locked
    before = place(locked, team, tier=tier, actor=actor, now=now, release_assignee=release_assignee)
    events.team_changed_event(
        locked,
        actor=actor,
        at=now,
        old_team_id=before.old_team_id,
        new_team_id=locked.team_id,
        routing_rule_id=routing_rule_id,
        old_tier=before.old_tier,
        new_tier=locked.tier,
    )
    return locked

"""Which part of the take-next queue is an agent's."""

from dataclasses import replace

from ..tickets.queue import QueueScope
from . import AgentRole
from .models import AgentProfile, TeamMembership


def queue_scope_for(user_id: int | None, scope: QueueScope | None = None) -> QueueScope:
    """Narrow ``scope`` to the queue of agent ``user_id``.

    - a manager: the whole queue;
    - a member of teams: the unassigned tickets of those teams, plus tickets without a team
      for dispatchers and team leads, who sort them;
    - anyone in no team (or without a profile): tickets without a team, which is the whole
      queue while the desk has no teams.
    """
    scope = scope or QueueScope()
    if user_id is None:
        return scope
    profile = AgentProfile.objects.filter(user_id=user_id).values_list("pk", "role").first()
    if profile is None:
        return replace(scope, team_ids=(), include_without_team=True)
    profile_id, role = profile
    if role == AgentRole.MANAGER:
        return scope
    team_ids = tuple(
        TeamMembership.objects.filter(agent_id=profile_id, team__is_active=True).values_list(
            "team_id", flat=True
        )
    )
    return replace(
        scope,
        team_ids=team_ids,
        include_without_team=not team_ids or role in AgentRole.SEES_UNROUTED,
    )

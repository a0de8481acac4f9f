"""Which part of the take-next queue is an agent's."""

from dataclasses import replace

from django.contrib.postgres.aggregates import ArrayAgg
from django.db.models import Q, Value

from ..tickets.queue import QueueScope
from . import AgentRole
from .models import AgentProfile


def queue_scope_for(user_id: int | None, scope: QueueScope | None = None) -> QueueScope:
    """Narrow ``scope`` to the queue of agent ``user_id`` (one query).

    - a manager: the whole queue;
    - a member of teams: the unassigned tickets of those teams, plus tickets without a team
      for dispatchers and team leads, who sort them;
    - anyone in no team (or without a profile): tickets without a team, which is the whole
      queue while the desk has no teams.
    """
    scope = scope or QueueScope()
    if user_id is None:
        return scope
    profile = (
        AgentProfile.objects.filter(user_id=user_id)
        .annotate(
            team_ids=ArrayAgg(
                "memberships__team_id",
                filter=Q(memberships__team__is_active=True),
                default=Value([]),
            )
        )
        .values_list("role", "team_ids")
        .first()
    )
    if profile is None:
        return replace(scope, team_ids=(), include_without_team=True)
    role, team_ids = profile
    if role == AgentRole.MANAGER:
        return scope
    return replace(
        scope,
        team_ids=tuple(team_ids),
        include_without_team=not team_ids or role in AgentRole.SEES_UNROUTED,
    )

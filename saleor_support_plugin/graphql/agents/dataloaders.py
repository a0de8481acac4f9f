from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from django.db.models import QuerySet

from ...agents.assignment import agent_loads
from ...agents.models import AgentProfile, Team, TeamMembership
from ..core.dataloaders import ByPkLoader, DataLoader


class TeamByIdLoader(ByPkLoader):
    context_key = "support_team_by_id"

    def queryset(self) -> QuerySet[Any]:
        return Team.objects.all()


class MembersByTeamLoader(DataLoader[int, list[AgentProfile]]):
    """Each team's member profiles, by user id, in one query."""

    context_key = "support_members_by_team"

    def batch_load(self, keys: Sequence[int]) -> list[list[AgentProfile]]:
        members: dict[int, list[AgentProfile]] = defaultdict(list)
        rows = (
            TeamMembership.objects.filter(team_id__in=keys)
            .select_related("agent")
            .order_by("agent__user_id")
        )
        for row in rows:
            members[row.team_id].append(row.agent)
        return [members[key] for key in keys]


class TeamsByAgentLoader(DataLoader[int, list[Team]]):
    """Each agent profile's teams, by position, in one query."""

    context_key = "support_teams_by_agent"

    def batch_load(self, keys: Sequence[int]) -> list[list[Team]]:
        teams: dict[int, list[Team]] = defaultdict(list)
        rows = (
            TeamMembership.objects.filter(agent_id__in=keys)
            .select_related("team")
            .order_by("team__position", "team_id")
        )
        for row in rows:
            teams[row.agent_id].append(row.team)
        return [teams[key] for key in keys]


class ActiveTicketCountByUserLoader(DataLoader[int, int]):
    """How many active tickets each agent holds, in one query."""

    context_key = "support_active_ticket_count_by_user"

    def batch_load(self, keys: Sequence[int]) -> list[int]:
        loads = agent_loads(list(keys))
        return [loads.get(key, 0) for key in keys]

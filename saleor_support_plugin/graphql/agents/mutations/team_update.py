from typing import Any

import graphene

from ....agents.configuration import update_team
from ..types import SupportTeam
from .agent_common import (
    LEAD_NOTE,
    LEAD_PERMISSIONS,
    AgentMutation,
    SupportAgentError,
    team_by_global_id,
)
from .team_common import SupportTeamInput, team_values


class SupportTeamUpdate(AgentMutation):
    team = graphene.Field(SupportTeam, description="The team after the change.")

    class Arguments:
        id = graphene.ID(required=True, description="Global id of the team (`SupportTeam`).")
        input = graphene.Argument(SupportTeamInput, required=True, description="What to change.")

    class Meta:
        description = (
            "Change a team's settings or members. A new tier applies to tickets routed or"
            " escalated from now on." + LEAD_NOTE
        )
        permissions = LEAD_PERMISSIONS
        error_type_class = SupportAgentError

    @classmethod
    def perform_mutation(cls, info: Any, **data: Any) -> Any:
        team = team_by_global_id(data["id"])
        return cls(team=update_team(team, team_values(data["input"])), errors=[])

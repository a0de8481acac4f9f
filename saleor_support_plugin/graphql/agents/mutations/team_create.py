from typing import Any

import graphene

from ....agents.configuration import create_team
from ..permissions import LEAD_NOTE, LEAD_PERMISSIONS
from ..types import SupportTeam
from .agent_common import AgentMutation, SupportAgentError
from .team_common import SupportTeamInput, team_values


class SupportTeamCreate(AgentMutation):
    team = graphene.Field(SupportTeam, description="The new team.")

    class Arguments:
        input = graphene.Argument(
            SupportTeamInput, required=True, description="The team; name and slug required."
        )

    class Meta:
        description = "Create a team (queue) of agents." + LEAD_NOTE
        permissions = LEAD_PERMISSIONS
        error_type_class = SupportAgentError

    @classmethod
    def perform_mutation(cls, info: Any, **data: Any) -> Any:
        return cls(team=create_team(team_values(data["input"])), errors=[])

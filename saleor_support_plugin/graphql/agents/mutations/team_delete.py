from typing import Any

import graphene

from ....agents.configuration import delete_team
from .agent_common import (
    LEAD_NOTE,
    LEAD_PERMISSIONS,
    AgentMutation,
    SupportAgentError,
    team_by_global_id,
)


class SupportTeamDelete(AgentMutation):
    id = graphene.ID(description="Global id of the deleted team.")

    class Arguments:
        id = graphene.ID(required=True, description="Global id of the team (`SupportTeam`).")

    class Meta:
        description = (
            "Delete a team and its routing rules. Its tickets keep their assignees and"
            " continue without a team (in the dispatchers' queue when unassigned)." + LEAD_NOTE
        )
        permissions = LEAD_PERMISSIONS
        error_type_class = SupportAgentError

    @classmethod
    def perform_mutation(cls, info: Any, **data: Any) -> Any:
        delete_team(team_by_global_id(data["id"]))
        return cls(id=data["id"], errors=[])

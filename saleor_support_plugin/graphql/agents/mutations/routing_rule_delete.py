from typing import Any

import graphene

from ....agents.configuration import delete_routing_rule
from .agent_common import (
    LEAD_NOTE,
    LEAD_PERMISSIONS,
    AgentMutation,
    SupportAgentError,
    rule_by_global_id,
)


class SupportRoutingRuleDelete(AgentMutation):
    id = graphene.ID(description="Global id of the deleted rule.")

    class Arguments:
        id = graphene.ID(required=True, description="Global id of the rule (`SupportRoutingRule`).")

    class Meta:
        description = (
            "Delete a routing rule; tickets already routed stay where they are." + LEAD_NOTE
        )
        permissions = LEAD_PERMISSIONS
        error_type_class = SupportAgentError

    @classmethod
    def perform_mutation(cls, info: Any, **data: Any) -> Any:
        delete_routing_rule(rule_by_global_id(data["id"]))
        return cls(id=data["id"], errors=[])

from typing import Any

import graphene

from ....agents.configuration import update_routing_rule
from ..types import SupportRoutingRule
from .agent_common import (
    LEAD_NOTE,
    LEAD_PERMISSIONS,
    AgentMutation,
    SupportAgentError,
    rule_by_global_id,
)
from .routing_rule_common import SupportRoutingRuleInput, rule_values


class SupportRoutingRuleUpdate(AgentMutation):
    routing_rule = graphene.Field(SupportRoutingRule, description="The rule after the change.")

    class Arguments:
        id = graphene.ID(required=True, description="Global id of the rule (`SupportRoutingRule`).")
        input = graphene.Argument(
            SupportRoutingRuleInput, required=True, description="What to change."
        )

    class Meta:
        description = (
            "Change a routing rule; an empty list makes its condition match any ticket." + LEAD_NOTE
        )
        permissions = LEAD_PERMISSIONS
        error_type_class = SupportAgentError

    @classmethod
    def perform_mutation(cls, info: Any, **data: Any) -> Any:
        rule = rule_by_global_id(data["id"])
        return cls(routing_rule=update_routing_rule(rule, rule_values(data["input"])), errors=[])

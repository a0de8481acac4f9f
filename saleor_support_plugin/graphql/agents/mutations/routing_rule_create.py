from typing import Any

import graphene

from ....agents.configuration import create_routing_rule
from ..permissions import LEAD_NOTE, LEAD_PERMISSIONS
from ..types import SupportRoutingRule
from .agent_common import AgentMutation, SupportAgentError
from .routing_rule_common import SupportRoutingRuleInput, rule_values


class SupportRoutingRuleCreate(AgentMutation):
    routing_rule = graphene.Field(SupportRoutingRule, description="The new rule.")

    class Arguments:
        input = graphene.Argument(
            SupportRoutingRuleInput,
            required=True,
            description="The rule; name and team required.",
        )

    class Meta:
        description = (
            "Add a routing rule: new tickets meeting its conditions go to its team." + LEAD_NOTE
        )
        permissions = LEAD_PERMISSIONS
        error_type_class = SupportAgentError

    @classmethod
    def perform_mutation(cls, info: Any, **data: Any) -> Any:
        return cls(routing_rule=create_routing_rule(rule_values(data["input"])), errors=[])

from typing import Any

import graphene

from ....agents.configuration import reorder_routing_rules
from ....agents.error_codes import AgentError, AgentErrorCode
from ...core.ids import pk_from_global_id
from ..permissions import LEAD_NOTE, LEAD_PERMISSIONS
from ..types import ROUTING_RULE_TYPE_NAME, SupportRoutingRule
from .agent_common import AgentMutation, SupportAgentError

MAX_RULES = 500


class SupportRoutingRuleReorder(AgentMutation):
    routing_rules = graphene.List(
        graphene.NonNull(SupportRoutingRule),
        description="Every rule in its new order of evaluation.",
    )

    class Arguments:
        ids = graphene.List(
            graphene.NonNull(graphene.ID),
            required=True,
            description=(
                f"Global ids (`SupportRoutingRule`) in the order to try them, at most"
                f" {MAX_RULES}; rules left out follow, in their current order."
            ),
        )

    class Meta:
        description = "Set the order in which routing rules are tried." + LEAD_NOTE
        permissions = LEAD_PERMISSIONS
        error_type_class = SupportAgentError

    @classmethod
    def perform_mutation(cls, info: Any, **data: Any) -> Any:
        if len(data["ids"]) > MAX_RULES:
            raise AgentError(AgentErrorCode.INVALID, f"At most {MAX_RULES} ids.", field="ids")
        ids = [pk_from_global_id(gid, ROUTING_RULE_TYPE_NAME) for gid in data["ids"]]
        if any(pk is None for pk in ids):
            raise AgentError(AgentErrorCode.NOT_FOUND, "Routing rule not found.", field="ids")
        rules = reorder_routing_rules([pk for pk in ids if pk is not None])
        return cls(routing_rules=rules, errors=[])

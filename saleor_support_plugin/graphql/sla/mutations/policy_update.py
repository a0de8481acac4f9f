from typing import Any

import graphene

from ....sla.actions import policy_values as current_values
from ....sla.actions import update_policy
from ..types import SupportSlaPolicy
from .sla_common import (
    LEAD_NOTE,
    LEAD_PERMISSIONS,
    SlaMutation,
    SupportSlaError,
    SupportSlaPolicyInput,
    policy_by_global_id,
    policy_values,
)


class SupportSlaPolicyUpdate(SlaMutation):
    policy = graphene.Field(SupportSlaPolicy, description="The policy after the change.")

    class Arguments:
        id = graphene.ID(required=True, description="Global id of the policy (`SupportSlaPolicy`).")
        input = graphene.Argument(
            SupportSlaPolicyInput, required=True, description="What to change."
        )

    class Meta:
        description = (
            "Change an SLA policy. Open clocks take the new targets within a minute, keeping"
            " the business time they used; finished clocks keep theirs." + LEAD_NOTE
        )
        permissions = LEAD_PERMISSIONS
        error_type_class = SupportSlaError

    @classmethod
    def perform_mutation(cls, info: Any, **data: Any) -> Any:
        policy = policy_by_global_id(data["id"])
        values = policy_values(data["input"], current_values(policy))
        return cls(policy=update_policy(policy, values), errors=[])

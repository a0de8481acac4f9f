from typing import Any

import graphene

from ....sla.actions import delete_policy
from .sla_common import (
    LEAD_NOTE,
    LEAD_PERMISSIONS,
    SlaMutation,
    SupportSlaError,
    policy_by_global_id,
)


class SupportSlaPolicyDelete(SlaMutation):
    id = graphene.ID(description="Global id of the deleted policy.")

    class Arguments:
        id = graphene.ID(required=True, description="Global id of the policy (`SupportSlaPolicy`).")

    class Meta:
        description = (
            "Delete an SLA policy; its tickets take the next policy they match (or none) within"
            " a minute." + LEAD_NOTE
        )
        permissions = LEAD_PERMISSIONS
        error_type_class = SupportSlaError

    @classmethod
    def perform_mutation(cls, info: Any, **data: Any) -> Any:
        delete_policy(policy_by_global_id(data["id"]))
        return cls(id=data["id"], errors=[])

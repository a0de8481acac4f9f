from typing import Any

import graphene

from ....sla.actions import create_policy
from ....sla.error_codes import SlaError, SlaErrorCode
from ..types import SupportSlaPolicy
from .sla_common import (
    LEAD_NOTE,
    LEAD_PERMISSIONS,
    SlaMutation,
    SupportSlaError,
    SupportSlaPolicyInput,
    policy_values,
)


class SupportSlaPolicyCreate(SlaMutation):
    policy = graphene.Field(SupportSlaPolicy, description="The new policy.")

    class Arguments:
        input = graphene.Argument(
            SupportSlaPolicyInput,
            required=True,
            description="The policy; name, calendar and at least one target required.",
        )

    class Meta:
        description = (
            "Add an SLA policy after the others (reorder to try it earlier). Active tickets"
            " take it at their next sync, within a minute." + LEAD_NOTE
        )
        permissions = LEAD_PERMISSIONS
        error_type_class = SupportSlaError

    @classmethod
    def perform_mutation(cls, info: Any, **data: Any) -> Any:
        if data["input"].get("calendar") is None:
            raise SlaError(SlaErrorCode.REQUIRED, "A calendar is required.", field="calendar")
        return cls(policy=create_policy(policy_values(data["input"])), errors=[])

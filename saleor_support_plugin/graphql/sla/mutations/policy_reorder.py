from typing import Any

import graphene

from ....sla.actions import reorder_policies
from ....sla.error_codes import SlaError, SlaErrorCode
from ...agents.permissions import LEAD_NOTE, LEAD_PERMISSIONS
from ...core.ids import pk_from_global_id
from ..types import POLICY_TYPE_NAME, SupportSlaPolicy
from .sla_common import SlaMutation, SupportSlaError

MAX_POLICIES = 500


class SupportSlaPolicyReorder(SlaMutation):
    policies = graphene.List(
        graphene.NonNull(SupportSlaPolicy), description="Every policy in its new order."
    )

    class Arguments:
        ids = graphene.List(
            graphene.NonNull(graphene.ID),
            required=True,
            description=(
                f"Global ids (`SupportSlaPolicy`) in the order to try them, at most"
                f" {MAX_POLICIES}; policies left out follow, in their current order."
            ),
        )

    class Meta:
        description = "Set the order in which SLA policies are tried." + LEAD_NOTE
        permissions = LEAD_PERMISSIONS
        error_type_class = SupportSlaError

    @classmethod
    def perform_mutation(cls, info: Any, **data: Any) -> Any:
        if len(data["ids"]) > MAX_POLICIES:
            raise SlaError(SlaErrorCode.INVALID, f"At most {MAX_POLICIES} ids.", field="ids")
        ids = [pk_from_global_id(gid, POLICY_TYPE_NAME) for gid in data["ids"]]
        if any(pk is None for pk in ids):
            raise SlaError(SlaErrorCode.NOT_FOUND, "No such policy.", field="ids")
        return cls(policies=reorder_policies([pk for pk in ids if pk is not None]), errors=[])

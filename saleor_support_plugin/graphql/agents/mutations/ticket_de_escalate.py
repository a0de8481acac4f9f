from typing import Any

import graphene

from ....agents.actions import de_escalate_ticket
from ...core.mutations import BaseMutation, actor_for
from ...core.permissions import AGENT_PERMISSIONS
from ...tickets.mutations.ticket_common import SupportTicketError, ticket_for_mutation
from ...tickets.types import StaffTicket
from .ticket_tier_common import tier_change_arguments


class SupportTicketDeEscalate(BaseMutation):
    ticket = graphene.Field(StaffTicket, description="The ticket after the change.")

    Arguments = type("Arguments", (), tier_change_arguments())

    class Meta:
        description = (
            "Move an active ticket down one tier (L3 to L2, L2 to L1) with a required reason,"
            " into the first active team of that tier, as `supportTicketEscalate` does"
            " upwards. TIER_LIMIT at L1."
        )
        permissions = AGENT_PERMISSIONS
        error_type_class = SupportTicketError

    @classmethod
    def perform_mutation(cls, info: Any, **data: Any) -> Any:
        ticket = ticket_for_mutation(info.context, data["id"])
        ticket = de_escalate_ticket(
            ticket,
            actor=actor_for(info.context),
            reason=data["reason"],
            expected_version=data.get("expected_version"),
        )
        return cls(ticket=ticket, errors=[])

from typing import Any

import graphene

from ....agents.actions import escalate_ticket
from ...core.mutations import BaseMutation, actor_for
from ...core.permissions import AGENT_PERMISSIONS
from ...tickets.mutations.ticket_common import SupportTicketError, ticket_for_mutation
from ...tickets.types import StaffTicket
from .ticket_tier_common import tier_change_arguments


class SupportTicketEscalate(BaseMutation):
    ticket = graphene.Field(StaffTicket, description="The ticket after the change.")

    Arguments = type("Arguments", (), tier_change_arguments())

    class Meta:
        description = (
            "Move an active ticket up one tier (L1 to L2, L2 to L3) with a required reason. It"
            " goes to the first active team of that tier (no team when there is none); an"
            " assignee who is not a member of that team gives it up, and a team with"
            " automatic assignment gives it to a member. TIER_LIMIT at L3; REQUIRED without a"
            " reason; INVALID_TRANSITION for solved, closed and merged tickets."
        )
        permissions = AGENT_PERMISSIONS
        error_type_class = SupportTicketError

    @classmethod
    def perform_mutation(cls, info: Any, **data: Any) -> Any:
        ticket = ticket_for_mutation(info.context, data["id"])
        ticket = escalate_ticket(
            ticket,
            actor=actor_for(info.context),
            reason=data["reason"],
            expected_version=data.get("expected_version"),
        )
        return cls(ticket=ticket, errors=[])

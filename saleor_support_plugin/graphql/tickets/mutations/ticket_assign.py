from typing import Any

import graphene

from ....host import get_host
from ....tickets import actions
from ....tickets.error_codes import TicketError, TicketErrorCode
from ...core.ids import pk_from_global_id
from ...core.mutations import BaseMutation, actor_for
from ...core.permissions import AGENT_PERMISSIONS
from ...users.types import USER_TYPE_NAME
from ..types import StaffTicket
from .ticket_common import (
    SupportTicketError,
    expected_version_argument,
    ticket_for_mutation,
    ticket_id_argument,
)


class SupportTicketAssign(BaseMutation):
    ticket = graphene.Field(StaffTicket, description="The ticket after the change.")

    class Arguments:
        id = ticket_id_argument()
        assignee_id = graphene.ID(
            description=(
                "Global id (`User`) of the staff member to own the ticket; null leaves it"
                " unassigned."
            )
        )
        expected_version = expected_version_argument()

    class Meta:
        description = "Give a ticket to an agent, or take it from whoever has it."
        permissions = AGENT_PERMISSIONS
        error_type_class = SupportTicketError

    @classmethod
    def perform_mutation(cls, info: Any, **data: Any) -> Any:
        ticket = ticket_for_mutation(info.context, data["id"])
        assignee_id = clean_assignee(data.get("assignee_id"))
        ticket = actions.assign_ticket(
            ticket,
            assignee_id,
            actor=actor_for(info.context),
            expected_version=data.get("expected_version"),
        )
        return cls(ticket=ticket, errors=[])


def clean_assignee(global_id: str | None) -> int | None:
    """Return the user id of an agent who can own tickets; ``None`` to unassign."""
    if global_id is None:
        return None
    user_id = pk_from_global_id(global_id, USER_TYPE_NAME)
    if user_id is None or user_id not in get_host().agents_among([user_id]):
        raise TicketError(
            TicketErrorCode.INVALID,
            "The assignee must be an active staff member who works on tickets.",
            field="assigneeId",
        )
    return user_id

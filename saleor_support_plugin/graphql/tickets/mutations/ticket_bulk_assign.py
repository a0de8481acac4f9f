from typing import Any

import graphene

from ....tickets.bulk import bulk_assign
from ...core.mutations import actor_for
from ...core.permissions import AGENT_PERMISSIONS
from .ticket_assign import clean_assignee
from .ticket_bulk_common import (
    SupportTicketBulkError,
    TicketBulkMutation,
    ids_argument,
    ticket_pks,
)


class SupportTicketBulkAssign(TicketBulkMutation):
    class Arguments:
        ids = ids_argument()
        assignee_id = graphene.ID(
            description=(
                "Global id (`User`) of the staff member to own every ticket; null leaves them"
                " all unassigned. Anyone else refuses the whole request (INVALID)."
            )
        )

    class Meta:
        description = (
            "Give many tickets to one agent, or take them from whoever has them. Each ticket"
            " changes on its own: one that is not found is reported in its result and the"
            " others still change; tickets the agent already owns are left as they are."
            " Each change is written to the ticket's timeline."
        )
        permissions = AGENT_PERMISSIONS
        error_type_class = SupportTicketBulkError

    @classmethod
    def perform_mutation(cls, info: Any, **data: Any) -> Any:
        assignee_id = clean_assignee(data.get("assignee_id"))
        outcome = bulk_assign(
            info.context.requestor,
            ticket_pks(data["ids"]),
            assignee_id,
            actor=actor_for(info.context),
        )
        return cls.payload(outcome)

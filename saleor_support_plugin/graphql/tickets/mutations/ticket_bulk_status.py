from typing import Any

import graphene

from ....sla.sync import sync_clocks_after_commit
from ....tickets.bulk import bulk_change_status
from ...core.mutations import actor_for
from ...core.permissions import AGENT_PERMISSIONS
from ..enums import SupportTicketStatusEnum
from .ticket_bulk_common import (
    SupportTicketBulkError,
    TicketBulkMutation,
    ids_argument,
    ticket_pks,
)


class SupportTicketBulkStatus(TicketBulkMutation):
    class Arguments:
        ids = ids_argument()
        status = graphene.Argument(
            SupportTicketStatusEnum,
            required=True,
            description="The status to move every ticket to.",
        )

    class Meta:
        description = (
            "Move many tickets to one status. Each ticket moves on its own: one that cannot"
            " move that way (INVALID_TRANSITION) or is not found is reported in its result"
            " and the others still move; tickets already in the status are left as they are."
            " Each move is written to the ticket's timeline."
        )
        permissions = AGENT_PERMISSIONS
        error_type_class = SupportTicketBulkError

    @classmethod
    def perform_mutation(cls, info: Any, **data: Any) -> Any:
        outcome = bulk_change_status(
            info.context.requestor,
            ticket_pks(data["ids"]),
            data["status"],
            actor=actor_for(info.context),
        )
        sync_clocks_after_commit(*(i.ticket.pk for i in outcome.items if i.changed and i.ticket))
        return cls.payload(outcome)

from typing import Any

import graphene

from ....agents.actions import merge_tickets
from ....tickets.error_codes import TicketError
from ...core.mutations import BaseMutation, actor_for
from ...core.permissions import AGENT_PERMISSIONS
from ...tickets.mutations.ticket_common import SupportTicketError, ticket_for_mutation
from ...tickets.types import StaffTicket


def _ticket(info: Any, global_id: str, field: str) -> Any:
    try:
        return ticket_for_mutation(info.context, global_id)
    except TicketError as exc:
        exc.field = field
        raise


class SupportTicketMerge(BaseMutation):
    ticket = graphene.Field(StaffTicket, description="The surviving ticket, after the merge.")
    merged_ticket = graphene.Field(
        StaffTicket, description="The merged ticket: closed, pointing to the surviving one."
    )

    class Arguments:
        source_id = graphene.ID(
            required=True,
            description="Global id (`SupportTicket`) of the ticket merged away.",
        )
        target_id = graphene.ID(
            required=True,
            description="Global id (`SupportTicket`) of the ticket that survives.",
        )

    class Meta:
        description = (
            "Merge one ticket into another about the same problem of the same customer. The"
            " source's messages and timeline move to the target, keeping their dates, and"
            " so do its guest access tokens and return request; its customer keeps access."
            " The source is closed and points to the target (`mergedIntoId`). NOT_MERGEABLE:"
            " the same ticket, a source merged before, a closed or merged target, tickets of"
            " different customers, or two tickets both carrying a return request."
        )
        permissions = AGENT_PERMISSIONS
        error_type_class = SupportTicketError

    @classmethod
    def perform_mutation(cls, info: Any, **data: Any) -> Any:
        source = _ticket(info, data["source_id"], "sourceId")
        target = _ticket(info, data["target_id"], "targetId")
        survivor = merge_tickets(source, target, actor=actor_for(info.context))
        source.refresh_from_db()
        return cls(ticket=survivor, merged_ticket=source, errors=[])

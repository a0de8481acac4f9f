from typing import Any

import graphene

from ....tickets.bulk import bulk_retag
from ...core.mutations import actor_for
from ...core.permissions import AGENT_PERMISSIONS
from .ticket_bulk_common import (
    SupportTicketBulkError,
    TicketBulkMutation,
    ids_argument,
    ticket_pks,
)


class SupportTicketBulkTag(TicketBulkMutation):
    class Arguments:
        ids = ids_argument()
        add = graphene.List(
            graphene.NonNull(graphene.String),
            description="Tags to put on every ticket (lower-cased, spaces become dashes).",
        )
        remove = graphene.List(
            graphene.NonNull(graphene.String),
            description=(
                "Tags to take off every ticket; naming a tag in both lists refuses the whole"
                " request (INVALID)."
            ),
        )

    class Meta:
        description = (
            "Add and remove tags on many tickets, keeping their other tags. Each ticket"
            " changes on its own: one that is not found or would get more than 20 tags is"
            " reported in its result and the others still change. Each change is written to"
            " the ticket's timeline."
        )
        permissions = AGENT_PERMISSIONS
        error_type_class = SupportTicketBulkError

    @classmethod
    def perform_mutation(cls, info: Any, **data: Any) -> Any:
        outcome = bulk_retag(
            info.context.requestor,
            ticket_pks(data["ids"]),
            add=data.get("add") or [],
            remove=data.get("remove") or [],
            actor=actor_for(info.context),
        )
        return cls.payload(outcome)

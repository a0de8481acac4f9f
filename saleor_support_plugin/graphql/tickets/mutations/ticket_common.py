from typing import Any

import graphene

from ....tickets.access import access_ticket_by_id
from ....tickets.models import Ticket
from ...core.context import RequestContext
from ...core.ids import pk_from_global_id
from ...core.types import Error
from ..enums import SupportTicketErrorCode
from ..types import TICKET_TYPE_NAME


class SupportTicketError(Error):
    code = graphene.Field(SupportTicketErrorCode, required=True, description="The error code.")

    class Meta:
        description = "An error of a ticket mutation."


def ticket_id_argument() -> Any:
    return graphene.ID(required=True, description="Global id of the ticket (`SupportTicket`).")


def expected_version_argument() -> Any:
    return graphene.Int(
        description=(
            "The ticket's `version` the change is based on; when the ticket has moved on"
            " since, nothing changes and the error is CONFLICT."
        )
    )


def ticket_for_mutation(context: RequestContext, global_id: str) -> Ticket:
    """Return the ticket behind ``global_id`` if the requestor may see it, else ``NOT_FOUND``."""
    return access_ticket_by_id(context.requestor, pk_from_global_id(global_id, TICKET_TYPE_NAME))

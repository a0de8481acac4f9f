from typing import Any

import graphene

from ....agents.actions import split_message
from ....tickets.access import tickets_visible_to
from ....tickets.error_codes import TicketError, TicketErrorCode
from ....tickets.models import TicketMessage
from ...core.ids import pk_from_global_id
from ...core.mutations import BaseMutation, actor_for
from ...core.permissions import AGENT_PERMISSIONS
from ...tickets.mutations.ticket_common import SupportTicketError
from ...tickets.types import StaffTicket

MESSAGE_TYPE_NAME = "SupportTicketMessage"


class SupportTicketSplit(BaseMutation):
    ticket = graphene.Field(StaffTicket, description="The new ticket, holding the message.")
    source_ticket = graphene.Field(StaffTicket, description="The ticket the message left.")

    class Arguments:
        message_id = graphene.ID(
            required=True,
            description="Global id (`SupportTicketMessage`) of the message to split out.",
        )
        subject = graphene.String(
            required=True, description="Subject of the new ticket, up to 255 characters."
        )

    class Meta:
        description = (
            "Move a message into a new ticket of its own, for the same customer and order, in"
            " the same category, channel, priority, tier and team; both timelines record it."
            " The ticket must be active and keep another message (INVALID otherwise). Guests"
            " see the new ticket once an agent issues them an access token for it."
        )
        permissions = AGENT_PERMISSIONS
        error_type_class = SupportTicketError

    @classmethod
    def perform_mutation(cls, info: Any, **data: Any) -> Any:
        pk = pk_from_global_id(data["message_id"], MESSAGE_TYPE_NAME)
        message = None
        if pk is not None:
            visible = tickets_visible_to(info.context.requestor)
            message = TicketMessage.objects.filter(pk=pk, ticket__in=visible).first()
        if message is None:
            raise TicketError(TicketErrorCode.NOT_FOUND, "Message not found.", field="messageId")
        new = split_message(message, actor=actor_for(info.context), subject=data["subject"])
        source = tickets_visible_to(info.context.requestor).get(pk=message.ticket_id)
        return cls(ticket=new, source_ticket=source, errors=[])

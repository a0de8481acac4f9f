from typing import Any

import graphene

from ....tickets import MessageAuthorType, actions
from ...core.mutations import BaseMutation, actor_for
from ...core.permissions import AGENT_PERMISSIONS
from ..types import StaffTicket, SupportTicketMessage
from .ticket_common import SupportTicketError, ticket_for_mutation, ticket_id_argument


class SupportTicketReplyInput(graphene.InputObjectType):
    body = graphene.String(
        required=True,
        description=(
            "The text, up to 10,000 characters; HTML is cleaned to p, br, strong, em, lists,"
            " links, code, pre and blockquote."
        ),
    )
    is_internal = graphene.Boolean(
        default_value=False,
        description="True for an internal note that the customer never sees.",
    )

    class Meta:
        description = "A reply to the customer or an internal note."


class SupportTicketReply(BaseMutation):
    ticket = graphene.Field(StaffTicket, description="The ticket after the reply.")
    message = graphene.Field(SupportTicketMessage, description="The message that was added.")

    class Arguments:
        id = ticket_id_argument()
        input = graphene.Argument(
            SupportTicketReplyInput, required=True, description="The message to add."
        )

    class Meta:
        description = (
            "Answer the customer or add an internal note. The first public answer sets the"
            " ticket's first response time."
        )
        permissions = AGENT_PERMISSIONS
        error_type_class = SupportTicketError

    @classmethod
    def perform_mutation(cls, info: Any, **data: Any) -> Any:
        ticket = ticket_for_mutation(info.context, data["id"])
        reply = data["input"]
        message = actions.add_message(
            ticket,
            author_type=MessageAuthorType.AGENT,
            actor=actor_for(info.context),
            body=reply["body"],
            is_internal=bool(reply.get("is_internal")),
        )
        return cls(ticket=message.ticket, message=message, errors=[])

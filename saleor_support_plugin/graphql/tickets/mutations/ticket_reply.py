from typing import Any

import graphene

from ....sla.sync import sync_clocks_after_commit
from ....tickets import MessageAuthorType, actions
from ....tickets.customer import customer_reply
from ....tickets.error_codes import TicketError, TicketErrorCode
from ...core.mutations import BaseMutation, actor_for
from ..types import SupportTicket, SupportTicketMessage
from .ticket_common import SupportTicketError, ticket_for_mutation, ticket_id_argument


class SupportTicketReplyInput(graphene.InputObjectType):
    body = graphene.String(
        required=True,
        description=(
            "The text, up to 10,000 characters. Agents write HTML, cleaned to p, br, strong,"
            " em, lists, links, code, pre and blockquote; customers write plain text."
        ),
    )
    is_internal = graphene.Boolean(
        default_value=False,
        description=(
            "True for an internal note that the customer never sees (agents only; a"
            " customer sending true gets INVALID)."
        ),
    )

    class Meta:
        description = "A reply to the ticket, or an agent's internal note."


class SupportTicketReply(BaseMutation):
    ticket = graphene.Field(SupportTicket, description="The ticket after the reply.")
    message = graphene.Field(SupportTicketMessage, description="The message that was added.")

    class Arguments:
        id = ticket_id_argument()
        input = graphene.Argument(
            SupportTicketReplyInput, required=True, description="The message to add."
        )

    class Meta:
        description = (
            "Write on a ticket. Agents (MANAGE_ORDERS) answer the customer or add an internal"
            " note; the first public answer sets the ticket's first response time. The"
            " ticket's customer or guest answers too: a ticket waiting on them (PENDING) or"
            " SOLVED opens again; a CLOSED one refuses (INVALID_TRANSITION). A ticket the"
            " requestor may not see is NOT_FOUND."
        )
        permissions = ()
        error_type_class = SupportTicketError

    @classmethod
    def perform_mutation(cls, info: Any, **data: Any) -> Any:
        ticket = ticket_for_mutation(info.context, data["id"])
        reply = data["input"]
        actor = actor_for(info.context)
        is_internal = bool(reply.get("is_internal"))
        if info.context.requestor.is_agent:
            message = actions.add_message(
                ticket,
                author_type=MessageAuthorType.AGENT,
                actor=actor,
                body=reply["body"],
                is_internal=is_internal,
            )
        else:
            if is_internal:
                raise TicketError(
                    TicketErrorCode.INVALID,
                    "Customers cannot write internal notes.",
                    field="isInternal",
                )
            message = customer_reply(ticket, body=reply["body"], actor=actor)
        sync_clocks_after_commit(ticket.pk)
        return cls(ticket=message.ticket, message=message, errors=[])

from typing import Any

import graphene

from ....sla.sync import sync_clocks_after_commit
from ....tickets.customer import close_by_customer, reopen_by_customer
from ...core.mutations import BaseMutation, actor_for
from ..customer_types import reopen_window_days
from ..types import SupportTicket
from .ticket_common import SupportTicketError, ticket_for_mutation, ticket_id_argument


class SupportTicketClose(BaseMutation):
    ticket = graphene.Field(SupportTicket, description="The ticket after closing it.")

    class Arguments:
        id = ticket_id_argument()

    class Meta:
        description = (
            "Close a ticket because the question is settled (the ticket's customer or guest,"
            " or an agent). An open ticket is solved, then closed; closing a closed ticket"
            " changes nothing. It can be reopened within the store's reopen window."
        )
        permissions = ()
        error_type_class = SupportTicketError

    @classmethod
    def perform_mutation(cls, info: Any, **data: Any) -> Any:
        ticket = ticket_for_mutation(info.context, data["id"])
        ticket = close_by_customer(ticket, actor=actor_for(info.context))
        sync_clocks_after_commit(ticket.pk)
        return cls(ticket=ticket, errors=[])


class SupportTicketReopen(BaseMutation):
    ticket = graphene.Field(SupportTicket, description="The ticket, open again.")

    class Arguments:
        id = ticket_id_argument()

    class Meta:
        description = (
            "Open a solved or closed ticket again, within the days the store allows after it"
            " ended (`reopenUntil`); later the error is REOPEN_WINDOW_PASSED and a new ticket"
            " is the way. An open ticket gives INVALID_TRANSITION."
        )
        permissions = ()
        error_type_class = SupportTicketError

    @classmethod
    def perform_mutation(cls, info: Any, **data: Any) -> Any:
        ticket = ticket_for_mutation(info.context, data["id"])
        ticket = reopen_by_customer(
            ticket,
            actor=actor_for(info.context),
            window_days=reopen_window_days(info.context),
        )
        sync_clocks_after_commit(ticket.pk)
        return cls(ticket=ticket, errors=[])

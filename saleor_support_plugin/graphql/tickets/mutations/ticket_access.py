from typing import Any

import graphene

from ....tickets import access_tokens
from ...core.mutations import BaseMutation, actor_for
from ...core.permissions import AGENT_PERMISSIONS
from ..types import StaffTicket
from .ticket_common import SupportTicketError, ticket_for_mutation, ticket_id_argument


class SupportTicketAccessTokenCreate(BaseMutation):
    ticket = graphene.Field(StaffTicket, description="The ticket the token opens.")
    access_token = graphene.String(
        description="The new token, shown only here: hand it to the guest (e.g. in a link)."
    )

    class Arguments:
        id = ticket_id_argument()

    class Meta:
        description = (
            "Give a guest a new key to their ticket, e.g. when they lost the first one."
            " Earlier tokens keep working until revoked."
        )
        permissions = AGENT_PERMISSIONS
        error_type_class = SupportTicketError

    @classmethod
    def perform_mutation(cls, info: Any, **data: Any) -> Any:
        ticket = ticket_for_mutation(info.context, data["id"])
        token = access_tokens.issue_access_token(ticket)
        return cls(ticket=ticket, access_token=token, errors=[])


class SupportTicketAccessTokensRevoke(BaseMutation):
    ticket = graphene.Field(StaffTicket, description="The ticket whose tokens were revoked.")
    revoked = graphene.Int(description="How many live tokens were revoked.")

    class Arguments:
        id = ticket_id_argument()

    class Meta:
        description = (
            "Revoke every guest access token of a ticket (e.g. a link was forwarded). Requests"
            " with a revoked token see no ticket, as with an unknown one."
        )
        permissions = AGENT_PERMISSIONS
        error_type_class = SupportTicketError

    @classmethod
    def perform_mutation(cls, info: Any, **data: Any) -> Any:
        ticket = ticket_for_mutation(info.context, data["id"])
        revoked = access_tokens.revoke_access_tokens(ticket, actor=actor_for(info.context))
        return cls(ticket=ticket, revoked=revoked, errors=[])

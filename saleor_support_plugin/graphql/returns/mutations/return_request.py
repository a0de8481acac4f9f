from typing import Any

import graphene

from ....agents.routing import route_new_ticket
from ....returns.actions import ReturnLine, request_return
from ....sla.sync import sync_clocks_after_commit
from ....tickets import access_tokens, actions
from ....tickets.customer_orders import customers_order
from ....tickets.error_codes import TicketError, TicketErrorCode
from ...core.context import RequestContext
from ...core.ids import raw_pk_from_global_id, uuid_from_global_id
from ...core.mutations import BaseMutation, actor_for
from ...tickets.mutations.customer_common import (
    GUEST_FIELDS,
    customer_identity,
    customer_language,
    limit_guest_creation,
)
from ...tickets.mutations.ticket_common import SupportTicketError
from ...tickets.types import SupportTicket
from ..enums import SupportReturnReasonEnum
from ..types import SupportReturnRequest


class SupportReturnRequestLineInput(graphene.InputObjectType):
    line = graphene.ID(required=True, description="Global id of the order line (`OrderLine`).")
    quantity = graphene.Int(required=True, description="How many of its items to return.")

    class Meta:
        description = "Items of one order line to return."


class SupportReturnRequestInput(graphene.InputObjectType):
    order = graphene.ID(
        required=True,
        description=(
            "Global id of the Saleor order (`Order`): placed from the customer's account, or"
            " for guests with `email`."
        ),
    )
    lines = graphene.List(
        graphene.NonNull(SupportReturnRequestLineInput),
        required=True,
        description=(
            "The items to return, each order line once: at most what was delivered and is"
            " neither returned nor in another waiting or approved request."
        ),
    )
    reason = graphene.Field(
        SupportReturnReasonEnum, required=True, description="Why the items go back."
    )
    comment = graphene.String(
        description="The customer's words, plain text up to 10,000 characters; needed for OTHER."
    )
    email = GUEST_FIELDS["email"]()
    name = GUEST_FIELDS["name"]()
    language_code = GUEST_FIELDS["language_code"]()

    class Meta:
        description = "What a customer wants to return, and why."


class SupportReturnRequestCreate(BaseMutation):
    return_request = graphene.Field(SupportReturnRequest, description="The new request.")
    ticket = graphene.Field(SupportTicket, description="The return ticket agents act on.")
    access_token = graphene.String(
        description=(
            "For a guest: the key to the return ticket, shown once (see"
            " `supportTicketCreate`); null for signed-in customers."
        )
    )

    class Arguments:
        input = graphene.Argument(
            SupportReturnRequestInput, required=True, description="The items and the reason."
        )

    class Meta:
        description = (
            "Ask to return delivered items of an order. Checked against what was delivered"
            " and not yet returned or asked for (QUANTITY_UNAVAILABLE); opens a ticket in the"
            " `return` category whose first message lists the items. Guests are rate limited"
            " as for `supportTicketCreate`."
        )
        permissions = ()
        error_type_class = SupportTicketError

    @classmethod
    def perform_mutation(cls, info: Any, **data: Any) -> Any:
        context: RequestContext = info.context
        values = data["input"]
        user_id = context.requestor.user_id
        email, name = customer_identity(context, values)
        snapshot = customers_order(
            uuid_from_global_id(values["order"], "Order"), user_id=user_id, email=email
        )
        order_language = customer_language(context, values, None) or (
            snapshot.customer.language_code
        )
        request = request_return(
            customer=actions.CustomerInfo(
                user_id=user_id,
                email=email,
                name=name or snapshot.customer.full_name,
                language_code=values.get("language_code") or order_language,
            ),
            snapshot=snapshot,
            lines=[_line(line) for line in values["lines"]],
            reason=values["reason"],
            comment=values.get("comment") or "",
            actor=actor_for(context),
            before_opening=lambda: limit_guest_creation(context, email),
        )
        request.ticket = route_new_ticket(request.ticket)
        sync_clocks_after_commit(request.ticket.pk)
        token = access_tokens.issue_access_token(request.ticket) if user_id is None else None
        return cls(return_request=request, ticket=request.ticket, access_token=token, errors=[])


def _line(value: dict[str, Any]) -> ReturnLine:
    line_id = raw_pk_from_global_id(value["line"], "OrderLine")
    if line_id is None:
        raise TicketError(TicketErrorCode.NOT_FOUND, "The order has no such line.", field="lines")
    return ReturnLine(order_line_id=line_id, quantity=value["quantity"])

from typing import Any

import graphene

from ....agents.routing import route_new_ticket
from ....sla.sync import sync_clocks_after_commit
from ....tickets import access_tokens, actions
from ....tickets.customer import customer_category, open_customer_ticket
from ....tickets.customer_orders import customers_order, order_info
from ...core.context import RequestContext
from ...core.ids import uuid_from_global_id
from ...core.mutations import BaseMutation, actor_for
from ..types import SupportTicket
from .customer_common import (
    GUEST_FIELDS,
    customer_identity,
    customer_language,
    limit_guest_creation,
)
from .ticket_common import SupportTicketError


class SupportTicketCreateInput(graphene.InputObjectType):
    message = graphene.String(
        required=True,
        description="What the customer writes, as plain text, up to 10,000 characters.",
    )
    subject = graphene.String(
        description=(
            "One-line summary, up to 255 characters; taken from the message's first line"
            " when not given."
        )
    )
    category = graphene.String(
        description="Slug of the category (e.g. `delivery`, `refund`); `other` when not given."
    )
    order = graphene.ID(
        description=(
            "Global id of the Saleor order (`Order`) the ticket is about: one placed from the"
            " customer's account, or for guests one placed with `email`."
        )
    )
    email = GUEST_FIELDS["email"]()
    name = GUEST_FIELDS["name"]()
    language_code = GUEST_FIELDS["language_code"]()

    class Meta:
        description = "A customer's new ticket. Status, priority and assignee are the desk's."


class SupportTicketCreate(BaseMutation):
    ticket = graphene.Field(SupportTicket, description="The new ticket.")
    access_token = graphene.String(
        description=(
            "For a ticket opened without an account: the guest's key to it, sent as"
            " `Authorization: Bearer <token>` to read and answer it. Shown only here, once;"
            " null for signed-in customers."
        )
    )

    class Arguments:
        input = graphene.Argument(
            SupportTicketCreateInput, required=True, description="The ticket to open."
        )

    class Meta:
        description = (
            "Open a ticket as a customer: signed in (the ticket belongs to the account), or"
            " as a guest with an e-mail address (the answer carries an access token)."
            " Guests are rate limited per address and per e-mail (TOO_MANY_REQUESTS)."
        )
        permissions = ()
        error_type_class = SupportTicketError

    @classmethod
    def perform_mutation(cls, info: Any, **data: Any) -> Any:
        context: RequestContext = info.context
        values = data["input"]
        user_id = context.requestor.user_id
        email, name = customer_identity(context, values)
        order = None
        order_id = values.get("order")
        if order_id is not None:
            snapshot = customers_order(
                uuid_from_global_id(order_id, "Order"), user_id=user_id, email=email
            )
            order = order_info(snapshot)
            name = name or snapshot.customer.full_name
        language = customer_language(context, values, order)
        category = customer_category(values.get("category"))
        actions.check_body(values["message"], field="message")
        if (values.get("subject") or "").strip():
            actions.check_subject(values["subject"])
        limit_guest_creation(context, email)
        ticket, _ = open_customer_ticket(
            customer=actions.CustomerInfo(
                user_id=user_id, email=email, name=name, language_code=language
            ),
            body=values["message"],
            subject=values.get("subject") or "",
            category=category,
            order=order,
            actor=actor_for(context),
        )
        ticket = route_new_ticket(ticket)
        sync_clocks_after_commit(ticket.pk)
        token = access_tokens.issue_access_token(ticket) if user_id is None else None
        return cls(ticket=ticket, access_token=token, errors=[])

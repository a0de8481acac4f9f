import re
from typing import Any

import graphene
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import get_language_from_request

from ....tickets import access_tokens, actions
from ....tickets.customer import customer_category, open_customer_ticket
from ....tickets.customer_orders import customers_order, order_info
from ....tickets.error_codes import TicketError, TicketErrorCode
from ...core.context import RequestContext
from ...core.ids import uuid_from_global_id
from ...core.mutations import BaseMutation, actor_for
from ...users.dataloaders import UserByIdLoader
from ..types import SupportTicket
from .ticket_common import SupportTicketError

MAX_NAME_LENGTH = 255
MAX_EMAIL_LENGTH = 254
LANGUAGE_CODE = re.compile(r"^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})?$")


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
    email = graphene.String(
        description=(
            "The guest's e-mail address: required without a signed-in account, refused with"
            " one (the account's address is used)."
        )
    )
    name = graphene.String(description="The guest's name, up to 255 characters.")
    language_code = graphene.String(
        description=(
            "Language the customer writes in (`ro`, `pl`, `fa`, `en`...); the order's"
            " language, or the request's Accept-Language, when not given."
        )
    )

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
        email, name = _who(context, values)
        order = None
        order_id = values.get("order")
        if order_id is not None:
            snapshot = customers_order(
                uuid_from_global_id(order_id, "Order"), user_id=user_id, email=email
            )
            order = order_info(snapshot)
            name = name or snapshot.customer.full_name
        language = _language(context, values, order)
        ticket, _ = open_customer_ticket(
            customer=actions.CustomerInfo(
                user_id=user_id, email=email, name=name, language_code=language
            ),
            body=values["message"],
            subject=values.get("subject") or "",
            category=customer_category(values.get("category")),
            order=order,
            actor=actor_for(context),
        )
        token = access_tokens.issue_access_token(ticket) if user_id is None else None
        return cls(ticket=ticket, access_token=token, errors=[])


def _who(context: RequestContext, values: dict[str, Any]) -> tuple[str, str]:
    """Return the customer's e-mail and name: the account's, or the guest's input."""
    requestor = context.requestor
    email = (values.get("email") or "").strip()
    name = " ".join((values.get("name") or "").split())
    if len(name) > MAX_NAME_LENGTH:
        raise TicketError(
            TicketErrorCode.TOO_LONG,
            f"The name can have at most {MAX_NAME_LENGTH} characters.",
            field="name",
        )
    if requestor.user_id is not None:
        if email:
            raise TicketError(
                TicketErrorCode.INVALID,
                "Signed-in customers write from their account's e-mail address.",
                field="email",
            )
        user = UserByIdLoader(context).load(requestor.user_id).get()
        full_name = " ".join(p for p in (user.first_name, user.last_name) if p) if user else ""
        return requestor.email, full_name
    if not email:
        raise TicketError(TicketErrorCode.REQUIRED, "An e-mail address is required.", field="email")
    try:
        if len(email) > MAX_EMAIL_LENGTH:
            raise ValidationError("too long")
        validate_email(email)
    except ValidationError as exc:
        raise TicketError(
            TicketErrorCode.INVALID, "Enter a valid e-mail address.", field="email"
        ) from exc
    return email, name


def _language(
    context: RequestContext, values: dict[str, Any], order: actions.OrderInfo | None
) -> str:
    code = (values.get("language_code") or "").strip()
    if code:
        if not LANGUAGE_CODE.match(code):
            raise TicketError(
                TicketErrorCode.INVALID,
                "Give a language code such as `ro`, `pl`, `fa` or `pt-BR`.",
                field="languageCode",
            )
        return code
    if order is not None and order.snapshot.get("customer", {}).get("language_code"):
        return str(order.snapshot["customer"]["language_code"])
    if context.request.META.get("HTTP_ACCEPT_LANGUAGE"):
        return get_language_from_request(context.request)
    return ""

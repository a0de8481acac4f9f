"""What customer mutations share: who the customer is, and which language they write."""

import re
from collections.abc import Callable
from typing import Any

import graphene
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import get_language_from_request

from ....ratelimit import RateLimited
from ....tickets import actions
from ....tickets.error_codes import TicketError, TicketErrorCode
from ...core.context import RequestContext
from ...core.limits import limit_ticket_creation, retry_message
from ...users.dataloaders import UserByIdLoader

MAX_NAME_LENGTH = 255
MAX_EMAIL_LENGTH = 254
LANGUAGE_CODE = re.compile(r"^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})?$")

GUEST_FIELDS: dict[str, Callable[[], Any]] = {
    "email": lambda: graphene.String(
        description=(
            "The guest's e-mail address: required without a signed-in account, refused with"
            " one (the account's address is used)."
        )
    ),
    "name": lambda: graphene.String(description="The guest's name, up to 255 characters."),
    "language_code": lambda: graphene.String(
        description=(
            "Language the customer writes in (`ro`, `pl`, `fa`, `en`...); the order's"
            " language, or the request's Accept-Language, when not given."
        )
    ),
}
"""Input fields of every mutation a guest can use to open a ticket (fresh per input type)."""


def customer_identity(context: RequestContext, values: dict[str, Any]) -> tuple[str, str]:
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


def customer_language(
    context: RequestContext, values: dict[str, Any], order: actions.OrderInfo | None
) -> str:
    """Return the language given, else the order's, else the request's; may be empty."""
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


def limit_guest_creation(context: RequestContext, email: str) -> None:
    """Count a guest's new ticket against the per-address and per-e-mail limits.

    Signed-in customers and agents (apps opening tickets for customers) are not limited.
    Raises ``TOO_MANY_REQUESTS`` with when to try again.
    """
    requestor = context.requestor
    if requestor.user_id is not None or requestor.is_agent:
        return
    try:
        limit_ticket_creation(context.request, email, anonymous=True)
    except RateLimited as exc:
        raise TicketError(TicketErrorCode.TOO_MANY_REQUESTS, retry_message(exc)) from exc

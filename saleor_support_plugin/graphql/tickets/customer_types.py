"""What a customer or guest sees of their ticket: no notes, assignee, tags, tier or timeline."""

from datetime import datetime
from typing import Any

import graphene
from django.utils import timezone

from ...host import get_host
from ...intake.actions import load_intake_settings
from ...tickets import MessageAuthorType
from ...tickets.customer import reopen_deadline
from ...tickets.models import Ticket
from ..core.context import RequestContext
from ..core.ids import to_global_id
from ..surveys.types import SupportTicketSurvey, resolve_ticket_survey
from ..users.dataloaders import UserByIdLoader
from .types import SupportTicket, SupportTicketMessage

SETTINGS_KEY = "support_desk_settings"


def reopen_window_days(context: RequestContext) -> int:
    """Return the merchant's reopen window in days, read once per request."""
    if SETTINGS_KEY not in context.dataloaders:
        context.dataloaders[SETTINGS_KEY] = load_intake_settings(get_host())
    days: int = context.dataloaders[SETTINGS_KEY].reopen_days
    return days


class CustomerTicketMessage(graphene.ObjectType):
    author_name = graphene.String(
        description=(
            "First name of the agent who wrote it; null for the customer's own messages and"
            " for the desk's."
        )
    )

    class Meta:
        interfaces = (SupportTicketMessage,)
        description = "A public message on the customer's ticket."

    @staticmethod
    def resolve_author_name(root: Any, info: Any) -> Any:
        if root.author_type != MessageAuthorType.AGENT or root.author_user_id is None:
            return None
        return (
            UserByIdLoader(info.context)
            .load(root.author_user_id)
            .then(lambda user: (user.first_name or None) if user is not None else None)
        )


class CustomerTicketOrder(graphene.ObjectType):
    id = graphene.ID(required=True, description="Global id of the order in Saleor (`Order`).")
    number = graphene.String(required=True, description="Order number.")

    class Meta:
        description = "The order a customer's ticket is about."

    @staticmethod
    def resolve_id(root: Ticket, info: Any) -> str:
        return to_global_id("Order", root.order_id)

    @staticmethod
    def resolve_number(root: Ticket, info: Any) -> str:
        return root.order_number


class CustomerTicket(graphene.ObjectType):
    order = graphene.Field(
        CustomerTicketOrder, description="The order the ticket is about; null when there is none."
    )
    reopen_until = graphene.DateTime(
        description=(
            "Until when the customer may reopen the solved or closed ticket"
            " (`supportTicketReopen`); null while it is open or once they no longer can."
        )
    )
    survey = graphene.Field(
        graphene.NonNull(SupportTicketSurvey),
        description=(
            "The ticket's satisfaction survey: open once the ticket is solved, answered with"
            " `supportSurveyAnswer`."
        ),
    )

    class Meta:
        interfaces = (SupportTicket,)
        description = "A support ticket as its customer sees it: the conversation, no internals."

    @staticmethod
    def resolve_order(root: Ticket, info: Any) -> Ticket | None:
        return root if root.order_id is not None else None

    @staticmethod
    def resolve_reopen_until(root: Ticket, info: Any) -> datetime | None:
        deadline = reopen_deadline(root, reopen_window_days(info.context))
        return deadline if deadline is not None and deadline > timezone.now() else None

    resolve_survey = staticmethod(resolve_ticket_survey)

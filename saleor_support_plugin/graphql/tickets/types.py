"""Ticket types: the interfaces both audiences share, and what agents see of a ticket."""

from typing import Any

import graphene

from ...host.requestor import Requestor
from ...tickets.models import Ticket
from ..agents.types import SupportTeam, team_of_ticket
from ..core.connections import (
    build_connection,
    chronological_cursor,
    chronological_position,
    page_size,
    total_count_field,
)
from ..core.dataloaders import ChildPage, ChildPageKey, ChildPageLoader
from ..core.ids import to_global_id
from ..returns.dataloaders import ReturnRequestByTicketLoader
from ..returns.types import SupportReturnRequest
from ..sla.clock_types import resolve_sla_clocks, sla_clocks_field
from ..surveys.types import (
    SupportCustomerSatisfaction,
    SupportSurveyAnswer,
    resolve_customer_satisfaction,
    resolve_survey_answers,
)
from ..users.dataloaders import UserByIdLoader
from ..users.types import SupportUser
from .customer_context import (
    OTHER_TICKETS,
    resolve_customer_orders_count,
    resolve_customer_tickets,
)
from .dataloaders import (
    CategoryByIdLoader,
    EventsByTicketLoader,
    MessagesByTicketLoader,
    PublicMessagesByTicketLoader,
)
from .enums import (
    SupportMessageAuthorTypeEnum,
    SupportTicketChannelEnum,
    SupportTicketEventTypeEnum,
    SupportTicketPriorityEnum,
    SupportTicketStatusEnum,
    SupportTicketTierEnum,
)
from .search_highlight import resolve_search_highlight, search_highlight_field

TICKET_TYPE_NAME = "SupportTicket"
"""Global ids of tickets are ``SupportTicket:<pk>``, for staff and customer types alike."""

CHILD_PAGE_SIZE = 50
"""Messages or timeline entries per page when ``first`` is not given."""


def _user(info: Any, user_id: int | None) -> Any:
    if user_id is None:
        return None
    return UserByIdLoader(info.context).load(user_id)


class SupportTicketCategory(graphene.ObjectType):
    id = graphene.ID(required=True, description="Global id of the category.")
    slug = graphene.String(required=True, description="Stable identifier, e.g. `refund`.")
    name = graphene.String(required=True, description="Name shown to agents.")
    position = graphene.Int(
        required=True, description="Place in lists of categories, lower first (then by slug)."
    )
    is_active = graphene.Boolean(
        required=True,
        description=(
            "False when deactivated: its tickets keep it, but new tickets, moves and macros"
            " cannot use it."
        ),
    )

    class Meta:
        description = "A category of tickets, edited by the merchant."

    @staticmethod
    def resolve_id(root: Any, info: Any) -> str:
        return to_global_id("SupportTicketCategory", root.pk)


class SupportTicketOrder(graphene.ObjectType):
    id = graphene.ID(required=True, description="Global id of the order in Saleor (`Order`).")
    number = graphene.String(required=True, description="Order number shown to the customer.")
    channel = graphene.String(required=True, description="Slug of the order's sales channel.")
    snapshot = graphene.JSONString(
        description=(
            "The order as the desk last stored it: lines, totals, payment, fulfilments and"
            " returns. Null when no snapshot was taken."
        )
    )
    dashboard_url = graphene.String(
        description="Link to the order in the store's dashboard; null when it is not known."
    )

    class Meta:
        description = "The order a ticket is about, as stored beside the ticket."

    @staticmethod
    def resolve_id(root: Ticket, info: Any) -> str:
        return to_global_id("Order", root.order_id)

    @staticmethod
    def resolve_number(root: Ticket, info: Any) -> str:
        return root.order_number

    @staticmethod
    def resolve_channel(root: Ticket, info: Any) -> str:
        return root.order_channel

    @staticmethod
    def resolve_snapshot(root: Ticket, info: Any) -> Any:
        return root.order_snapshot

    @staticmethod
    def resolve_dashboard_url(root: Ticket, info: Any) -> str | None:
        snapshot = root.order_snapshot or {}
        return snapshot.get("dashboard_url") or None


def _is_agent(info: Any) -> bool:
    requestor: Requestor = info.context.requestor
    return requestor.is_agent


class SupportTicketMessage(graphene.Interface):
    id = graphene.ID(required=True, description="Global id of the message.")
    author_type = graphene.Field(
        SupportMessageAuthorTypeEnum, required=True, description="Who wrote the message."
    )
    body = graphene.String(
        required=True,
        description="The message as sanitised HTML (p, br, strong, em, lists, links, code).",
    )
    is_redacted = graphene.Boolean(
        required=True, description="True when the text was replaced because data was erased."
    )
    created_at = graphene.DateTime(required=True, description="When it was written.")

    class Meta:
        description = (
            "A message on a ticket: `StaffTicketMessage` for agents (internal notes included),"
            " `CustomerTicketMessage` for the ticket's customer."
        )

    @classmethod
    def resolve_type(cls, instance: Any, info: Any) -> Any:
        from .customer_types import CustomerTicketMessage  # noqa: PLC0415

        return StaffTicketMessage if _is_agent(info) else CustomerTicketMessage

    @staticmethod
    def resolve_id(root: Any, info: Any) -> str:
        return to_global_id("SupportTicketMessage", root.pk)

    @staticmethod
    def resolve_is_redacted(root: Any, info: Any) -> bool:
        return root.redacted_at is not None


class StaffTicketMessage(graphene.ObjectType):
    author = graphene.Field(
        SupportUser,
        description="The account that wrote it; null for the desk, guests and erased accounts.",
    )
    is_internal = graphene.Boolean(
        required=True, description="True for an internal note, which customers never see."
    )

    class Meta:
        interfaces = (SupportTicketMessage,)
        description = "A message on a ticket, or an internal note between agents."

    @staticmethod
    def resolve_author(root: Any, info: Any) -> Any:
        return _user(info, root.author_user_id)


class SupportTicketEvent(graphene.ObjectType):
    id = graphene.ID(required=True, description="Global id of the timeline entry.")
    type = graphene.Field(SupportTicketEventTypeEnum, required=True, description="What happened.")
    user = graphene.Field(
        SupportUser, description="Who did it; null for the desk itself and for apps."
    )
    parameters = graphene.JSONString(
        required=True,
        description=(
            "Details as ids and codes (old and new status, message id, store event kind);"
            " never personal data."
        ),
    )
    created_at = graphene.DateTime(required=True, description="When it happened.")

    class Meta:
        description = "One entry of a ticket's timeline."

    @staticmethod
    def resolve_id(root: Any, info: Any) -> str:
        return to_global_id("SupportTicketEvent", root.pk)

    @staticmethod
    def resolve_user(root: Any, info: Any) -> Any:
        return _user(info, root.user_id)


class SupportTicketMessageConnection(graphene.relay.Connection):
    class Meta:
        node = SupportTicketMessage
        description = "A page of a ticket's messages, oldest first (agents also see notes)."


class SupportTicketEventConnection(graphene.relay.Connection):
    class Meta:
        node = SupportTicketEvent
        description = "A page of a ticket's timeline, oldest first."


def _child_page(
    loader: ChildPageLoader, connection_type: Any, ticket: Ticket, first: Any, after: Any
) -> Any:
    key = ChildPageKey(
        ticket.pk, page_size(first, default=CHILD_PAGE_SIZE), chronological_position(after)
    )

    def connection(page: ChildPage) -> Any:
        return build_connection(
            connection_type,
            page.rows,
            cursors=[chronological_cursor(row) for row in page.rows],
            has_next_page=page.has_next_page,
            has_previous_page=after is not None,
        )

    return loader.load(key).then(connection)


def _page_arguments(what: str) -> dict[str, Any]:
    return {
        "first": graphene.Int(
            description=f"How many {what} to return, 1 to 100 (default {CHILD_PAGE_SIZE})."
        ),
        "after": graphene.String(
            description=f"Return the {what} after this cursor (`pageInfo.endCursor`)."
        ),
    }


def message_page(info: Any, ticket: Ticket, first: Any, after: Any) -> Any:
    """Return a page of the messages the requestor may read (agents: notes too)."""
    loader: ChildPageLoader
    if _is_agent(info):
        loader = MessagesByTicketLoader(info.context)
    else:
        loader = PublicMessagesByTicketLoader(info.context)
    return _child_page(loader, SupportTicketMessageConnection, ticket, first, after)


class SupportTicket(graphene.Interface):
    id = graphene.ID(required=True, description="Global id of the ticket (`SupportTicket:<pk>`).")
    number = graphene.Int(required=True, description="Public ticket number (from 1000).")
    subject = graphene.String(required=True, description="One-line summary.")
    status = graphene.Field(
        SupportTicketStatusEnum, required=True, description="Where the ticket is in its lifecycle."
    )
    category = graphene.Field(
        SupportTicketCategory, required=True, description="What the ticket is about."
    )
    channel = graphene.Field(
        SupportTicketChannelEnum, required=True, description="Where the ticket came from."
    )
    created_at = graphene.DateTime(required=True, description="When the ticket was opened.")
    updated_at = graphene.DateTime(required=True, description="When it last changed.")
    solved_at = graphene.DateTime(description="When it was last solved.")
    closed_at = graphene.DateTime(description="When it was closed.")
    messages = graphene.Field(
        graphene.NonNull(SupportTicketMessageConnection),
        description="Messages, oldest first; agents also get internal notes, customers never do.",
        **_page_arguments("messages"),
    )
    return_request = graphene.Field(
        SupportReturnRequest,
        description="The return the customer asked for with this ticket; null for others.",
    )

    class Meta:
        description = (
            "A support ticket. Agents (MANAGE_ORDERS) get `StaffTicket`, with internal notes,"
            " assignee, tags and timeline; the ticket's customer or guest gets"
            " `CustomerTicket`."
        )

    @classmethod
    def resolve_type(cls, instance: Any, info: Any) -> Any:
        from .customer_types import CustomerTicket  # noqa: PLC0415

        return StaffTicket if _is_agent(info) else CustomerTicket

    @staticmethod
    def resolve_id(root: Ticket, info: Any) -> str:
        return to_global_id(TICKET_TYPE_NAME, root.pk)

    @staticmethod
    def resolve_category(root: Ticket, info: Any) -> Any:
        return CategoryByIdLoader(info.context).load(root.category_id)

    @staticmethod
    def resolve_messages(root: Ticket, info: Any, first: Any = None, after: Any = None) -> Any:
        return message_page(info, root, first, after)

    @staticmethod
    def resolve_return_request(root: Ticket, info: Any) -> Any:
        return ReturnRequestByTicketLoader(info.context).load(root.pk)


class StaffTicket(graphene.ObjectType):
    priority = graphene.Field(
        SupportTicketPriorityEnum, required=True, description="How urgent it is."
    )
    tier = graphene.Field(
        SupportTicketTierEnum, required=True, description="Support level handling it."
    )
    tags = graphene.List(
        graphene.NonNull(graphene.String),
        required=True,
        description="Tags, lower-case with dashes for spaces.",
    )
    customer_email = graphene.String(
        required=True,
        description="The customer's e-mail (`erased-<hash>` after erasure); empty if unknown.",
    )
    customer_name = graphene.String(
        required=True, description="The customer's name (`erased-<hash>` after erasure)."
    )
    customer = graphene.Field(
        SupportUser, description="The customer's account; null for guests and erased accounts."
    )
    language_code = graphene.String(
        required=True, description="The customer's language (e.g. `ro`); empty if unknown."
    )
    is_anonymised = graphene.Boolean(
        required=True, description="True when the customer's personal data was erased."
    )
    order = graphene.Field(
        SupportTicketOrder, description="The order the ticket is about; null when there is none."
    )
    customer_tickets = graphene.List(
        graphene.NonNull(lambda: StaffTicket),
        required=True,
        description=(
            f"The customer's other tickets, newest first (at most {OTHER_TICKETS}): by account,"
            " or for guests by e-mail; empty once the customer's data was erased."
        ),
    )
    customer_orders_count = graphene.Int(
        description=(
            "How many orders the customer placed in the store (drafts left out): by account,"
            " or for guests by e-mail; null when the customer cannot be told."
        )
    )
    customer_satisfaction = graphene.Field(
        SupportCustomerSatisfaction,
        description=(
            "The customer's survey answers on the tickets the agent may see (this one"
            " included): CSAT shares, latest NPS, latest answers. Null when the customer"
            " cannot be told (erased, unknown)."
        ),
    )
    survey_answers = graphene.List(
        graphene.NonNull(SupportSurveyAnswer),
        required=True,
        description="The customer's answers to this ticket's survey, in question order.",
    )
    assignee = graphene.Field(
        SupportUser, description="The agent who owns the ticket; null when unassigned."
    )
    version = graphene.Int(
        required=True,
        description="Grows with every change; pass it as `expectedVersion` to detect conflicts.",
    )
    team = graphene.Field(
        SupportTeam, description="The team (queue) the ticket is in; null when it has none."
    )
    merged_into_id = graphene.ID(
        description="Global id of the ticket this one was merged into; null unless merged."
    )
    first_response_at = graphene.DateTime(
        description="When an agent first answered the customer publicly."
    )
    events = graphene.Field(
        graphene.NonNull(SupportTicketEventConnection),
        description="The timeline: every change and store event, oldest first.",
        **_page_arguments("timeline entries"),
    )
    sla_clocks = sla_clocks_field()

    class Meta:
        interfaces = (SupportTicket,)
        description = "A support ticket as agents see it, internal notes and timeline included."

    @staticmethod
    def resolve_customer(root: Ticket, info: Any) -> Any:
        return _user(info, root.customer_user_id)

    @staticmethod
    def resolve_is_anonymised(root: Ticket, info: Any) -> bool:
        return root.anonymised_at is not None

    @staticmethod
    def resolve_order(root: Ticket, info: Any) -> Ticket | None:
        return root if root.order_id is not None else None

    resolve_customer_tickets = staticmethod(resolve_customer_tickets)
    resolve_customer_orders_count = staticmethod(resolve_customer_orders_count)
    resolve_customer_satisfaction = staticmethod(resolve_customer_satisfaction)
    resolve_survey_answers = staticmethod(resolve_survey_answers)

    @staticmethod
    def resolve_assignee(root: Ticket, info: Any) -> Any:
        return _user(info, root.assignee_id)

    @staticmethod
    def resolve_team(root: Ticket, info: Any) -> Any:
        return team_of_ticket(info, root.team_id)

    @staticmethod
    def resolve_merged_into_id(root: Ticket, info: Any) -> str | None:
        if root.merged_into_id is None:
            return None
        return to_global_id(TICKET_TYPE_NAME, root.merged_into_id)

    @staticmethod
    def resolve_events(root: Ticket, info: Any, first: Any = None, after: Any = None) -> Any:
        loader = EventsByTicketLoader(info.context)
        return _child_page(loader, SupportTicketEventConnection, root, first, after)

    @staticmethod
    def resolve_sla_clocks(root: Ticket, info: Any) -> Any:
        return resolve_sla_clocks(root, info)


class SupportTicketConnection(graphene.relay.Connection):
    total_count = total_count_field("tickets")

    class Meta:
        node = SupportTicket
        description = "A page of tickets: `StaffTicket`s for agents, `CustomerTicket`s otherwise."

    class Edge:
        search_highlight = search_highlight_field()
        resolve_search_highlight = staticmethod(resolve_search_highlight)

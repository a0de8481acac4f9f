from typing import Any

import graphene

from ...tickets.access import access_ticket_by_id, tickets_visible_to
from ...tickets.error_codes import TicketError
from ..core.connections import keyset_queryset, page_size
from ..core.context import RequestContext
from ..core.ids import pk_from_global_id
from .customer_scope import check_customer_filter
from .filters import SupportTicketFilterInput, filter_tickets
from .mutations.ticket_access import (
    SupportTicketAccessTokenCreate,
    SupportTicketAccessTokensRevoke,
)
from .mutations.ticket_assign import SupportTicketAssign
from .mutations.ticket_bulk_assign import SupportTicketBulkAssign
from .mutations.ticket_bulk_status import SupportTicketBulkStatus
from .mutations.ticket_bulk_tag import SupportTicketBulkTag
from .mutations.ticket_close import SupportTicketClose, SupportTicketReopen
from .mutations.ticket_create import SupportTicketCreate
from .mutations.ticket_reply import SupportTicketReply
from .mutations.ticket_take_next import SupportTicketTakeNext
from .mutations.ticket_update import SupportTicketUpdate
from .search import apply_search, search_argument
from .search_highlight import SearchedTickets, search_highlighter
from .sorters import (
    SupportTicketSortingInput,
    check_customer_sorting,
    ticket_ordering,
    with_sort_key,
)
from .types import TICKET_TYPE_NAME, SupportTicket, SupportTicketConnection

AGENT_PAGE_SIZE = 50
"""Tickets per page of the agents' list when ``first`` is not given."""
CUSTOMER_PAGE_SIZE = 20
"""Tickets per page of a customer's list when ``first`` is not given."""


class TicketQueries(graphene.ObjectType):
    support_ticket = graphene.Field(
        SupportTicket,
        id=graphene.Argument(
            graphene.ID, required=True, description="Global id of the ticket (`SupportTicket`)."
        ),
        description=(
            "Look up one ticket. Agents (MANAGE_ORDERS) get any ticket as `StaffTicket`;"
            " a signed-in customer gets their own tickets, a guest the ticket their access"
            " token opens, as `CustomerTicket`. Null when the ticket does not exist or is not"
            " the requestor's: the two cases are indistinguishable."
        ),
    )
    support_tickets = graphene.Field(
        SupportTicketConnection,
        first=graphene.Int(
            description=(
                f"How many tickets to return, 1 to 100 (default {AGENT_PAGE_SIZE} for agents,"
                f" {CUSTOMER_PAGE_SIZE} for customers)."
            )
        ),
        after=graphene.String(
            description="Return the tickets after this cursor (`pageInfo.endCursor`)."
        ),
        filter=graphene.Argument(
            SupportTicketFilterInput,
            description=(
                "Only tickets meeting these conditions. Customers and guests may filter by"
                " `status` and `orderNumber` only."
            ),
        ),
        sort_by=graphene.Argument(
            SupportTicketSortingInput,
            description=(
                "Sort order; most recently updated first when not given. Customers and guests"
                " may not sort by priority."
            ),
        ),
        search=search_argument(),
        description=(
            "Tickets page by page. Agents (MANAGE_ORDERS) list every ticket as `StaffTicket`"
            " (staff limited to some sales channels: those of their channels and tickets"
            " without an order channel); a signed-in customer lists their own tickets and a"
            " guest the ticket of their access token, as `CustomerTicket`; anyone else gets"
            " an empty list. `totalCount` counts the same tickets; selected without `edges`"
            " and `pageInfo`, no ticket is read, so aliases can count several views at once."
        ),
    )

    @staticmethod
    def resolve_support_ticket(root: Any, info: Any, id: str) -> Any:  # noqa: A002
        context: RequestContext = info.context
        try:
            return access_ticket_by_id(context.requestor, pk_from_global_id(id, TICKET_TYPE_NAME))
        except TicketError:
            return None

    @staticmethod
    def resolve_support_tickets(root: Any, info: Any, **arguments: Any) -> Any:
        context: RequestContext = info.context
        requestor = context.requestor
        if not requestor.is_agent:
            check_customer_filter(arguments.get("filter"))
            check_customer_sorting(arguments.get("sort_by"))
        default_size = AGENT_PAGE_SIZE if requestor.is_agent else CUSTOMER_PAGE_SIZE
        first = page_size(arguments.get("first"), default=default_size)
        ordering = ticket_ordering(arguments.get("sort_by"))
        queryset = filter_tickets(
            tickets_visible_to(context.requestor), arguments.get("filter"), context.requestor
        )
        search = arguments.get("search")
        queryset, ordering = apply_search(
            queryset,
            ordering,
            search=search,
            sort_by=arguments.get("sort_by"),
            requestor=context.requestor,
        )
        after = arguments.get("after")
        return SearchedTickets(
            SupportTicketConnection,
            keyset_queryset(with_sort_key(queryset, ordering), ordering, after=after),
            ordering,
            first=first,
            has_previous_page=after is not None,
            counted=queryset,
            highlighter=search_highlighter(search, context.requestor),
        )


class TicketMutations(graphene.ObjectType):
    support_ticket_create = SupportTicketCreate.Field()
    support_ticket_update = SupportTicketUpdate.Field()
    support_ticket_reply = SupportTicketReply.Field()
    support_ticket_assign = SupportTicketAssign.Field()
    support_ticket_take_next = SupportTicketTakeNext.Field()
    support_ticket_bulk_status = SupportTicketBulkStatus.Field()
    support_ticket_bulk_assign = SupportTicketBulkAssign.Field()
    support_ticket_bulk_tag = SupportTicketBulkTag.Field()
    support_ticket_close = SupportTicketClose.Field()
    support_ticket_reopen = SupportTicketReopen.Field()
    support_ticket_access_token_create = SupportTicketAccessTokenCreate.Field()
    support_ticket_access_tokens_revoke = SupportTicketAccessTokensRevoke.Field()

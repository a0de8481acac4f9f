from typing import Any

import graphene

from ...tickets.access import access_ticket_by_id, tickets_visible_to
from ...tickets.error_codes import TicketError
from ..core.connections import build_connection, keyset_page, page_size
from ..core.context import RequestContext
from ..core.ids import pk_from_global_id
from ..core.permissions import (
    AGENT_PERMISSIONS,
    permissions_description,
    require_permissions,
)
from .filters import SupportTicketFilterInput, filter_tickets
from .mutations.ticket_assign import SupportTicketAssign
from .mutations.ticket_reply import SupportTicketReply
from .mutations.ticket_update import SupportTicketUpdate
from .search import apply_search, search_argument
from .sorters import SupportTicketSortingInput, ticket_ordering, with_sort_key
from .types import TICKET_TYPE_NAME, StaffTicket, StaffTicketConnection

AGENT_PAGE_SIZE = 50
"""Tickets per page of the agents' list when ``first`` is not given."""


class TicketQueries(graphene.ObjectType):
    support_ticket = graphene.Field(
        StaffTicket,
        id=graphene.Argument(
            graphene.ID, required=True, description="Global id of the ticket (`SupportTicket`)."
        ),
        description=permissions_description(
            "Look up one ticket; null when it does not exist.", AGENT_PERMISSIONS
        ),
    )
    support_tickets = graphene.Field(
        StaffTicketConnection,
        first=graphene.Int(
            description=f"How many tickets to return, 1 to 100 (default {AGENT_PAGE_SIZE})."
        ),
        after=graphene.String(
            description="Return the tickets after this cursor (`pageInfo.endCursor`)."
        ),
        filter=graphene.Argument(
            SupportTicketFilterInput, description="Only tickets meeting these conditions."
        ),
        sort_by=graphene.Argument(
            SupportTicketSortingInput,
            description="Sort order; most recently updated first when not given.",
        ),
        search=search_argument(),
        description=permissions_description(
            "The agents' ticket list, page by page (no total count).", AGENT_PERMISSIONS
        ),
    )

    @staticmethod
    def resolve_support_ticket(root: Any, info: Any, id: str) -> Any:  # noqa: A002
        context: RequestContext = info.context
        require_permissions(context.requestor, AGENT_PERMISSIONS)
        try:
            return access_ticket_by_id(context.requestor, pk_from_global_id(id, TICKET_TYPE_NAME))
        except TicketError:
            return None

    @staticmethod
    def resolve_support_tickets(root: Any, info: Any, **arguments: Any) -> Any:
        context: RequestContext = info.context
        require_permissions(context.requestor, AGENT_PERMISSIONS)
        first = page_size(arguments.get("first"), default=AGENT_PAGE_SIZE)
        ordering = ticket_ordering(arguments.get("sort_by"))
        queryset = filter_tickets(
            tickets_visible_to(context.requestor), arguments.get("filter"), context.requestor
        )
        queryset, ordering = apply_search(
            queryset,
            ordering,
            search=arguments.get("search"),
            sort_by=arguments.get("sort_by"),
            requestor=context.requestor,
        )
        rows, has_next_page = keyset_page(
            with_sort_key(queryset, ordering),
            ordering,
            first=first,
            after=arguments.get("after"),
        )
        return build_connection(
            StaffTicketConnection,
            rows,
            cursors=[ordering.cursor(row) for row in rows],
            has_next_page=has_next_page,
            has_previous_page=arguments.get("after") is not None,
        )


class TicketMutations(graphene.ObjectType):
    support_ticket_update = SupportTicketUpdate.Field()
    support_ticket_reply = SupportTicketReply.Field()
    support_ticket_assign = SupportTicketAssign.Field()

"""The ``search`` argument of the agents' ticket list: filter by full-text search, rank."""

import hashlib
from typing import Any

import graphene
from django.db.models import QuerySet

from ...host.requestor import Requestor
from ...search.normalise import normalise_text
from ...search.queries import (
    CANDIDATE_LIMIT,
    MAX_SEARCH_LENGTH,
    RANK,
    matching_tickets,
    search_tickets,
)
from ...tickets.models import Ticket
from ..core.connections import KeysetOrdering
from ..core.errors import InvalidArgument
from ..core.permissions import AGENT_PERMISSIONS, require_permissions

SEARCH_DESCRIPTION = (
    "Full-text search, for agents (MANAGE_ORDERS) only. Finds words in the subject, the"
    " messages and internal notes, the order number and SKUs, and the customer's e-mail"
    " and name, whatever the case and accents (`gresita` finds `greşită` and `greșită`;"
    " Arabic and Persian letter forms, digits and harakat are folded alike). Supports"
    ' `"quoted phrases"`, `or` and `-excluded` words; a single word of 3 or more characters'
    " also finds order numbers and e-mails containing it. Without `sortBy` the newest"
    f" {CANDIDATE_LIMIT:,} matching tickets are returned, most relevant first; with"
    f" `sortBy`, every match in that order. At most {MAX_SEARCH_LENGTH} characters; blank"
    " means no search."
)


def search_argument() -> graphene.String:
    return graphene.String(description=SEARCH_DESCRIPTION)


def relevance_ordering(search: str) -> KeysetOrdering:
    """Most relevant first; the cursor names the search, so it only continues that one."""
    digest = hashlib.sha256(normalise_text(search).encode()).hexdigest()[:16]
    return KeysetOrdering(name=f"relevance:{digest}", key=RANK, key_type=float, descending=True)


def apply_search(
    queryset: QuerySet[Ticket],
    ordering: KeysetOrdering,
    *,
    search: str | None,
    sort_by: Any,
    requestor: Requestor,
) -> tuple[QuerySet[Ticket], KeysetOrdering]:
    """Return the tickets matching ``search`` and their ordering; unchanged when it is blank.

    Ranked by relevance, unless ``sort_by`` asks for another order.
    """
    if search is None or not search.strip():
        return queryset, ordering
    require_permissions(requestor, AGENT_PERMISSIONS)
    if len(search) > MAX_SEARCH_LENGTH:
        raise InvalidArgument(
            f"`search` can have at most {MAX_SEARCH_LENGTH} characters; {len(search)} were given."
        )
    if sort_by:
        return matching_tickets(queryset, search), ordering
    return search_tickets(queryset, search), relevance_ordering(search)

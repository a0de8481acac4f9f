"""Ticket search: websearch syntax over stored vectors, trigram fragments, bounded ranking.

A ticket matches when its own vector (subject, order number, SKUs, customer) matches the
query, when one of its messages does, or, for a one-word query of three or more characters,
when its order number or customer e-mail holds that word as a fragment; a word of letters
and digits only also finds e-mails holding a near miss (trigram word similarity).
The words of one query must all be found in the same place: the ticket or one message.

Only the newest ``CANDIDATE_LIMIT`` matching tickets (by last change) are ranked, so a broad
query costs the same as a narrow one. Rank = ``ts_rank`` of the ticket's vector
+ the best ``ts_rank`` among its matching messages + the trigram similarity of the order
number or e-mail for fragment searches; as ``double precision``, so it round-trips through a
cursor exactly.
"""

import re
from typing import Any

from django.contrib.postgres.search import (
    SearchQuery,
    SearchRank,
    TrigramSimilarity,
    TrigramWordSimilarity,
)
from django.db.models import (
    F,
    FloatField,
    Max,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
)
from django.db.models.functions import Cast, Coalesce, Greatest

from ..tickets.models import Ticket, TicketMessage
from . import SEARCH_CONFIG
from .normalise import normalise_text

MAX_SEARCH_LENGTH = 200
"""Longest search text accepted, in characters."""
CANDIDATE_LIMIT = 1000
"""How many of the newest matching tickets are ranked."""
MIN_FRAGMENT_LENGTH = 3
"""Shortest fragment matched against order numbers and e-mails (one trigram)."""
RANK = "search_rank"
"""Name of the rank annotation."""

_FRAGMENT = re.compile(r'^[^\s"]+$')


def search_query(text: str) -> SearchQuery:
    """Return the ``websearch_to_tsquery`` of ``text``.

    Quotes, ``or`` and ``-`` work, and no input is a syntax error.
    """
    return SearchQuery(normalise_text(text), search_type="websearch", config=SEARCH_CONFIG)


def identifier_fragment(text: str) -> str | None:
    """Return the lower-cased word to match in order numbers and e-mails, if ``text`` is one."""
    word = normalise_text(text).lstrip("#").lower()
    if len(word) < MIN_FRAGMENT_LENGTH or word.startswith("-") or not _FRAGMENT.match(word):
        return None
    return word


def _matching_messages(query: SearchQuery) -> QuerySet[TicketMessage]:
    return TicketMessage.objects.filter(search_vector=query).order_by()


MAX_TICKET_NUMBER = 10**15


def ticket_number(text: str) -> int | None:
    """Return the ticket number ``text`` names (``1073`` or ``#1073``), else ``None``."""
    digits = text.strip().removeprefix("#")
    if not (digits.isascii() and digits.isdigit()) or int(digits) >= MAX_TICKET_NUMBER:
        return None
    return int(digits)


def _matching_ids(text: str) -> QuerySet[Any]:
    """Return the ids of matching tickets, as a union of index scans.

    The scans read the tickets' vectors, the messages' vectors, the ticket number (when the
    text is one), and the trigram indexes of order numbers and e-mails.
    """
    query = search_query(text)
    ids = (
        Ticket.objects.filter(search_vector=query)
        .order_by()
        .values("pk")
        .union(_matching_messages(query).values("ticket_id"))
    )
    number = ticket_number(text)
    if number is not None:
        ids = ids.union(Ticket.objects.filter(number=number).order_by().values("pk"))
    fragment = identifier_fragment(text)
    if fragment is None:
        return ids
    by_fragment = Q(order_number__contains=fragment) | Q(customer_email__contains=fragment)
    if fragment.isalnum():
        by_fragment |= Q(customer_email__trigram_word_similar=fragment)
    return ids.union(Ticket.objects.filter(by_fragment).order_by().values("pk"))


def matching_tickets(queryset: QuerySet[Ticket], text: str) -> QuerySet[Ticket]:
    """Return the tickets of ``queryset`` that match ``text``, unranked and unbounded."""
    return queryset.filter(pk__in=_matching_ids(text))


def search_tickets(queryset: QuerySet[Ticket], text: str) -> QuerySet[Ticket]:
    """Return the newest ``CANDIDATE_LIMIT`` tickets of ``queryset`` matching ``text``.

    They are annotated with their relevance as ``RANK`` (higher is better); the caller
    orders them.
    """
    query = search_query(text)
    candidates = matching_tickets(queryset, text).order_by("-updated_at", "-id")
    best_message = (
        _matching_messages(query)
        .filter(ticket_id=OuterRef("pk"))
        .order_by()
        .values("ticket_id")
        .annotate(best=Max(SearchRank(F("search_vector"), query)))
        .values("best")
    )
    rank = SearchRank(F("search_vector"), query) + Coalesce(
        Subquery(best_message, output_field=FloatField()), Value(0.0)
    )
    fragment = identifier_fragment(text)
    if fragment is not None:
        rank = rank + Greatest(
            TrigramSimilarity("order_number", fragment),
            TrigramWordSimilarity(fragment, "customer_email"),
        )
    return queryset.filter(pk__in=candidates.values("pk")[:CANDIDATE_LIMIT]).annotate(
        **{RANK: Cast(rank, FloatField())}
    )

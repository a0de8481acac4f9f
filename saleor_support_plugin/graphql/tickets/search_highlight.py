"""``searchHighlight`` on the edges of a searched ticket list: why each ticket matched."""

from functools import cached_property
from typing import Any

import graphene

from ...host.requestor import Requestor
from ...search.highlight import Highlight, HighlightField, highlight_tickets
from ..core.connections import LazyConnection
from ..core.ids import to_global_id


class SupportSearchHighlightField(graphene.Enum):
    NUMBER = HighlightField.NUMBER
    SUBJECT = HighlightField.SUBJECT
    MESSAGE = HighlightField.MESSAGE
    INTERNAL_NOTE = HighlightField.INTERNAL_NOTE
    CUSTOMER = HighlightField.CUSTOMER
    ORDER = HighlightField.ORDER

    class Meta:
        description = "Where a ticket's best match with a search is."

    @property
    def description(self) -> str:
        return {
            "NUMBER": "The ticket's number is the search (`1073` or `#1073`).",
            "SUBJECT": "The subject holds the words searched for.",
            "MESSAGE": "A message of the customer, an agent or the desk holds them.",
            "INTERNAL_NOTE": "An internal note holds them (agents only).",
            "CUSTOMER": "The customer's name or e-mail address.",
            "ORDER": "The order's number, product names or SKUs.",
        }[self.name]


class SupportTextRange(graphene.ObjectType):
    start = graphene.Int(
        required=True, description="Offset of the first character, in Unicode code points."
    )
    end = graphene.Int(
        required=True,
        description="Offset just after the last character, in Unicode code points.",
    )

    class Meta:
        description = (
            "A run of text that matched, by offsets in Unicode code points (a JavaScript client"
            " counts them with `Array.from(text)`)."
        )


class SupportSearchHighlight(graphene.ObjectType):
    field = graphene.Field(
        SupportSearchHighlightField,
        required=True,
        description="Where the best match is; messages come after the subject.",
    )
    text = graphene.String(
        required=True,
        description=(
            "Plain text, never markup: the whole field, or for a message or note a snippet of"
            " at most two passages, with `…` where text was left out."
        ),
    )
    ranges = graphene.List(
        graphene.NonNull(SupportTextRange),
        required=True,
        description="The words in `text` that matched, in order, not overlapping.",
    )
    subject_ranges = graphene.List(
        graphene.NonNull(SupportTextRange),
        required=True,
        description="The words of the ticket's `subject` that matched (empty when none did).",
    )
    message_id = graphene.ID(
        description="Global id of the message or note of a MESSAGE or INTERNAL_NOTE match."
    )

    class Meta:
        description = (
            "Why a ticket was found: a short text of its best match with the matched words"
            " (accents, letter forms and case as written)."
        )

    @staticmethod
    def resolve_ranges(root: Highlight, info: Any) -> list[SupportTextRange]:
        return [SupportTextRange(start=a, end=b) for a, b in root.ranges]

    @staticmethod
    def resolve_subject_ranges(root: Highlight, info: Any) -> list[SupportTextRange]:
        return [SupportTextRange(start=a, end=b) for a, b in root.subject_ranges]

    @staticmethod
    def resolve_message_id(root: Highlight, info: Any) -> str | None:
        if root.message_id is None:
            return None
        return to_global_id("SupportTicketMessage", root.message_id)


def search_highlight_field() -> graphene.Field:
    return graphene.Field(
        SupportSearchHighlight,
        description=(
            "Why the ticket matched the list's `search`, for agents: null without a search."
            " Highlights of a whole page cost one statement."
        ),
    )


class Highlighter:
    """The highlights of one searched page, read for all its tickets at the first ask."""

    def __init__(self, search: str, requestor: Requestor) -> None:
        self.search = search
        self.include_internal = requestor.is_agent

    def highlights(self, tickets: list[Any]) -> dict[int, Highlight]:
        return highlight_tickets(tickets, self.search, include_internal=self.include_internal)


def search_highlighter(search: str | None, requestor: Requestor) -> Highlighter | None:
    """Return the highlighter of a list searched for ``search``; ``None`` without a search."""
    if search is None or not search.strip() or not requestor.is_agent:
        return None
    return Highlighter(search, requestor)


class SearchedTickets(LazyConnection):
    """A page of tickets that may carry why each matched the search."""

    def __init__(self, *args: Any, highlighter: Highlighter | None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.highlighter = highlighter

    @cached_property
    def highlights(self) -> dict[int, Highlight]:
        if self.highlighter is None:
            return {}
        return self.highlighter.highlights(self.rows)


def resolve_search_highlight(edge: Any, info: Any) -> Highlight | None:
    connection = getattr(edge, "connection", None)
    if not isinstance(connection, SearchedTickets):
        return None
    return connection.highlights.get(edge.node.pk)

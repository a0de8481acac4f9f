"""Why a ticket matched a search: the best-matching text, with the words that matched marked.

PostgreSQL's ``ts_headline``, with the configuration the stored vectors use, finds the words
and picks the snippet, in one statement for a page of tickets. It works on the normalised
text (``normalise.normalise_text``), because that is what the vectors were built from; the
marks are then carried back to the text as written (accents, Arabic letter forms, ZWNJ and
punctuation kept), so a snippet reads like the message and never holds markup.

Where a ticket's match is, in this order: its number (a search for ``#1073`` or ``1073``),
its subject, the best-ranked message holding every word (internal notes only for agents),
the customer's name or e-mail, the order's number, products or SKUs, then the fragment or
near miss that found an order number or e-mail. Offsets count Unicode code points.
"""

import re
from collections.abc import Sequence
from dataclasses import dataclass

from django.db import connection

from ..tickets.models import Ticket, TicketMessage
from . import SEARCH_CONFIG
from .documents import message_plain_text
from .normalise import normalise_text, normalise_with_positions
from .queries import identifier_fragment, ticket_number

MARK_START = "\ue000"
MARK_END = "\ue001"
FRAGMENT_BREAK = "\ue002"
"""Private-use characters around matched words and between fragments of ``ts_headline``."""
ELLIPSIS = "…"
WHOLE_MESSAGE_LENGTH = 200
"""A message up to this many characters is shown whole; a longer one as a snippet."""
SNIPPET_WORDS = 14
"""Longest fragment of a message snippet, in words; a snippet has at most two fragments."""
FALLBACK_LENGTH = 160
"""Characters shown of a text whose matched words could not be placed."""
MAX_ORDER_LINES = 10
"""Order lines (product name and SKU) looked at for an order match."""

_MARKERS = f"StartSel={MARK_START}, StopSel={MARK_END}"
WHOLE_TEXT_OPTIONS = f"{_MARKERS}, HighlightAll=true"
SNIPPET_OPTIONS = (
    f"{_MARKERS}, FragmentDelimiter={FRAGMENT_BREAK}, MaxFragments=2,"
    f" MaxWords={SNIPPET_WORDS}, MinWords=5, ShortWord=2"
)

Range = tuple[int, int]
"""Start and end (exclusive) of a matched run, in code points."""


class HighlightField:
    NUMBER = "number"  # the ticket number
    SUBJECT = "subject"  # the ticket's subject
    MESSAGE = "message"  # a public message
    INTERNAL_NOTE = "internal_note"  # an internal note (agents only)
    CUSTOMER = "customer"  # the customer's name and e-mail
    ORDER = "order"  # the order's number, products and SKUs

    CHOICES = [
        (NUMBER, "Ticket number"),
        (SUBJECT, "Subject"),
        (MESSAGE, "Message"),
        (INTERNAL_NOTE, "Internal note"),
        (CUSTOMER, "Customer"),
        (ORDER, "Order"),
    ]


@dataclass(frozen=True)
class Highlight:
    field: str
    """A ``HighlightField``."""
    text: str
    """Plain text: the whole field, or for messages a snippet with ``…`` where it was cut."""
    ranges: tuple[Range, ...]
    """Matched words in ``text``."""
    subject_ranges: tuple[Range, ...]
    """Matched words in the ticket's subject as stored."""
    message_id: int | None = None
    """The message or note of a ``MESSAGE`` or ``INTERNAL_NOTE`` highlight."""


# -- the query's words ------------------------------------------------------------------------

_TOKEN = re.compile(r'-?"[^"]*"?|\S+')
_WORD = re.compile(r"\w")


def marked_words_query(search: str) -> str:
    """Return a websearch query finding any word or phrase ``search`` asks for ("" if none).

    Excluded words (``-zwrot``) are left out, so they are never marked, and ``or`` joins the
    rest, so a snippet may show any of them.
    """
    kept = []
    for token in _TOKEN.findall(normalise_text(search)):
        if token.startswith("-") or token.lower() == "or":
            continue
        if token.startswith('"'):
            token = token if token.endswith('"') and len(token) > 1 else f'{token}"'
            if not token.strip('"').strip():
                continue
        kept.append(token)
    return " or ".join(kept)


def _plain_words(marks_query: str) -> list[str]:
    """Return the words of the marked-words query, lower-cased, to match e-mail parts."""
    return [
        word.lower()
        for word in re.findall(r"\w+", marks_query.replace('"', " "))
        if word.lower() != "or"
    ]


# -- from normalised text back to the text as written -----------------------------------------


def _unmark(fragment: str) -> tuple[str, list[Range]]:
    """Return a ``ts_headline`` fragment without its markers, and where they were."""
    plain: list[str] = []
    ranges: list[Range] = []
    start = None
    for character in fragment:
        if character == MARK_START:
            start = len(plain)
        elif character == MARK_END:
            if start is not None and len(plain) > start:
                ranges.append((start, len(plain)))
            start = None
        else:
            plain.append(character)
    return "".join(plain), ranges


def collapse_whitespace(text: str) -> str:
    return " ".join(text.split())


def marked_text(written: str, headline: str | None) -> tuple[str, tuple[Range, ...]]:
    """Return the part of ``written`` that ``headline`` shows, and its marked ranges.

    ``headline`` is ``ts_headline`` of ``normalise_text(written)``; fragments it left out
    become ``…``. When the marks cannot be carried back, the normalised text is shown.
    """
    written = collapse_whitespace(written)
    if headline is None:
        return _shortened(written), ()
    mapped = normalise_with_positions(written)
    if mapped is None:
        base = normalise_text(written)
        source, spans = base, [(i, i + 1) for i in range(len(base))]
    else:
        base, spans = mapped
        source = written
    pieces: list[tuple[int, int, list[Range]]] = []
    cursor = 0
    for fragment in headline.split(FRAGMENT_BREAK):
        marked, ranges = _unmark(fragment)
        plain = marked.strip()
        if not plain:
            continue
        lead = len(marked) - len(marked.lstrip())
        at = base.find(plain, cursor)
        if at < 0:
            return _shortened(written), ()
        cursor = at + len(plain)
        start, end = spans[at][0], spans[cursor - 1][1]
        moved = [
            (spans[at + a - lead][0] - start, spans[at + b - lead - 1][1] - start)
            for a, b in ranges
            if lead <= a < b <= lead + len(plain)
        ]
        pieces.append((start, end, moved))
    if not pieces:
        return _shortened(written), ()
    # Punctuation that ts_headline leaves at either end (a full stop, a question mark) stays.
    if not _WORD.search(source, 0, pieces[0][0]):
        pieces[0] = (
            0,
            pieces[0][1],
            [(a + pieces[0][0], b + pieces[0][0]) for a, b in pieces[0][2]],
        )
    if not _WORD.search(source, pieces[-1][1]):
        pieces[-1] = (pieces[-1][0], len(source), pieces[-1][2])
    text = f"{ELLIPSIS} " if pieces[0][0] > 0 else ""
    found: list[Range] = []
    for number, (start, end, moved) in enumerate(pieces):
        if number:
            text += f" {ELLIPSIS} "
        found += [(len(text) + a, len(text) + b) for a, b in moved]
        text += source[start:end]
    if pieces[-1][1] < len(source):
        text += f" {ELLIPSIS}"
    return text, _merged(found)


def _shortened(text: str) -> str:
    if len(text) <= FALLBACK_LENGTH:
        return text
    return f"{text[:FALLBACK_LENGTH].rstrip()} {ELLIPSIS}"


def _merged(ranges: Sequence[Range]) -> tuple[Range, ...]:
    merged: list[Range] = []
    for start, end in sorted(ranges):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return tuple(merged)


def _substring_ranges(text: str, needle: str) -> list[Range]:
    if not needle:
        return []
    lowered = text.lower()
    found = []
    at = lowered.find(needle)
    while at >= 0:
        found.append((at, at + len(needle)))
        at = lowered.find(needle, at + len(needle))
    return found


# -- the texts of a ticket ------------------------------------------------------------------


def customer_text(ticket: Ticket) -> str:
    parts = [ticket.customer_name.strip(), ticket.customer_email.strip()]
    return " · ".join(part for part in parts if part)


def _customer_terms(ticket: Ticket) -> str:
    email = ticket.customer_email.strip()
    parts = [email, *re.findall(r"\w+", email)] if email else []
    return normalise_text(" ".join([ticket.customer_name, *parts]))


def order_text(ticket: Ticket) -> str:
    if not ticket.order_number:
        return ""
    lines = (ticket.order_snapshot or {}).get("lines") or []
    parts = [ticket.order_number]
    for line in lines[:MAX_ORDER_LINES]:
        if isinstance(line, dict):
            item = " ".join(str(line.get(key) or "").strip() for key in ("product_name", "sku"))
            if item.strip():
                parts.append(item.strip())
    return " · ".join(parts)


def _email_ranges(text: str, email: str, words: list[str]) -> list[Range]:
    """Return the ranges of the e-mail's parts equal to a searched word (the index holds them)."""
    if not email:
        return []
    offset = text.rfind(email)
    if offset < 0:
        return []
    return [
        (offset + part.start(), offset + part.end())
        for part in re.finditer(r"\w+", email)
        if part.group().lower() in words
    ]


# -- the statement ----------------------------------------------------------------------------

_STATEMENT = f"""
WITH query AS (
    SELECT
        websearch_to_tsquery(%(config)s::regconfig, %(search)s) AS matches,
        CASE WHEN %(marks)s = '' THEN NULL
             ELSE websearch_to_tsquery(%(config)s::regconfig, %(marks)s) END AS marks
)
SELECT
    page.ticket_id,
    to_tsvector(%(config)s::regconfig, page.subject) @@ query.matches,
    ts_headline(%(config)s::regconfig, page.subject, query.marks, %(whole)s),
    to_tsvector(%(config)s::regconfig, page.customer_terms) @@ query.matches,
    ts_headline(%(config)s::regconfig, page.customer, query.marks, %(whole)s),
    to_tsvector(%(config)s::regconfig, page.order_text) @@ query.matches,
    ts_headline(%(config)s::regconfig, page.order_text, query.marks, %(whole)s),
    message.id,
    message.is_internal,
    message.body,
    ts_headline(
        %(config)s::regconfig, translate(message.search_text, %(markers)s, ''), query.marks,
        CASE WHEN length(message.search_text) <= %(whole_length)s THEN %(whole)s
             ELSE %(snippet)s END
    )
FROM unnest(
    %(ids)s::bigint[], %(subjects)s::text[], %(customers)s::text[],
    %(customer_terms)s::text[], %(orders)s::text[]
) AS page(ticket_id, subject, customer, customer_terms, order_text)
CROSS JOIN query
LEFT JOIN LATERAL (
    SELECT m.id, m.is_internal, m.body, m.search_text
    FROM {TicketMessage._meta.db_table} m
    WHERE m.ticket_id = page.ticket_id
      AND m.search_vector @@ query.matches
      AND (%(internal)s OR NOT m.is_internal)
    ORDER BY ts_rank(m.search_vector, query.matches) DESC, m.created_at DESC, m.id DESC
    LIMIT 1
) AS message ON TRUE
"""  # noqa: S608  # the table name comes from the model; every value is a parameter


_MARKER_CHARACTERS = MARK_START + MARK_END + FRAGMENT_BREAK
_NO_MARKERS = dict.fromkeys(map(ord, _MARKER_CHARACTERS))


def _headline_input(text: str) -> str:
    """Return the text ``ts_headline`` reads: normalised, without the marker characters.

    A text that held them cannot be matched back, so it is shown unmarked.
    """
    return normalise_text(text).translate(_NO_MARKERS)


@dataclass(frozen=True)
class _Row:
    subject_matches: bool
    subject: str | None
    customer_matches: bool
    customer: str | None
    order_matches: bool
    order: str | None
    message_id: int | None
    message_is_internal: bool | None
    message_body: str | None
    message: str | None


def highlight_tickets(
    tickets: Sequence[Ticket], search: str, *, include_internal: bool
) -> dict[int, Highlight]:
    """Return the highlight of each ticket of ``tickets`` found by ``search``, by ticket id.

    One statement for all of them; none when ``tickets`` is empty. ``include_internal``
    lets internal notes be the match shown (agents only).
    """
    if not tickets:
        return {}
    marks = marked_words_query(search)
    normalised = {
        "subjects": [_headline_input(t.subject) for t in tickets],
        "customers": [_headline_input(customer_text(t)) for t in tickets],
        "customer_terms": [_customer_terms(t) for t in tickets],
        "orders": [_headline_input(order_text(t)) for t in tickets],
    }
    with connection.cursor() as cursor:
        cursor.execute(
            _STATEMENT,
            {
                "config": SEARCH_CONFIG,
                "search": normalise_text(search),
                "marks": marks,
                "whole": WHOLE_TEXT_OPTIONS,
                "snippet": SNIPPET_OPTIONS,
                "whole_length": WHOLE_MESSAGE_LENGTH,
                "markers": _MARKER_CHARACTERS,
                "internal": include_internal,
                "ids": [t.pk for t in tickets],
                **normalised,
            },
        )
        rows = {row[0]: _Row(*row[1:]) for row in cursor.fetchall()}
    context = _SearchContext(
        number=ticket_number(search),
        fragment=identifier_fragment(search),
        words=_plain_words(marks),
    )
    return {t.pk: _highlight(t, rows[t.pk], context) for t in tickets if t.pk in rows}


@dataclass(frozen=True)
class _SearchContext:
    number: int | None
    fragment: str | None
    words: list[str]


def _highlight(ticket: Ticket, row: _Row, context: _SearchContext) -> Highlight:
    subject, subject_ranges = marked_text(ticket.subject, row.subject)

    def make(
        field: str, text: str, ranges: Sequence[Range], message_id: int | None = None
    ) -> Highlight:
        return Highlight(field, text, _merged(ranges), subject_ranges, message_id)

    if context.number is not None and context.number == ticket.number:
        text = f"#{ticket.number}"
        return make(HighlightField.NUMBER, text, [(1, len(text))])
    if row.subject_matches:
        return make(HighlightField.SUBJECT, subject, subject_ranges)
    if row.message_id is not None:
        text, ranges = marked_text(message_plain_text(row.message_body or ""), row.message)
        field = HighlightField.INTERNAL_NOTE if row.message_is_internal else HighlightField.MESSAGE
        return make(field, text, ranges, row.message_id)
    customer, customer_ranges = marked_text(customer_text(ticket), row.customer)
    email_ranges = _email_ranges(customer, ticket.customer_email, context.words)
    if row.customer_matches:
        return make(HighlightField.CUSTOMER, customer, [*customer_ranges, *email_ranges])
    order, order_ranges = marked_text(order_text(ticket), row.order)
    if row.order_matches:
        return make(HighlightField.ORDER, order, order_ranges)
    fragment = context.fragment
    if fragment and fragment in ticket.order_number.lower():
        number_end = len(ticket.order_number)
        in_number = [r for r in _substring_ranges(order, fragment) if r[1] <= number_end]
        return make(HighlightField.ORDER, order, in_number)
    if fragment and ticket.customer_email:
        at = customer.rfind(ticket.customer_email)
        in_email = [(at + a, at + b) for a, b in _substring_ranges(ticket.customer_email, fragment)]
        return make(HighlightField.CUSTOMER, customer, in_email)
    return make(HighlightField.SUBJECT, subject, subject_ranges)

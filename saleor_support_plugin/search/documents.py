"""The ``search_text`` stored on tickets and messages, from which PostgreSQL builds vectors.

A ticket's text has one line per weight class (see ``queries.ticket_vector``):

1. weight A: subject, order number and the SKUs of the order's lines;
2. weight B: customer e-mail (whole and split into its parts), customer name and the
   names of the ordered products.

A message's text is its body as plain text. Every part goes through ``normalise_text``.
"""

import html
import re
from collections.abc import Iterable
from typing import Any

from .normalise import normalise_text

SECTION_SEPARATOR = "\n"
"""Separates the weight sections of a ticket's ``search_text``; normalised parts never hold it."""

_BLOCK_TAG = re.compile(r"</?(?:p|br|li|ul|ol|pre|blockquote)\b[^>]*>", re.IGNORECASE)
_TAG = re.compile(r"<[^>]*>")
_EMAIL_PARTS = re.compile(r"[^\w]+")


def _join(parts: Iterable[str]) -> str:
    return " ".join(p for p in (normalise_text(part) for part in parts) if p)


def _email_terms(email: str) -> list[str]:
    """Return the address and its parts (``ana.pop@example.ro`` -> ``ana``, ``pop``...)."""
    if not email:
        return []
    return [email, *(p for p in _EMAIL_PARTS.split(email) if p)]


def _snapshot_lines(snapshot: dict[str, Any] | None) -> list[dict[str, Any]]:
    lines = (snapshot or {}).get("lines") or []
    return [line for line in lines if isinstance(line, dict)]


def ticket_search_text(
    *,
    subject: str,
    order_number: str = "",
    order_snapshot: dict[str, Any] | None = None,
    customer_email: str = "",
    customer_name: str = "",
) -> str:
    """Return the ``search_text`` of a ticket with these values."""
    lines = _snapshot_lines(order_snapshot)
    primary = _join([subject, order_number, *(str(line.get("sku") or "") for line in lines)])
    secondary = _join(
        [
            *_email_terms(customer_email),
            customer_name,
            *(str(line.get("product_name") or "") for line in lines),
        ]
    )
    return f"{primary}{SECTION_SEPARATOR}{secondary}"


def search_text_of_ticket(ticket: Any) -> str:
    """Return the ``search_text`` for a ``Ticket`` as its fields now stand."""
    return ticket_search_text(
        subject=ticket.subject,
        order_number=ticket.order_number,
        order_snapshot=ticket.order_snapshot,
        customer_email=ticket.customer_email,
        customer_name=ticket.customer_name,
    )


def message_plain_text(body_html: str) -> str:
    """Return the text of a sanitised HTML body as written, without markup.

    Block tags separate words; inline ones (``strong``, ``a``...) do not.
    """
    return html.unescape(_TAG.sub("", _BLOCK_TAG.sub(" ", body_html)))


def message_search_text(body_html: str) -> str:
    """Return the ``search_text`` of a message whose sanitised HTML body is ``body_html``."""
    return normalise_text(message_plain_text(body_html))

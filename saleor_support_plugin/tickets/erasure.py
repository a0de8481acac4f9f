"""Erasure of a customer's personal data from the desk (GDPR), and keeping it erased."""

import hashlib
from datetime import datetime
from typing import Any

from django.db import connection, transaction
from django.db.models import Q
from django.utils import timezone

from ..search.documents import message_search_text, search_text_of_ticket
from . import MessageAuthorType, events
from .actors import Actor
from .lock_objects import ticket_qs_select_for_update
from .models import ErasedCustomer, TicketMessage

REDACTED_BODY = "[removed at the customer's request]"
REDACTED_HTML = f"<p>{REDACTED_BODY}</p>"


def normalise_email(email: str) -> str:
    return email.strip().lower()


def email_hash(email: str) -> str:
    return hashlib.sha256(normalise_email(email).encode()).hexdigest()


def erased_marker(value: str) -> str:
    """Return the stand-in for erased personal data: stable per value, not reversible."""
    return f"erased-{email_hash(value)[:12]}"


def _lock_email(email: str) -> None:
    """Serialise erasing an e-mail with opening tickets for it, until the transaction ends."""
    key = int(email_hash(email)[:15], 16)
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_advisory_xact_lock(%s)", [key])


def is_erased(email: str) -> bool:
    """Whether ``email`` belongs to an erased customer; holds the e-mail's lock till commit."""
    _lock_email(email)
    return ErasedCustomer.objects.filter(email_hash=email_hash(email)).exists()


def redact_snapshot(snapshot: dict[str, Any], marker: str) -> dict[str, Any]:
    redacted = dict(snapshot)
    redacted["customer"] = {
        "user_id": None,
        "email": marker,
        "first_name": "",
        "last_name": "",
        "language_code": (snapshot.get("customer") or {}).get("language_code", ""),
    }
    redacted["customer_note"] = ""
    redacted["shipping_address"] = None
    redacted["billing_address"] = None
    return redacted


@transaction.atomic
def anonymise_customer(
    *, user_id: int | None, email: str, actor: Actor, now: datetime | None = None
) -> int:
    """Erase a customer's personal data from their tickets; numbers, categories and times stay.

    Matches tickets by account id (kept after the account's deletion cleared the user link)
    and by e-mail (guest tickets). Customer messages and the desk's public messages to them
    are redacted. The e-mail's hash is remembered, so a later ticket about one of their old
    orders is stored erased too. Returns how many tickets changed.
    """
    now = now or timezone.now()
    email = normalise_email(email)
    match = Q(pk__in=[])
    if email:
        _lock_email(email)
        ErasedCustomer.objects.get_or_create(
            email_hash=email_hash(email), defaults={"erased_at": now}
        )
        match |= Q(customer_email=email)
    if user_id is not None:
        match |= Q(customer_account_id=user_id) | Q(customer_user_id=user_id)
    tickets = list(ticket_qs_select_for_update().filter(match, anonymised_at__isnull=True))
    for ticket in tickets:
        marker = erased_marker(email or str(user_id))
        ticket.customer_user = None
        ticket.customer_account_id = None
        ticket.customer_email = marker
        ticket.customer_name = marker
        ticket.anonymised_at = now
        if ticket.order_snapshot:
            ticket.order_snapshot = redact_snapshot(ticket.order_snapshot, marker)
        ticket.search_text = search_text_of_ticket(ticket)
        ticket.version += 1
        ticket.updated_at = now
        ticket.save(
            update_fields=[
                "customer_user",
                "customer_account_id",
                "customer_email",
                "customer_name",
                "anonymised_at",
                "order_snapshot",
                "search_text",
                "version",
                "updated_at",
            ]
        )
        TicketMessage.objects.filter(
            Q(author_type=MessageAuthorType.CUSTOMER)
            | Q(author_type=MessageAuthorType.SYSTEM, is_internal=False),
            ticket=ticket,
            redacted_at__isnull=True,
        ).update(
            body_raw=REDACTED_BODY,
            body=REDACTED_HTML,
            search_text=message_search_text(REDACTED_HTML),
            redacted_at=now,
        )
        events.customer_anonymised_event(ticket, actor=actor, at=now)
    return len(tickets)

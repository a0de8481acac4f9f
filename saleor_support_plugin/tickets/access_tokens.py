"""Guest access tokens: unguessable, stored as hashes, shown once, revocable.

A token looks like ``spt_<43 url-safe characters>`` (256 random bits). The prefix lets the
endpoint tell it from a store's own tokens before asking the host.
"""

import hashlib
import secrets
from datetime import datetime

from django.db import transaction
from django.utils import timezone

from . import events
from .actors import Actor
from .models import Ticket, TicketAccessToken

TOKEN_PREFIX = "spt_"  # noqa: S105  # marks the token kind, not a secret
TOKEN_BYTES = 32
MAX_TOKEN_LENGTH = 100
"""Anything longer is not a token of ours; it is refused without a lookup."""


def is_access_token(value: str) -> bool:
    """Return whether ``value`` has the shape of a guest access token (not whether it works)."""
    return value.startswith(TOKEN_PREFIX) and len(value) <= MAX_TOKEN_LENGTH


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


@transaction.atomic
def issue_access_token(ticket: Ticket, *, now: datetime | None = None) -> str:
    """Create a token for ``ticket`` and return it; only its hash is kept."""
    token = TOKEN_PREFIX + secrets.token_urlsafe(TOKEN_BYTES)
    TicketAccessToken.objects.create(
        ticket=ticket, token_hash=_hash(token), created_at=now or timezone.now()
    )
    return token


def ticket_id_for_token(token: str) -> int | None:
    """Return the ticket a live token opens, or ``None`` for unknown and revoked tokens."""
    if not is_access_token(token):
        return None
    row = (
        TicketAccessToken.objects.filter(token_hash=_hash(token), revoked_at__isnull=True)
        .values_list("ticket_id", flat=True)
        .first()
    )
    if row is None:
        return None
    return int(row)


@transaction.atomic
def revoke_access_tokens(ticket: Ticket, *, actor: Actor, now: datetime | None = None) -> int:
    """Revoke every live token of ``ticket``; return how many were revoked."""
    now = now or timezone.now()
    count = TicketAccessToken.objects.filter(ticket=ticket, revoked_at__isnull=True).update(
        revoked_at=now
    )
    if count:
        events.access_tokens_revoked_event(ticket, actor=actor, at=now, count=count)
    return count

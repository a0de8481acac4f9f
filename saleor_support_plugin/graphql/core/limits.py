"""Rate limits of the API's mutations, counted through ``ratelimit``."""

import time

from django.http import HttpRequest

from ...ratelimit import (
    TICKET_CREATE_EMAIL_HOUR,
    TICKET_CREATE_IP_HOUR,
    TICKET_CREATE_IP_MINUTE,
    Clock,
    RateLimited,
    client_ip,
    hit_all,
    ip_key,
)
from .errors import TooManyRequests


def limit_ticket_creation(
    request: HttpRequest, email: str, *, anonymous: bool, clock: Clock = time.time
) -> None:
    """Count one new ticket against the creation limits; raise ``RateLimited`` when over.

    Guests (``anonymous``) are counted per client IP (5 a minute, then 20 an hour) and per
    e-mail address (3 an hour); signed-in customers per e-mail address only. The counters
    are taken in that order, all or nothing: a request refused for its IP does not use the
    e-mail address's budget, and a refused request uses none at all.

    Call it once the input is valid, right before the ticket is opened, so mistakes in a
    form do not use up the budget.
    """
    hits: list[tuple[str, str]] = []
    if anonymous:
        ip = ip_key(client_ip(request))
        hits += [(TICKET_CREATE_IP_MINUTE, ip), (TICKET_CREATE_IP_HOUR, ip)]
    hits.append((TICKET_CREATE_EMAIL_HOUR, email.strip().lower()))
    hit_all(hits, clock=clock)


def retry_message(exc: RateLimited) -> str:
    """Return the customer-facing text of a refusal: when to try again."""
    seconds = exc.retry_after_seconds
    if seconds == 1:
        return "Too many requests: try again in 1 second."
    if seconds < 120:
        return f"Too many requests: try again in {seconds} seconds."
    return f"Too many requests: try again in {-(-seconds // 60)} minutes."


def too_many_requests(exc: RateLimited) -> TooManyRequests:
    """Return the top-level GraphQL error of a refusal, ``retryAfter`` in its extensions."""
    return TooManyRequests(retry_message(exc), retry_after_seconds=exc.retry_after_seconds)

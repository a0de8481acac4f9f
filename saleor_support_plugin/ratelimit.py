"""Rate limits: fixed-window counters in a shared cache, counted with atomic increments.

The counters live in the Django cache named by ``SUPPORT_DESK['RATE_LIMIT_CACHE']``
(``"default"``). Inside Saleor that is Redis when ``CACHE_URL`` (or ``REDIS_URL``) points at
one; there ``add`` is ``SET NX EX`` and ``incr`` is ``INCRBY``, both atomic, so every web
process counts against the same budget. A local-memory cache counts per process only, and
the database cache is not atomic: use Redis in production.

Windows are fixed and aligned to the clock: a rule of 5 per 60 s counts the requests of
12:00:00-12:00:59, then starts again from zero, so a client can fit up to twice the limit
around a window's end; the longer rules (per hour) bound that.

Neither an IP address nor an e-mail address is stored: the cache key holds the rule, the
window and an HMAC-SHA256 of the counted key under a key derived from ``SECRET_KEY``.

A cache that fails (Redis down, a timeout) lets the request through and logs a warning: a
broken cache must never stop customers from reaching the desk.
"""

import ipaddress
import logging
import math
import time
from collections.abc import Callable, Sequence
from contextlib import suppress
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.cache import caches
from django.http import HttpRequest
from django.utils.crypto import salted_hmac

from .conf import desk_settings

logger = logging.getLogger(__name__)

Clock = Callable[[], float]
"""Seconds since the epoch, ``time.time`` unless a test gives its own."""

TICKET_CREATE_IP_MINUTE = "ticket_create_ip_minute"  # guests opening tickets, per client IP
TICKET_CREATE_IP_HOUR = "ticket_create_ip_hour"  # the same, over an hour
TICKET_CREATE_EMAIL_HOUR = "ticket_create_email_hour"  # new tickets per requester e-mail
SURVEY_SUBMIT_IP_MINUTE = "survey_submit_ip_minute"  # satisfaction survey answers, per client IP
TICKET_UPDATE_TICKET_10_MINUTES = "ticket_update_ticket_10_minutes"  # agents' updates, per ticket

DEFAULT_LIMITS: dict[str, tuple[int, int]] = {
    TICKET_CREATE_IP_MINUTE: (5, 60),
    TICKET_CREATE_IP_HOUR: (20, 60 * 60),
    TICKET_CREATE_EMAIL_HOUR: (3, 60 * 60),
    SURVEY_SUBMIT_IP_MINUTE: (10, 60),
    TICKET_UPDATE_TICKET_10_MINUTES: (30, 10 * 60),
}
"""Requests allowed per window of seconds, per rule; ``SUPPORT_DESK['RATE_LIMITS']`` overrides."""

KEY_PREFIX = "support-desk:ratelimit"
HASH_SALT = "saleor_support_plugin.ratelimit"
UNKNOWN_IP = "unknown"
"""The key shared by all requests whose address cannot be told."""
IPV6_PREFIX_LENGTH = 64
"""An IPv6 client usually holds a whole /64, so it is counted as one."""


@dataclass(frozen=True)
class RateLimit:
    name: str
    limit: int
    """Requests allowed in one window."""
    window_seconds: int


class RateLimited(Exception):
    """A request over ``rule``'s limit; the window ends in ``retry_after_seconds``."""

    def __init__(self, rule: RateLimit, retry_after_seconds: int) -> None:
        super().__init__(
            f"Rate limit {rule.name} ({rule.limit} per {rule.window_seconds} s) reached;"
            f" retry in {retry_after_seconds} s."
        )
        self.rule = rule
        self.retry_after_seconds = retry_after_seconds


def rate_limit(name: str) -> RateLimit | None:
    """Return the rule ``name`` as configured, or ``None`` when it is switched off.

    ``SUPPORT_DESK['RATE_LIMITS']`` maps rule names to ``(requests, window_seconds)``;
    ``0``, ``None`` or zero requests switch a rule off.
    """
    overrides = desk_settings().rate_limits
    unknown = set(overrides) - set(DEFAULT_LIMITS)
    if unknown:
        raise ValueError(f"Unknown SUPPORT_DESK['RATE_LIMITS'] rules: {', '.join(sorted(unknown))}")
    if name not in DEFAULT_LIMITS:
        raise ValueError(f"Unknown rate limit rule {name!r}.")
    value = overrides.get(name, DEFAULT_LIMITS[name])
    if not value:
        return None
    limit, window_seconds = (int(v) for v in value)
    if limit == 0:
        return None
    if limit < 0 or window_seconds <= 0:
        raise ValueError(
            f"SUPPORT_DESK['RATE_LIMITS'][{name!r}] must be (requests >= 0, window_seconds > 0)."
        )
    return RateLimit(name=name, limit=limit, window_seconds=window_seconds)


def hit(name: str, key: str, *, clock: Clock = time.time) -> None:
    """Count one request of ``key`` against the rule ``name``; raise ``RateLimited`` if over."""
    hit_all([(name, key)], clock=clock)


def hit_all(hits: Sequence[tuple[str, str]], *, clock: Clock = time.time) -> None:
    """Count one request against every ``(rule name, key)``, in order, all or nothing.

    Each counter is incremented atomically and compared with its limit. The first one over
    its limit ends the walk: the increments of this call, that one's included, are taken
    back and ``RateLimited`` is raised for it. So a refused request uses no budget, and the
    rules after the refusing one are not touched; list the cheapest-to-refuse keys (the
    client's IP) before the ones a stranger could exhaust for someone else (an e-mail).
    Switched-off rules are skipped. When the cache fails, the request is let through.
    """
    now = clock()
    counters = [
        _counter(rule, key, now) for name, key in hits if (rule := rate_limit(name)) is not None
    ]
    if not counters:
        return
    alias = desk_settings().rate_limit_cache
    cache = caches[alias]
    counted: list[_Counter] = []
    refused: _Counter | None = None
    try:
        for counter in counters:
            count = _increment(cache, counter.cache_key, counter.ttl_seconds)
            counted.append(counter)
            if count > counter.rule.limit:
                refused = counter
                break
    except Exception as exc:  # any backend's failure lets the request through
        _log_cache_failure(alias, exc)
        return
    if refused is None:
        return
    try:
        for counter in counted:
            with suppress(ValueError):  # expired meanwhile: nothing left to take back
                cache.decr(counter.cache_key)
    except Exception as exc:  # the refusal stands; only the refund is lost
        _log_cache_failure(alias, exc)
    raise RateLimited(refused.rule, refused.retry_after_seconds)


def check(name: str, key: str, *, clock: Clock = time.time) -> None:
    """Raise ``RateLimited`` when ``key`` has no budget left under ``name``; count nothing."""
    rule = rate_limit(name)
    if rule is None:
        return
    counter = _counter(rule, key, clock())
    alias = desk_settings().rate_limit_cache
    try:
        count = int(caches[alias].get(counter.cache_key, 0))
    except Exception as exc:  # any backend's failure lets the request through
        _log_cache_failure(alias, exc)
        return
    if count >= rule.limit:
        raise RateLimited(rule, counter.retry_after_seconds)


def client_ip(request: HttpRequest) -> str | None:
    """Return the client's IP address, or ``None`` when no header names a valid one.

    Reads Saleor's ``REAL_IP_ENVIRON`` setting: the ``request.META`` keys to try in order
    (``["REMOTE_ADDR"]`` by default; a single name is accepted too). The first key holding a
    valid address wins; of a comma-separated value (``X-Forwarded-For``) its first valid
    entry. Invalid entries are skipped, as Saleor's ``get_client_ip`` does.

    Unlike ``get_client_ip``, ``X-Forwarded-For`` is read only when ``REAL_IP_ENVIRON``
    names it: a client could otherwise pick a new address per request and walk around the
    per-IP limits. Behind a proxy, list the header the proxy sets, e.g.
    ``["HTTP_X_FORWARDED_FOR", "REMOTE_ADDR"]``.
    """
    names = getattr(settings, "REAL_IP_ENVIRON", ["REMOTE_ADDR"])
    if isinstance(names, str):
        names = [names]
    for name in names:
        for candidate in str(request.META.get(name) or "").split(","):
            try:
                return str(ipaddress.ip_address(candidate.strip()))
            except ValueError:
                continue
    return None


def ip_key(ip: str | None) -> str:
    """Return the counting key of an address: IPv4 itself, IPv6 its /64 network."""
    if ip is None:
        return UNKNOWN_IP
    try:
        address = ipaddress.ip_address(ip)
    except ValueError:
        return UNKNOWN_IP
    if isinstance(address, ipaddress.IPv6Address):
        if address.ipv4_mapped is not None:
            return str(address.ipv4_mapped)
        return str(ipaddress.IPv6Network(f"{address}/{IPV6_PREFIX_LENGTH}", strict=False))
    return str(address)


@dataclass(frozen=True)
class _Counter:
    rule: RateLimit
    cache_key: str
    retry_after_seconds: int
    """Whole seconds until the window ends, at least 1."""

    @property
    def ttl_seconds(self) -> int:
        # One second over the window's end, for clocks of web servers slightly apart.
        return self.retry_after_seconds + 1


def _counter(rule: RateLimit, key: str, now: float) -> _Counter:
    window = int(now // rule.window_seconds)
    seconds_left = (window + 1) * rule.window_seconds - now
    digest = salted_hmac(HASH_SALT, f"{rule.name}:{key}", algorithm="sha256").hexdigest()
    return _Counter(
        rule=rule,
        cache_key=f"{KEY_PREFIX}:{rule.name}:{window}:{digest[:32]}",
        retry_after_seconds=max(1, math.ceil(seconds_left)),
    )


def _increment(cache: Any, cache_key: str, ttl_seconds: int) -> int:
    """Add one to the counter, creating it with its expiry on the window's first request."""
    if cache.add(cache_key, 1, ttl_seconds):
        return 1
    try:
        return int(cache.incr(cache_key))
    except ValueError:
        # It expired between the two calls: its window is over, this request opens the next.
        cache.add(cache_key, 1, ttl_seconds)
        return 1


def _log_cache_failure(alias: str, exc: Exception) -> None:
    logger.warning(
        "Rate limits not applied: the cache %r failed (%s: %s).", alias, type(exc).__name__, exc
    )

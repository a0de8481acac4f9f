"""Typed access to the ``SUPPORT_DESK`` Django setting, read at call time."""

from dataclasses import dataclass
from typing import Any

from django.conf import settings

KICK_AUTO = "auto"  # publish to the broker after commit, skip when Celery runs eagerly
KICK_INLINE = "inline"  # process in this process right after commit (demo, tests)
KICK_OFF = "off"  # never kick; the periodic sweep delivers everything
KICK_MODES = (KICK_AUTO, KICK_INLINE, KICK_OFF)


@dataclass(frozen=True)
class DeskSettings:
    host: str
    """Dotted path of the host class that knows the store platform."""
    kick: str
    """How a recorded store event reaches processing, one of ``KICK_MODES``."""
    celery_queue: str | None
    """Queue for the support tasks; ``None`` keeps Celery's default queue."""
    hook_lock_timeout_ms: int
    """Longest wait of the hook's INSERT for a lock before it gives up."""
    sweep_interval_seconds: float
    """How often the periodic sweep runs (registered when the tasks module loads)."""
    sweep_batch: int
    """Most inbound events one sweep run processes."""
    sweep_min_age_seconds: int
    """A pending event is swept only once it is this old (the kick goes first)."""
    max_attempts: int
    """Failed attempts after which an inbound event becomes a dead letter."""
    reconcile_overlap_seconds: int
    """How far back each reconciliation run re-reads past its watermark."""
    reconcile_settle_seconds: int
    """Reconciliation leaves the newest store events this long to the hooks."""
    language_code: str
    """Language of what the desk writes on tickets (subjects, notes about store events)."""
    rate_limit_cache: str
    """Alias in ``CACHES`` of the shared cache (Redis) that holds the rate-limit counters."""
    rate_limits: dict[str, tuple[int, int] | None]
    """Per-rule overrides of the rate limits: (requests, window in seconds), 0/None disables."""
    max_query_cost: int
    """Highest estimated cost of one GraphQL operation (fields resolved, pages multiplied)."""
    max_customer_query_cost: int
    """Highest estimated cost of one operation sent by anyone but an agent (customers, guests)."""
    max_query_depth: int
    """Deepest nesting of fields in a GraphQL document, fragments expanded."""
    max_aliases: int
    """Most aliases in one GraphQL document."""
    max_selections: int
    """Most selections (fields, fragment spreads) written in one GraphQL document."""
    max_mutations: int
    """Most mutations run by one request."""
    survey_window_days: int
    """Days after a ticket is solved during which its customer may answer the survey."""


DEFAULTS: dict[str, Any] = {
    "HOST": "saleor_support_plugin.host.saleor.SaleorHost",
    "KICK": KICK_AUTO,
    "CELERY_QUEUE": None,
    "HOOK_LOCK_TIMEOUT_MS": 200,
    "SWEEP_INTERVAL_SECONDS": 15,
    "SWEEP_BATCH": 500,
    "SWEEP_MIN_AGE_SECONDS": 10,
    "MAX_ATTEMPTS": 5,
    "RECONCILE_OVERLAP_SECONDS": 15 * 60,
    "RECONCILE_SETTLE_SECONDS": 120,
    "LANGUAGE_CODE": None,
    "RATE_LIMIT_CACHE": "default",
    "RATE_LIMITS": {},
    "MAX_QUERY_COST": 50_000,
    "MAX_CUSTOMER_QUERY_COST": 1_000,
    "MAX_QUERY_DEPTH": 15,
    "MAX_ALIASES": 100,
    "MAX_SELECTIONS": 500,
    "MAX_MUTATIONS": 4,
    "SURVEY_WINDOW_DAYS": 30,
}


def desk_settings() -> DeskSettings:
    """Return the effective settings: ``settings.SUPPORT_DESK`` over the defaults."""
    values = {**DEFAULTS, **getattr(settings, "SUPPORT_DESK", {})}
    unknown = set(values) - set(DEFAULTS)
    if unknown:
        raise ValueError(f"Unknown SUPPORT_DESK keys: {', '.join(sorted(unknown))}")
    if values["KICK"] not in KICK_MODES:
        raise ValueError(f"SUPPORT_DESK['KICK'] must be one of {', '.join(KICK_MODES)}")
    return DeskSettings(
        host=values["HOST"],
        kick=values["KICK"],
        celery_queue=values["CELERY_QUEUE"],
        hook_lock_timeout_ms=int(values["HOOK_LOCK_TIMEOUT_MS"]),
        sweep_interval_seconds=float(values["SWEEP_INTERVAL_SECONDS"]),
        sweep_batch=int(values["SWEEP_BATCH"]),
        sweep_min_age_seconds=int(values["SWEEP_MIN_AGE_SECONDS"]),
        max_attempts=int(values["MAX_ATTEMPTS"]),
        reconcile_overlap_seconds=int(values["RECONCILE_OVERLAP_SECONDS"]),
        reconcile_settle_seconds=int(values["RECONCILE_SETTLE_SECONDS"]),
        language_code=values["LANGUAGE_CODE"] or settings.LANGUAGE_CODE,
        rate_limit_cache=values["RATE_LIMIT_CACHE"],
        rate_limits=dict(values["RATE_LIMITS"]),
        max_query_cost=int(values["MAX_QUERY_COST"]),
        max_customer_query_cost=int(values["MAX_CUSTOMER_QUERY_COST"]),
        max_query_depth=int(values["MAX_QUERY_DEPTH"]),
        max_aliases=int(values["MAX_ALIASES"]),
        max_selections=int(values["MAX_SELECTIONS"]),
        max_mutations=int(values["MAX_MUTATIONS"]),
        survey_window_days=int(values["SURVEY_WINDOW_DAYS"]),
    )

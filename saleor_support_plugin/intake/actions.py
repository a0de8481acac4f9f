"""Processing of inbound events: kicked task, sweep, retries, dead letters."""

import logging
import random
from dataclasses import dataclass
from datetime import datetime, timedelta
from uuid import UUID

from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone, translation

from ..conf import desk_settings
from ..host import Host, get_host
from ..surveys.actions import redact_customer_comments
from ..tickets.actors import Actor
from ..tickets.erasure import anonymise_customer
from . import InboundEventStatus, IntakeKind, SourceEventType, StoreOrderEventType
from .facts import REFUND_FALLBACK_WINDOW, facts_for_event
from .lock_objects import (
    order_scan_cursor_select_for_update,
    pending_inbound_event_qs_select_for_update,
)
from .models import InboundEvent
from .rules import ConfigurationError, IntakeSettings, parse_configuration
from .threads import apply_facts, new_facts

logger = logging.getLogger(__name__)

RETRY_BASE_SECONDS = 10
RETRY_MAX_SECONDS = 600
CLAIM_TIMEOUT = timedelta(seconds=90)
"""Longer than a task may run (its time limit is 60 s): an older claim was lost."""
REFUND_TYPES = frozenset(
    t for t, kind in StoreOrderEventType.KIND.items() if kind == IntakeKind.REFUND
)


@dataclass(frozen=True)
class Outcome:
    status: str
    text: str
    ticket_id: int | None = None


def load_intake_settings(host: Host) -> IntakeSettings:
    """Return the merchant's rules; stored values that no longer parse fall back to defaults."""
    try:
        return parse_configuration(host.plugin_configuration())
    except ConfigurationError as exc:
        logger.error("Support desk configuration is invalid (%s); using defaults.", exc)
        return parse_configuration({})


def process_inbound_event(event_id: int) -> str | None:
    """Process one inbound event unless it is done or another worker holds it.

    Returns the event's new status, or ``None`` when there was nothing to do.
    """
    claimed = _claim(pending_inbound_event_qs_select_for_update().filter(pk=event_id))
    return None if claimed is None else _process(*claimed)


def sweep_inbound_events(*, limit: int | None = None) -> int:
    """Process due pending events, oldest first, one transaction each; return how many."""
    config = desk_settings()
    done = 0
    for _ in range(limit if limit is not None else config.sweep_batch):
        now = timezone.now()
        due = (
            pending_inbound_event_qs_select_for_update()
            .filter(
                next_attempt_at__lte=now,
                created_at__lte=now - timedelta(seconds=config.sweep_min_age_seconds),
            )
            .order_by("next_attempt_at", "id")
        )
        claimed = _claim(due)
        if claimed is None:
            break
        _process(*claimed)
        done += 1
    return done


def _claim(candidates: QuerySet[InboundEvent]) -> tuple[int, datetime] | None:
    """Claim the first unclaimed candidate: count the delivery and commit, before any work.

    A worker killed while processing (out of memory, a lost node) leaves its count behind,
    so a row that kills every worker becomes a dead letter instead of looping. A claim
    younger than ``CLAIM_TIMEOUT`` belongs to a worker still at it, and is left alone.
    """
    now = timezone.now()
    with transaction.atomic():
        event = candidates.filter(
            Q(claimed_at__isnull=True) | Q(claimed_at__lt=now - CLAIM_TIMEOUT)
        ).first()
        if event is None:
            return None
        if event.attempts >= desk_settings().max_attempts:
            _record_failure(event, "every delivery so far was lost with its worker", now)
            return None
        event.attempts += 1
        event.claimed_at = now
        event.save(update_fields=["attempts", "claimed_at"])
        return event.pk, now


def _process(event_id: int, claimed_at: datetime) -> str | None:
    with transaction.atomic():
        event = (
            pending_inbound_event_qs_select_for_update()
            .filter(pk=event_id, claimed_at=claimed_at)
            .first()
        )
        if event is None:  # a newer claim took over (ours was presumed lost)
            return None
        return _process_locked(event)


def _process_locked(event: InboundEvent) -> str:
    now = timezone.now()
    try:
        with transaction.atomic(), translation.override(desk_settings().language_code):
            outcome = _handle(event, now)
    except Exception as exc:
        _record_failure(event, f"{type(exc).__name__}: {exc}", now)
        return event.status
    event.status = outcome.status
    event.outcome = outcome.text[:255]
    event.ticket_id = outcome.ticket_id
    event.processed_at = now
    event.payload = {}
    event.last_error = ""
    event.claimed_at = None
    event.save(
        update_fields=[
            "claimed_at",
            "status",
            "outcome",
            "ticket",
            "processed_at",
            "payload",
            "last_error",
        ]
    )
    return event.status


def _record_failure(event: InboundEvent, error: str, now: datetime) -> None:
    """Keep the error; retry later with backoff, or dead-letter after the last attempt."""
    event.last_error = error[:2000]
    event.claimed_at = None
    if event.attempts >= desk_settings().max_attempts:
        event.status = InboundEventStatus.DEAD
        logger.error(
            "Support desk inbound event %s (%s %s) is a dead letter after %s attempts: %s",
            event.pk,
            event.source_event_type,
            event.source_object_id,
            event.attempts,
            event.last_error,
        )
    else:
        delay = min(RETRY_BASE_SECONDS * 2 ** (event.attempts - 1), RETRY_MAX_SECONDS)
        event.next_attempt_at = now + timedelta(seconds=delay * random.uniform(0.8, 1.2))  # noqa: S311  # jitter, not security
        logger.warning(
            "Support desk inbound event %s failed, will retry: %s",
            event.pk,
            event.last_error,
        )
    event.save(update_fields=["last_error", "claimed_at", "status", "next_attempt_at"])


def _handle(event: InboundEvent, now: datetime) -> Outcome:
    if event.source_event_type == SourceEventType.CUSTOMER_DELETED:
        user_id = event.payload.get("user_id")
        account_id = int(user_id) if user_id is not None else None
        email = str(event.payload.get("email", ""))
        redact_customer_comments(user_id=account_id, email=email, now=now)
        count = anonymise_customer(user_id=account_id, email=email, actor=Actor.system(), now=now)
        return Outcome(InboundEventStatus.PROCESSED, f"anonymised {count} tickets")
    if event.source_event_type not in SourceEventType.ORDER_SCOPED or event.order_id is None:
        return Outcome(InboundEventStatus.SKIPPED, f"unknown event {event.source_event_type}")
    return _handle_order_event(event, event.order_id, now)


def _handle_order_event(event: InboundEvent, order_id: UUID, now: datetime) -> Outcome:
    host = get_host()
    settings = load_intake_settings(host)
    cursor = order_scan_cursor_select_for_update(order_id)
    snapshot = host.read_order(order_id)
    if snapshot is None:
        return Outcome(InboundEventStatus.SKIPPED, "order not found")
    new_rows = host.order_events(order_id, after_pk=cursor.last_event_pk)
    if event.source_event_type == SourceEventType.RECONCILIATION:
        # A history row that committed after a higher one was read lies below the cursor.
        row_pk = int(event.source_object_id)
        if row_pk <= cursor.last_event_pk:
            late = host.order_events(order_id, after_pk=row_pk - 1)
            new_rows = [row for row in late if row.pk == row_pk] + new_rows
    recent_refunds = []
    if event.source_event_type == SourceEventType.ORDER_REFUNDED:
        since = event.occurred_at - REFUND_FALLBACK_WINDOW
        recent_refunds = [
            row
            for row in host.order_events(order_id, after_pk=0)
            if row.type in REFUND_TYPES and row.date >= since
        ]
    facts = facts_for_event(
        source_event_type=event.source_event_type,
        source_object_id=event.source_object_id,
        snapshot=snapshot,
        new_rows=new_rows,
        recent_refund_rows=recent_refunds,
    )
    if new_rows and max(row.pk for row in new_rows) > cursor.last_event_pk:
        cursor.last_event_pk = max(row.pk for row in new_rows)
        cursor.updated_at = now
        cursor.save(update_fields=["last_event_pk", "updated_at"])
    enabled = [f for f in facts if settings.rule(f.kind).enabled]
    if not enabled:
        reason = "rules are off for " + ", ".join(f.kind for f in facts) if facts else "nothing new"
        return Outcome(InboundEventStatus.SKIPPED, reason)
    fresh = new_facts(enabled)
    if not fresh:
        return Outcome(InboundEventStatus.SKIPPED, "already on a ticket")
    # Tickets carry the time the problem happened, not the time a worker got to it.
    ticket, opened = apply_facts(snapshot, fresh, settings, now=min(event.occurred_at, now))
    verb = "opened" if opened else "updated"
    kinds = ", ".join(f.kind for f in fresh)
    return Outcome(
        InboundEventStatus.PROCESSED,
        f"{verb} ticket #{ticket.number}: {kinds}",
        ticket.pk,
    )


def requeue_dead_events(event_ids: list[int] | None = None) -> int:
    """Give dead letters (all, or the given ones) a fresh set of attempts; return how many."""
    qs = InboundEvent.objects.filter(status=InboundEventStatus.DEAD)
    if event_ids is not None:
        qs = qs.filter(pk__in=event_ids)
    return qs.update(
        status=InboundEventStatus.PENDING,
        attempts=0,
        claimed_at=None,
        next_attempt_at=timezone.now(),
    )

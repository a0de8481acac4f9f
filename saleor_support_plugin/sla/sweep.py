"""The minute sweep: record warnings and breaches on the timeline, run breach actions.

Each run works in batches, one transaction each:

1. SLA rows whose next check is due (``next_check_at <= now``), locked ``SKIP LOCKED``;
2. then tickets whose clocks are stale: active tickets never synced or changed since their
   last sync, and tickets with open clocks changed since (solved without a sync).

Every ticket of a batch is locked ``SKIP LOCKED`` too (a ticket being edited waits for the
next run), its clocks are derived again, and each warning or breach not yet recorded is
written once: the clock row keeps ``warned_at`` / ``breached_at`` under the ticket's lock,
and the timeline entry carries a unique key per ticket, clock and cycle. Running the sweep
twice therefore writes one warning and one breach per clock cycle, and the breach actions
run once. A ticket is looked at no more than once per run: one still due after its turn (a
breach action brought a tighter policy) or held by someone waits for the next run.
"""

import logging
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime

from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone

from ..tickets import TicketStatus, events
from ..tickets.models import Ticket, TicketEvent
from . import ClockStatus
from .breach_actions import run_breach_actions
from .lock_objects import due_ticket_slas_select_for_update, tickets_skip_locked
from .models import TicketSla, TicketSlaClock
from .policies import PolicySet
from .sync import SyncBatch, is_missed_unrecorded, sync_locked_tickets

logger = logging.getLogger(__name__)

SWEEP_BATCH = 100
"""Tickets per transaction."""
MAX_BATCHES = 50
"""Batches per run and phase: up to 5,000 due tickets and 5,000 stale ones a minute."""
MAX_RUN_SECONDS = 40.0
"""No batch starts later than this into a run, well within the task's 45 s soft limit."""


@dataclass
class SweepResult:
    tickets: int = 0
    warnings: int = 0
    breaches: int = 0
    still_due: set[int] = field(default_factory=set)
    """Tickets looked at whose next check is due all the same (a tighter policy now)."""

    def add(self, other: "SweepResult") -> None:
        self.tickets += other.tickets
        self.warnings += other.warnings
        self.breaches += other.breaches
        self.still_due |= other.still_due


def _breach_entry(ticket: Ticket, row: TicketSlaClock, now: datetime) -> TicketEvent:
    return events.sla_breached_event(
        ticket,
        at=now,
        kind=row.kind,
        cycle=row.cycle,
        due_at=row.due_at.isoformat() if row.due_at else None,
        policy_id=row.policy_id,
        completed=row.status == ClockStatus.COMPLETED,
        dedupe_key=f"sla:{ticket.pk}:{row.kind}:{row.cycle}:breached",
    )


def record_crossings(
    batch: SyncBatch, ticket: Ticket, now: datetime, entries: list[TicketEvent]
) -> tuple[int, list[str]]:
    """Mark the ticket's warnings and breaches due by ``now``; add their timeline entries.

    Returns the number of warnings and the kinds of the open clocks that breached.
    """
    warnings = 0
    breached: list[str] = []
    for row in batch.clocks[ticket.pk]:
        if row.status in ClockStatus.OPEN and row.breached_at is None:
            if row.warned_at is None and row.warn_at is not None and row.warn_at <= now:
                row.warned_at = now
                batch.mark_changed(row)
                entries.append(
                    events.sla_warning_event(
                        ticket,
                        at=now,
                        kind=row.kind,
                        cycle=row.cycle,
                        due_at=row.due_at.isoformat() if row.due_at else None,
                        dedupe_key=f"sla:{ticket.pk}:{row.kind}:{row.cycle}:warning",
                    )
                )
                warnings += 1
            if row.due_at is not None and row.due_at <= now:
                row.breached_at = now
                batch.mark_changed(row)
                entries.append(_breach_entry(ticket, row, now))
                breached.append(row.kind)
        elif is_missed_unrecorded(row) and row.due_at is not None and row.due_at <= now:
            row.breached_at = now
            batch.mark_changed(row)
            entries.append(_breach_entry(ticket, row, now))
    return warnings, breached


def process_tickets(
    tickets: Sequence[Ticket], *, now: datetime, policies: PolicySet
) -> SweepResult:
    """Sync locked tickets, record their crossings and run the breach actions."""
    result = SweepResult(tickets=len(tickets))
    if not tickets:
        return result
    batch = SyncBatch(list(tickets), now, policies).derive()
    breaches: list[tuple[Ticket, list[str]]] = []
    entries: list[TicketEvent] = []
    for ticket in tickets:
        warnings, kinds = record_crossings(batch, ticket, now, entries)
        result.warnings += warnings
        if kinds:
            breaches.append((ticket, kinds))
    events.save_events(entries)
    batch.save()
    acted: list[int] = []
    for ticket, kinds in breaches:
        result.breaches += len(kinds)
        policy = batch.chosen[ticket.pk]
        if policy is not None and policy.breach_actions:
            run_breach_actions(ticket, policy, kinds, now=now)
            acted.append(ticket.pk)
    slas = dict(batch.slas)
    if acted:
        # The actions changed the tickets (priority, tier, team): their policy may change.
        synced = sync_locked_tickets(
            list(Ticket.objects.filter(pk__in=acted).order_by("pk")), now=now, policies=policies
        )
        slas.update(synced.slas)
    result.still_due = {
        pk for pk, sla in slas.items() if sla.next_check_at is not None and sla.next_check_at <= now
    }
    return result


def _stale_ticket_ids(limit: int, exclude: set[int]) -> list[int]:
    never_or_changed = (
        Ticket.objects.filter(status__in=TicketStatus.ACTIVE)
        .filter(Q(sla__isnull=True) | Q(sla__synced_version__lt=F("version")))
        .exclude(pk__in=exclude)
        .order_by("pk")
        .values_list("pk", flat=True)[:limit]
    )
    ids = list(never_or_changed)
    if len(ids) < limit:
        ended = (
            TicketSla.objects.filter(has_open_clocks=True, synced_version__lt=F("ticket__version"))
            .exclude(ticket_id__in=[*exclude, *ids])
            .order_by("ticket_id")
            .values_list("ticket_id", flat=True)[: limit - len(ids)]
        )
        ids += list(ended)
    return ids


def _run_batch(
    ids: list[int], passed_over: set[int], now: datetime, policies: PolicySet
) -> SweepResult:
    """Process the tickets of ``ids`` that nobody holds (inside the caller's transaction).

    Tickets held by others, and those still due once processed, join ``passed_over``: the
    run leaves them to the next one.
    """
    tickets = tickets_skip_locked(ids)
    result = process_tickets(tickets, now=now, policies=policies)
    passed_over |= (set(ids) - {ticket.pk for ticket in tickets}) | result.still_due
    return result


def sweep_sla(
    *,
    now: datetime | None = None,
    batch_size: int = SWEEP_BATCH,
    max_batches: int = MAX_BATCHES,
    max_seconds: float = MAX_RUN_SECONDS,
) -> SweepResult:
    """Run both phases of the sweep; return what was looked at and recorded."""
    deadline = time.monotonic() + max_seconds
    policies = PolicySet.load()
    passed_over: set[int] = set()
    total = SweepResult()
    for phase in ("due", "stale"):
        for _ in range(max_batches):
            if time.monotonic() > deadline:
                return total
            at = now or timezone.now()
            ids: list[int] = []
            try:
                with transaction.atomic():
                    if phase == "due":
                        ids = due_ticket_slas_select_for_update(at, batch_size, exclude=passed_over)
                    else:
                        ids = _stale_ticket_ids(batch_size, passed_over)
                    if not ids:
                        break
                    total.add(_run_batch(ids, passed_over, at, policies))
            except Exception:
                logger.exception("SLA sweep batch failed; retrying its tickets one by one")
                passed_over.update(ids)
                total.add(_one_by_one(ids, at, policies))
    return total


def _one_by_one(ids: list[int], now: datetime, policies: PolicySet) -> SweepResult:
    total = SweepResult()
    for pk in ids:
        try:
            with transaction.atomic():
                total.add(process_tickets(tickets_skip_locked([pk]), now=now, policies=policies))
        except Exception:
            logger.exception("SLA sweep failed on ticket %s; it is retried next run", pk)
    return total

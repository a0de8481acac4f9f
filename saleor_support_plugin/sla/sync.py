"""Keep each ticket's stored clocks equal to what its history and policy say.

Clocks are derived again from the ticket's timeline (status changes) and public messages
whenever the ticket changed (its ``version`` moved past the one last synced), so a sync is
idempotent and needs no signal: the mutation layer and intake ask for one after commit,
and the minute sweep catches every ticket they missed.

Policy choice: the first active policy the ticket matches now (priority, channel, category,
order channel). When the choice changes (priority raised, category moved, policies edited)
no clock restarts: each keeps its start and the business time it used, and takes the new
policy's target; a kind the new policy has no target for stops. Completed clocks keep the
target they were measured against.
"""

import logging
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from functools import partial

from django.db import transaction
from django.utils import timezone

from ..tickets import TicketEventType, events
from ..tickets.lock_objects import ticket_qs_select_for_update, tickets_select_for_update
from ..tickets.models import Ticket, TicketEvent, TicketMessage
from . import ClockStatus
from .bulk import update_rows
from .clocks import Clock, PublicMessage, StatusChange, TicketHistory, derive_clocks, earliest
from .lock_objects import ticket_slas_select_for_update
from .models import TicketSla, TicketSlaClock
from .policies import Policy, PolicySet

logger = logging.getLogger(__name__)

CLOCK_FIELDS = [
    "cycle",
    "status",
    "policy",
    "calendar",
    "target_minutes",
    "warning_percent",
    "started_at",
    "running_since",
    "consumed",
    "warn_at",
    "due_at",
    "completed_at",
    "warned_at",
    "breached_at",
    "updated_at",
]
SLA_FIELDS = [
    "policy",
    "synced_version",
    "synced_at",
    "has_open_clocks",
    "next_check_at",
    "next_due_at",
]


def load_histories(tickets: Sequence[Ticket]) -> dict[int, TicketHistory]:
    """Return each ticket's status changes and public messages (two queries)."""
    ids = [ticket.pk for ticket in tickets]
    changes: dict[int, list[StatusChange]] = defaultdict(list)
    for ticket_id, at, parameters in (
        TicketEvent.objects.filter(ticket_id__in=ids, type=TicketEventType.STATUS_CHANGED)
        .order_by("created_at", "id")
        .values_list("ticket_id", "created_at", "parameters")
    ):
        changes[ticket_id].append(
            StatusChange(at=at, old=str(parameters.get("old")), new=str(parameters.get("new")))
        )
    messages: dict[int, list[PublicMessage]] = defaultdict(list)
    for ticket_id, at, author_type in (
        TicketMessage.objects.filter(ticket_id__in=ids, is_internal=False)
        .order_by("created_at", "id")
        .values_list("ticket_id", "created_at", "author_type")
    ):
        messages[ticket_id].append(PublicMessage(at=at, author_type=author_type))
    return {
        ticket.pk: TicketHistory(
            opened_at=ticket.created_at,
            status_changes=tuple(changes[ticket.pk]),
            messages=tuple(messages[ticket.pk]),
        )
        for ticket in tickets
    }


def _derived_values(clock: Clock, policy: Policy) -> dict[str, object]:
    return {
        "cycle": clock.cycle,
        "status": clock.status,
        "policy_id": policy.id,
        "calendar_id": policy.calendar_id,
        "target_minutes": clock.target_minutes,
        "warning_percent": clock.warning_percent,
        "started_at": clock.started_at,
        "running_since": clock.running_since,
        "consumed": clock.consumed,
        "warn_at": clock.warn_at,
        "due_at": clock.due_at,
        "completed_at": clock.completed_at,
    }


def _update(row: TicketSlaClock, values: dict[str, object]) -> bool:
    changed = [name for name, value in values.items() if getattr(row, name) != value]
    for name in changed:
        setattr(row, name, values[name])
    return bool(changed)


def is_frozen(row: TicketSlaClock, clock: Clock) -> bool:
    """Return whether a completed clock stays completed (it keeps its target then)."""
    return (
        row.status == ClockStatus.COMPLETED
        and clock.status == ClockStatus.COMPLETED
        and row.cycle == clock.cycle
        and row.completed_at == clock.completed_at
    )


def next_check_at(rows: Sequence[TicketSlaClock]) -> datetime | None:
    """Return the earliest crossing the sweep has yet to record on the timeline."""
    moments: list[datetime | None] = []
    for row in rows:
        if row.status in ClockStatus.OPEN and row.breached_at is None:
            if row.warned_at is None:
                moments.append(row.warn_at)
            moments.append(row.due_at)
        elif is_missed_unrecorded(row):
            moments.append(row.due_at)
    return earliest(moments)


def is_missed_unrecorded(row: TicketSlaClock) -> bool:
    return (
        row.status == ClockStatus.COMPLETED
        and row.breached_at is None
        and row.due_at is not None
        and row.completed_at is not None
        and row.due_at < row.completed_at
    )


@dataclass
class SyncBatch:
    """Derive the clocks of locked tickets, let the caller record crossings, then save."""

    tickets: list[Ticket]
    now: datetime
    policies: PolicySet
    slas: dict[int, TicketSla] = field(default_factory=dict)
    clocks: dict[int, list[TicketSlaClock]] = field(default_factory=dict)
    chosen: dict[int, Policy | None] = field(default_factory=dict)
    _new_rows: list[TicketSlaClock] = field(default_factory=list)
    _changed_rows: dict[int, TicketSlaClock] = field(default_factory=dict)
    _policy_changes: list[tuple[Ticket, int | None]] = field(default_factory=list)

    def derive(self) -> "SyncBatch":
        ids = [ticket.pk for ticket in self.tickets]
        self.slas = {sla.ticket_id: sla for sla in ticket_slas_select_for_update(ids)}
        missing = [
            TicketSla(ticket_id=pk, synced_version=0, synced_at=self.now)
            for pk in ids
            if pk not in self.slas
        ]
        if missing:
            TicketSla.objects.bulk_create(missing)
            self.slas.update({sla.ticket_id: sla for sla in missing})
        rows: dict[int, list[TicketSlaClock]] = defaultdict(list)
        for row in TicketSlaClock.objects.filter(ticket_id__in=ids).order_by("ticket_id", "kind"):
            rows[row.ticket_id].append(row)
        histories = load_histories(self.tickets)
        for ticket in self.tickets:
            self.clocks[ticket.pk] = self._derive_ticket(ticket, rows[ticket.pk], histories)
        return self

    def _derive_ticket(
        self,
        ticket: Ticket,
        rows: list[TicketSlaClock],
        histories: dict[int, TicketHistory],
    ) -> list[TicketSlaClock]:
        policy = self.policies.choose(ticket)
        self.chosen[ticket.pk] = policy
        sla = self.slas[ticket.pk]
        derived = (
            [
                (clock, _derived_values(clock, policy))
                for clock in derive_clocks(histories[ticket.pk], policy.targets, policy.calendar)
            ]
            if policy is not None
            else []
        )
        by_kind = {row.kind: row for row in rows}
        for clock, values in derived:
            row = by_kind.get(clock.kind)
            if row is None:
                row = TicketSlaClock(ticket_id=ticket.pk, kind=clock.kind, updated_at=self.now)
                _update(row, values)
                self._new_rows.append(row)
                by_kind[clock.kind] = row
                continue
            if is_frozen(row, clock):
                continue
            if row.cycle != clock.cycle:
                row.warned_at = row.breached_at = None
            if _update(row, values):
                self.mark_changed(row)
        derived_kinds = {clock.kind for clock, _ in derived}
        for row in by_kind.values():
            if row.kind not in derived_kinds and row.status in ClockStatus.OPEN:
                row.status = ClockStatus.STOPPED
                row.running_since = None
                self.mark_changed(row)
        new_policy_id = policy.id if policy is not None else None
        if sla.policy_id != new_policy_id:
            self._policy_changes.append((ticket, sla.policy_id))
            sla.policy_id = new_policy_id
        sla.synced_version = ticket.version
        sla.synced_at = self.now
        return sorted(by_kind.values(), key=lambda row: row.kind)

    def mark_changed(self, row: TicketSlaClock) -> None:
        row.updated_at = self.now
        if row.pk is not None:
            self._changed_rows[row.pk] = row

    def save(self) -> None:
        """Write the clocks, the SLA rows and the policy changes' timeline entries."""
        events.save_events(
            [
                events.sla_policy_applied_event(
                    ticket,
                    at=self.now,
                    policy_id=policy.id if policy else None,
                    old_policy_id=old_policy_id,
                    targets=dict(policy.targets.minutes) if policy else {},
                    due={
                        row.kind: row.due_at.isoformat() if row.due_at else None
                        for row in self.clocks[ticket.pk]
                        if row.status in ClockStatus.OPEN
                    },
                )
                for ticket, old_policy_id in self._policy_changes
                for policy in [self.chosen[ticket.pk]]
            ]
        )
        if self._new_rows:
            TicketSlaClock.objects.bulk_create(self._new_rows)
        if self._changed_rows:
            update_rows(TicketSlaClock, list(self._changed_rows.values()), CLOCK_FIELDS)
        for ticket in self.tickets:
            rows = self.clocks[ticket.pk]
            sla = self.slas[ticket.pk]
            sla.has_open_clocks = any(row.status in ClockStatus.OPEN for row in rows)
            sla.next_check_at = next_check_at(rows)
            sla.next_due_at = earliest(row.due_at for row in rows if row.status in ClockStatus.OPEN)
        update_rows(TicketSla, list(self.slas.values()), SLA_FIELDS)
        self._new_rows, self._changed_rows, self._policy_changes = [], {}, []


def sync_locked_tickets(
    tickets: Sequence[Ticket], *, now: datetime, policies: PolicySet | None = None
) -> SyncBatch:
    """Sync the clocks of tickets locked by the caller, in one go; return the batch."""
    batch = SyncBatch(list(tickets), now, policies or PolicySet.load()).derive()
    batch.save()
    return batch


@transaction.atomic
def sync_ticket_clocks(ticket: Ticket, *, now: datetime | None = None) -> list[TicketSlaClock]:
    """Lock the ticket and bring its clocks up to date; return them (by kind)."""
    now = now or timezone.now()
    locked = ticket_qs_select_for_update().get(pk=ticket.pk)
    return sync_locked_tickets([locked], now=now).clocks[locked.pk]


@transaction.atomic
def sync_tickets_by_ids(ticket_ids: Sequence[int], *, now: datetime | None = None) -> None:
    """Lock the tickets (pk order) and bring their clocks up to date, in one batch."""
    now = now or timezone.now()
    tickets = list(tickets_select_for_update(Ticket.objects.filter(pk__in=list(ticket_ids))))
    if tickets:
        sync_locked_tickets(tickets, now=now)


def sync_clocks_after_commit(*ticket_ids: int) -> None:
    """Sync the tickets' clocks once the current transaction commits.

    Best effort: a failure is logged, and the minute sweep syncs the tickets instead.
    """
    ids = sorted(set(ticket_ids))
    if ids:
        transaction.on_commit(partial(sync_tickets_by_ids, ids), robust=True)

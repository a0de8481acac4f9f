"""How a stored clock stands at a given moment, in Python and as a database condition."""

from datetime import datetime, timedelta

from django.db.models import F, Q

from . import ClockStatus, SlaState
from .calendar import Calendar, business_time_between
from .models import TicketSlaClock


def clock_state(clock: TicketSlaClock, now: datetime) -> str:
    """Return the clock's ``SlaState`` at ``now``."""
    if clock.status == ClockStatus.COMPLETED:
        due, completed = clock.due_at, clock.completed_at
        if due is not None and completed is not None and due < completed:
            return SlaState.MISSED
        return SlaState.MET
    if clock.status == ClockStatus.STOPPED:
        return SlaState.CANCELLED
    if clock.due_at is not None and clock.due_at <= now:
        return SlaState.BREACHED
    if clock.warn_at is not None and clock.warn_at <= now:
        return SlaState.WARNING
    return SlaState.ON_TRACK


def consumed(clock: TicketSlaClock, calendar: Calendar | None, now: datetime) -> timedelta:
    """Return the business time the clock has used by ``now``."""
    if clock.running_since is None or calendar is None or now <= clock.running_since:
        return clock.consumed
    return clock.consumed + business_time_between(calendar, clock.running_since, now)


def remaining(clock: TicketSlaClock, calendar: Calendar | None, now: datetime) -> timedelta:
    """Return the business time left before the target (negative once it is passed)."""
    return timedelta(minutes=clock.target_minutes) - consumed(clock, calendar, now)


def state_condition(state: str, now: datetime) -> Q:
    """Return the condition on clock rows that are in ``state`` at ``now``."""
    is_open = Q(status__in=sorted(ClockStatus.OPEN))
    not_due = Q(due_at__isnull=True) | Q(due_at__gt=now)
    not_warned = Q(warn_at__isnull=True) | Q(warn_at__gt=now)
    completed = Q(status=ClockStatus.COMPLETED)
    return {
        SlaState.BREACHED: is_open & Q(due_at__lte=now),
        SlaState.WARNING: is_open & Q(warn_at__lte=now) & not_due,
        SlaState.ON_TRACK: is_open & not_warned & not_due,
        SlaState.MET: completed & (Q(due_at__isnull=True) | Q(due_at__gte=F("completed_at"))),
        SlaState.MISSED: completed & Q(due_at__lt=F("completed_at")),
        SlaState.CANCELLED: Q(status=ClockStatus.STOPPED),
    }[state]

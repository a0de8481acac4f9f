"""A ticket's SLA clocks as a pure function of its history, its targets and a calendar.

- First response runs from opening to the first public agent reply.
- Next response starts at a customer's public message once an agent has replied and no
  earlier such message waits for an answer; the next public agent reply meets it. Each
  round is a new ``cycle``.
- Resolution runs from opening to SOLVED; reopening resumes it with the time already used.

Every clock counts business time only while the ticket is NEW or OPEN; PENDING and ON_HOLD
pause it. Solving or closing the ticket stops the response clocks (resumed on reopening).
Replies from the desk itself (acknowledgements) and internal notes count for nothing.

History before the ticket's opening is ignored (timelines of merged tickets), and a status
change only counts when it starts from the status the ticket had (a merged ticket's own
changes do not move this one).
"""

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from ..tickets import MessageAuthorType, TicketStatus
from . import ClockKind, ClockStatus
from .calendar import Calendar, add_business_time, business_time_between


@dataclass(frozen=True)
class StatusChange:
    at: datetime
    old: str
    new: str


@dataclass(frozen=True)
class PublicMessage:
    at: datetime
    author_type: str


@dataclass(frozen=True)
class TicketHistory:
    opened_at: datetime
    status_changes: tuple[StatusChange, ...] = ()
    messages: tuple[PublicMessage, ...] = ()
    """Public messages only (no internal notes)."""


@dataclass(frozen=True)
class Targets:
    minutes: dict[str, int]
    """Target in business minutes by ``ClockKind``; a kind left out has no clock."""
    warning_percent: int


@dataclass(frozen=True)
class Clock:
    kind: str
    cycle: int
    status: str
    target_minutes: int
    warning_percent: int
    started_at: datetime
    running_since: datetime | None
    consumed: timedelta
    """Business time used until ``running_since`` (while running), else in all."""
    warn_at: datetime | None
    due_at: datetime | None
    completed_at: datetime | None


PAUSING = frozenset({TicketStatus.PENDING, TicketStatus.ON_HOLD})
ENDING = frozenset({TicketStatus.SOLVED, TicketStatus.CLOSED})


def _mode(status: str) -> str:
    if status in PAUSING:
        return ClockStatus.PAUSED
    if status in ENDING:
        return ClockStatus.STOPPED
    return ClockStatus.RUNNING


@dataclass
class _Track:
    kind: str
    cycle: int
    target: timedelta
    warning_percent: int
    started_at: datetime
    calendar: Calendar
    status: str = ClockStatus.RUNNING
    running_since: datetime | None = None
    consumed: timedelta = field(default_factory=timedelta)
    warn_at: datetime | None = None
    due_at: datetime | None = None
    completed_at: datetime | None = None

    @property
    def warning(self) -> timedelta:
        return self.target * self.warning_percent / 100

    def _count_until(self, at: datetime) -> None:
        if self.running_since is None:
            return
        used = business_time_between(self.calendar, self.running_since, at)
        self._cross(self.running_since, used)
        self.consumed += used
        self.running_since = None

    def _cross(self, since: datetime, used: timedelta | None) -> None:
        """Set the crossing instants of thresholds reached within ``used`` (None: ever)."""
        for name, threshold in (("warn_at", self.warning), ("due_at", self.target)):
            if getattr(self, name) is not None or threshold <= self.consumed:
                continue
            needed = threshold - self.consumed
            if used is None or needed <= used:
                setattr(self, name, add_business_time(self.calendar, since, needed))

    def move(self, at: datetime, mode: str) -> None:
        if self.status == ClockStatus.COMPLETED:
            return
        self._count_until(at)
        self.status = mode
        if mode == ClockStatus.RUNNING:
            self.running_since = at

    def complete(self, at: datetime) -> None:
        if self.status == ClockStatus.COMPLETED:
            return
        self._count_until(at)
        self.status = ClockStatus.COMPLETED
        self.completed_at = at

    def resume(self, at: datetime, mode: str) -> None:
        """Take up a completed clock again (a reopened ticket's resolution)."""
        if self.status != ClockStatus.COMPLETED:
            self.move(at, mode)
            return
        self.completed_at = None
        self.status = mode
        if mode == ClockStatus.RUNNING:
            self.running_since = at

    def result(self) -> Clock:
        warn_at, due_at = self.warn_at, self.due_at
        if self.running_since is not None:
            self._cross(self.running_since, None)
            warn_at, due_at = self.warn_at, self.due_at
        elif self.status == ClockStatus.COMPLETED and self.completed_at is not None:
            # The due time it had when completed, had it kept running.
            if due_at is None and self.target > self.consumed:
                due_at = add_business_time(
                    self.calendar, self.completed_at, self.target - self.consumed
                )
        return Clock(
            kind=self.kind,
            cycle=self.cycle,
            status=self.status,
            target_minutes=int(self.target.total_seconds() // 60),
            warning_percent=self.warning_percent,
            started_at=self.started_at,
            running_since=self.running_since,
            consumed=self.consumed,
            warn_at=warn_at,
            due_at=due_at,
            completed_at=self.completed_at,
        )


def _events(history: TicketHistory) -> list[tuple[datetime, int, StatusChange | PublicMessage]]:
    """Messages and status changes from the opening on, in time order, messages first."""
    items: list[tuple[datetime, int, StatusChange | PublicMessage]] = []
    for index, message in enumerate(history.messages):
        if message.at >= history.opened_at:
            items.append((message.at, index, message))
    offset = len(history.messages)
    for index, change in enumerate(history.status_changes):
        if change.at >= history.opened_at:
            items.append((change.at, offset + index, change))
    items.sort(key=lambda item: (item[0], item[1]))
    return items


def derive_clocks(history: TicketHistory, targets: Targets, calendar: Calendar) -> list[Clock]:
    """Return the ticket's clocks (the latest cycle of each kind that has started)."""

    def track(kind: str, cycle: int, at: datetime, status: str) -> _Track:
        target = timedelta(minutes=targets.minutes[kind])
        clock = _Track(
            kind=kind,
            cycle=cycle,
            target=target,
            warning_percent=targets.warning_percent,
            started_at=at,
            calendar=calendar,
        )
        clock.status = _mode(status)
        if clock.status == ClockStatus.RUNNING:
            clock.running_since = at
        return clock

    status = TicketStatus.NEW
    opened = history.opened_at
    tracks: dict[str, _Track] = {}
    for kind in (ClockKind.FIRST_RESPONSE, ClockKind.RESOLUTION):
        if kind in targets.minutes:
            tracks[kind] = track(kind, 1, opened, status)
    agent_replied = False
    cycles = 0
    for at, _, item in _events(history):
        if isinstance(item, StatusChange):
            if item.old != status or item.new == status:
                continue
            status = item.new
            mode = _mode(status)
            for kind, clock in tracks.items():
                if kind == ClockKind.RESOLUTION:
                    if status in ENDING:
                        clock.complete(at)
                    else:
                        clock.resume(at, mode)
                else:
                    clock.move(at, mode)
            continue
        if not isinstance(item, PublicMessage):
            continue
        if item.author_type == MessageAuthorType.AGENT:
            agent_replied = True
            for kind in (ClockKind.FIRST_RESPONSE, ClockKind.NEXT_RESPONSE):
                if kind in tracks:
                    tracks[kind].complete(at)
        elif item.author_type == MessageAuthorType.CUSTOMER:
            waiting = tracks.get(ClockKind.NEXT_RESPONSE)
            if (
                agent_replied
                and ClockKind.NEXT_RESPONSE in targets.minutes
                and (waiting is None or waiting.status == ClockStatus.COMPLETED)
            ):
                cycles += 1
                tracks[ClockKind.NEXT_RESPONSE] = track(ClockKind.NEXT_RESPONSE, cycles, at, status)
    return [tracks[kind].result() for kind in ClockKind.ALL if kind in tracks]


def consumed_at(clock: Clock, calendar: Calendar | None, now: datetime) -> timedelta:
    """Return the business time the clock has used by ``now``."""
    if clock.running_since is None or calendar is None or now <= clock.running_since:
        return clock.consumed
    return clock.consumed + business_time_between(calendar, clock.running_since, now)


def earliest(values: Iterable[datetime | None]) -> datetime | None:
    present = [value for value in values if value is not None]
    return min(present) if present else None

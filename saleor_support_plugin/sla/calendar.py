"""Business-time arithmetic on a calendar: pure functions, exact to the microsecond.

A calendar opens at weekly intervals of local wall time (09:00-17:00 on Mondays...) in its
time zone, except on holidays (local dates). Wall times are turned into instants day by day,
so daylight-saving changes are followed:

- a wall time that does not exist (the hour skipped in spring) means the moment the clocks
  jump, so 09:00-17:00 on a day whose 03:00-04:00 is skipped still ends at 17:00, and an
  interval lying wholly in the skipped hour is empty;
- a wall time that exists twice (the hour repeated in autumn) means its first occurrence, so
  00:00-24:00 on that day lasts 25 hours and adjacent intervals never overlap.

``add_business_time`` returns the earliest instant at which a duration of open time has
passed, so an end that falls on a closing time stays on it (Friday 16:00 + 1 h on a
09:00-17:00 calendar is Friday 17:00, not Monday 09:00). ``business_time_between`` measures
open time between two instants; adding then measuring gives back exactly what was added.
"""

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from functools import cached_property
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from . import MINUTES_PER_DAY

MAX_CLOSED_DAYS = 3660
"""Days without any opening after which a calendar counts as never open (ten years)."""
ONE_SECOND = timedelta(seconds=1)


class CalendarError(Exception):
    """The calendar cannot measure time: it has no opening, or none for years ahead."""


@dataclass(frozen=True, order=True)
class Interval:
    """An opening on ``weekday`` (0 = Monday) from ``start_minute`` to ``end_minute`` (<= 1440)."""

    weekday: int
    start_minute: int
    end_minute: int


@dataclass(frozen=True)
class Calendar:
    time_zone: str
    intervals: tuple[Interval, ...]
    holidays: frozenset[date] = field(default_factory=frozenset)

    @cached_property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.time_zone)

    @cached_property
    def by_weekday(self) -> dict[int, list[tuple[int, int]]]:
        """Each weekday's openings, sorted, with touching and overlapping ones joined."""
        days: dict[int, list[tuple[int, int]]] = {weekday: [] for weekday in range(7)}
        for interval in sorted(self.intervals):
            opening = days[interval.weekday]
            if opening and interval.start_minute <= opening[-1][1]:
                start, end = opening[-1]
                opening[-1] = (start, max(end, interval.end_minute))
            else:
                opening.append((interval.start_minute, interval.end_minute))
        return days

    @cached_property
    def is_always_open(self) -> bool:
        """True for a 24/7 calendar without holidays: business time is elapsed time."""
        return not self.holidays and all(
            spans == [(0, MINUTES_PER_DAY)] for spans in self.by_weekday.values()
        )


def always_open(time_zone: str = "UTC") -> Calendar:
    return Calendar(
        time_zone=time_zone,
        intervals=tuple(Interval(weekday, 0, MINUTES_PER_DAY) for weekday in range(7)),
    )


def is_time_zone(name: str) -> bool:
    """Return whether ``name`` is a time zone the system's database knows (``Asia/Tehran``)."""
    if name not in _time_zone_names():
        return False
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return False
    return True


_TIME_ZONE_NAMES: set[str] = set()


def _time_zone_names() -> set[str]:
    if not _TIME_ZONE_NAMES:
        _TIME_ZONE_NAMES.update(available_timezones())
    return _TIME_ZONE_NAMES


def local_instant(zone: ZoneInfo, day: date, minute: int) -> datetime:
    """Return, in UTC, the instant the wall clock of ``zone`` shows ``minute`` into ``day``.

    ``minute`` 1440 is the next day's midnight. A skipped wall time gives the moment the
    clocks jump; a repeated one, its first occurrence.
    """
    naive = datetime.combine(day, time()) + timedelta(minutes=minute)
    instant = naive.replace(tzinfo=zone).astimezone(UTC)
    if instant.astimezone(zone).replace(tzinfo=None) == naive:
        return instant
    # Skipped: the jump lies between the wall time read with the offset after the change
    # (too early) and with the offset before it (``instant``, too late). Zone changes
    # happen on whole seconds.
    target_offset = instant.astimezone(zone).utcoffset()
    low = int(naive.replace(tzinfo=zone, fold=1).astimezone(UTC).timestamp())
    high = int(instant.timestamp())
    while high - low > 1:
        middle = (low + high) // 2
        if datetime.fromtimestamp(middle, UTC).astimezone(zone).utcoffset() == target_offset:
            high = middle
        else:
            low = middle
    return datetime.fromtimestamp(high, UTC)


def _day_spans(calendar: Calendar, day: date) -> Iterator[tuple[datetime, datetime]]:
    if day in calendar.holidays:
        return
    for start_minute, end_minute in calendar.by_weekday[day.weekday()]:
        start = local_instant(calendar.zone, day, start_minute)
        end = local_instant(calendar.zone, day, end_minute)
        if end > start:
            yield start, end


def open_spans(calendar: Calendar, since: datetime) -> Iterator[tuple[datetime, datetime]]:
    """Yield the calendar's open spans (UTC) from ``since`` on, in order, forever.

    Spans of one day come joined; a span ending at midnight and the next day's span
    starting then come one after the other. Raises ``CalendarError`` when no span opens
    within ``MAX_CLOSED_DAYS`` days.
    """
    since = since.astimezone(UTC)
    day = since.astimezone(calendar.zone).date() - timedelta(days=1)
    closed_days = 0
    while True:
        found = False
        for start, end in _day_spans(calendar, day):
            if end <= since:
                continue
            found = True
            yield max(start, since), end
        closed_days = 0 if found else closed_days + 1
        if closed_days > MAX_CLOSED_DAYS:
            raise CalendarError(f"The calendar has no opening in {MAX_CLOSED_DAYS} days.")
        day += timedelta(days=1)


def add_business_time(calendar: Calendar, start: datetime, duration: timedelta) -> datetime:
    """Return the earliest instant (UTC) by which ``duration`` of open time follows ``start``."""
    if duration < timedelta(0):
        raise ValueError("A business duration cannot be negative.")
    start = start.astimezone(UTC)
    if not duration:
        return start
    if calendar.is_always_open:
        return start + duration
    remaining = duration
    for span_start, span_end in open_spans(calendar, start):
        length = span_end - span_start
        if remaining <= length:
            return span_start + remaining
        remaining -= length
    raise AssertionError("open_spans never ends")  # pragma: no cover


def business_time_between(calendar: Calendar, start: datetime, end: datetime) -> timedelta:
    """Return the open time from ``start`` to ``end`` (negative when ``end`` comes first)."""
    # In UTC: aware datetimes sharing a zone compare and subtract by wall time.
    start, end = start.astimezone(UTC), end.astimezone(UTC)
    if end < start:
        return -business_time_between(calendar, end, start)
    if end == start:
        return timedelta(0)
    if calendar.is_always_open:
        return end - start
    total = timedelta(0)
    for span_start, span_end in open_spans(calendar, start):
        if span_start >= end:
            break
        total += min(span_end, end) - span_start
        if span_end >= end:
            break
    return total


def add_business_minutes(calendar: Calendar, start: datetime, minutes: float) -> datetime:
    return add_business_time(calendar, start, timedelta(minutes=minutes))


def business_minutes_between(calendar: Calendar, start: datetime, end: datetime) -> float:
    return business_time_between(calendar, start, end).total_seconds() / 60


def overlapping(intervals: Iterable[Interval]) -> list[tuple[Interval, Interval]]:
    """Return the pairs of intervals on the same weekday that share some time."""
    ordered = sorted(intervals)
    pairs = []
    for index, first in enumerate(ordered):
        for second in ordered[index + 1 :]:
            if second.weekday != first.weekday or second.start_minute >= first.end_minute:
                break
            pairs.append((first, second))
    return pairs

"""Changes to calendars, policies and reporting targets: checked, then saved.

A change that can move due times (a calendar's hours, a policy's conditions or targets,
their order) asks for a new sync of every ticket with open clocks or still active; the
minute sweep works through them.
"""

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime

from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.db.models import Max, Q
from django.utils import timezone

from ..tickets import TicketChannel, TicketPriority, TicketStatus
from ..tickets.models import TicketCategory
from . import MINUTES_PER_DAY, BreachAction, Weekday
from .calendar import Interval, is_time_zone, overlapping
from .error_codes import SlaError, SlaErrorCode
from .models import (
    BusinessCalendar,
    Holiday,
    OpeningInterval,
    SlaPolicy,
    SlaReportingTarget,
    TicketSla,
)

MAX_NAME_LENGTH = 128
MAX_INTERVALS = 7 * 12
MAX_HOLIDAYS = 1000
MAX_TARGET_MINUTES = 366 * MINUTES_PER_DAY
"""A year of minutes: longer targets are surely typing errors."""
MAX_REPORTING_SECONDS = 24 * 3600
WALL_TIME = re.compile(r"^([01]\d|2[0-4]):([0-5]\d)$")


@dataclass(frozen=True)
class CalendarValues:
    name: str
    time_zone: str
    intervals: tuple[Interval, ...]
    holidays: tuple[tuple[date, str], ...] = ()


@dataclass(frozen=True)
class PolicyValues:
    name: str
    calendar_id: int
    priorities: tuple[str, ...] = ()
    channels: tuple[str, ...] = ()
    category_slugs: tuple[str, ...] = ()
    order_channels: tuple[str, ...] = ()
    first_response_minutes: int | None = None
    next_response_minutes: int | None = None
    resolution_minutes: int | None = None
    warning_percent: int = 75
    breach_actions: tuple[str, ...] = ()
    notify_user_id: int | None = None
    is_active: bool = True


def minute_of_day(text: str, *, field: str) -> int:
    """Return the minute of the day of ``HH:MM`` (``24:00`` is 1440, the end of the day)."""
    match = WALL_TIME.match(text.strip())
    minute = int(match.group(1)) * 60 + int(match.group(2)) if match else -1
    if not 0 <= minute <= MINUTES_PER_DAY:
        raise SlaError(
            SlaErrorCode.INVALID_TIME,
            f"'{text}' is not a time of day; write HH:MM, from 00:00 to 24:00.",
            field=field,
        )
    return minute


def wall_time(minute: int) -> str:
    return f"{minute // 60:02d}:{minute % 60:02d}"


def _check_name(name: str) -> str:
    name = " ".join(name.split())
    if not name:
        raise SlaError(SlaErrorCode.REQUIRED, "A name is required.", field="name")
    if len(name) > MAX_NAME_LENGTH:
        raise SlaError(
            SlaErrorCode.TOO_LONG,
            f"A name can have at most {MAX_NAME_LENGTH} characters.",
            field="name",
        )
    return name


def check_calendar(values: CalendarValues) -> CalendarValues:
    """Return the values cleaned, or raise a typed error naming the input at fault."""
    name = _check_name(values.name)
    if not is_time_zone(values.time_zone.strip()):
        raise SlaError(
            SlaErrorCode.INVALID_TIME_ZONE,
            f"'{values.time_zone}' is not a time zone; use an IANA name such as Europe/Warsaw.",
            field="timeZone",
        )
    if not values.intervals:
        raise SlaError(
            SlaErrorCode.NEVER_OPEN,
            "A calendar needs at least one opening interval.",
            field="intervals",
        )
    if len(values.intervals) > MAX_INTERVALS:
        raise SlaError(
            SlaErrorCode.INVALID,
            f"A calendar can have at most {MAX_INTERVALS} intervals.",
            field="intervals",
        )
    names = dict(Weekday.CHOICES)
    for interval in values.intervals:
        if interval.weekday not in names:
            raise SlaError(SlaErrorCode.INVALID, "Unknown weekday.", field="intervals")
        if not 0 <= interval.start_minute < interval.end_minute <= MINUTES_PER_DAY:
            raise SlaError(
                SlaErrorCode.INVALID_TIME,
                f"An interval on {names[interval.weekday]} must end after it starts"
                f" ({wall_time(interval.start_minute)}-{wall_time(interval.end_minute)}).",
                field="intervals",
            )
    clashes = overlapping(values.intervals)
    if clashes:
        first, second = clashes[0]
        raise SlaError(
            SlaErrorCode.OVERLAPPING_INTERVALS,
            f"On {names[first.weekday]}, {wall_time(first.start_minute)}-"
            f"{wall_time(first.end_minute)} overlaps {wall_time(second.start_minute)}-"
            f"{wall_time(second.end_minute)}.",
            field="intervals",
        )
    if len(values.holidays) > MAX_HOLIDAYS:
        raise SlaError(
            SlaErrorCode.INVALID,
            f"A calendar can have at most {MAX_HOLIDAYS} holidays.",
            field="holidays",
        )
    days = [day for day, _ in values.holidays]
    if len(set(days)) != len(days):
        raise SlaError(SlaErrorCode.INVALID, "A date is listed twice.", field="holidays")
    for _, holiday_name in values.holidays:
        if len(holiday_name) > MAX_NAME_LENGTH:
            raise SlaError(
                SlaErrorCode.TOO_LONG,
                f"A holiday's name can have at most {MAX_NAME_LENGTH} characters.",
                field="holidays",
            )
    return CalendarValues(
        name=name,
        time_zone=values.time_zone.strip(),
        intervals=tuple(sorted(values.intervals)),
        holidays=tuple(sorted((day, label.strip()) for day, label in values.holidays)),
    )


def request_resync() -> int:
    """Ask for a new sync of every ticket whose clocks may change; return how many."""
    return TicketSla.objects.filter(
        Q(has_open_clocks=True) | Q(ticket__status__in=TicketStatus.ACTIVE)
    ).update(synced_version=0)


def _unique_name(save: Callable[[], None], kind: str) -> None:
    try:
        with transaction.atomic():
            save()
    except IntegrityError as exc:
        raise SlaError(SlaErrorCode.UNIQUE, f"Another {kind} has this name.", field="name") from exc


def _write_calendar_rows(calendar: BusinessCalendar, values: CalendarValues) -> None:
    OpeningInterval.objects.filter(calendar=calendar).delete()
    Holiday.objects.filter(calendar=calendar).delete()
    OpeningInterval.objects.bulk_create(
        OpeningInterval(
            calendar=calendar,
            weekday=interval.weekday,
            start_minute=interval.start_minute,
            end_minute=interval.end_minute,
        )
        for interval in values.intervals
    )
    Holiday.objects.bulk_create(
        Holiday(calendar=calendar, date=day, name=label) for day, label in values.holidays
    )


@transaction.atomic
def create_calendar(values: CalendarValues, *, now: datetime | None = None) -> BusinessCalendar:
    now = now or timezone.now()
    values = check_calendar(values)
    calendar = BusinessCalendar(
        name=values.name, time_zone=values.time_zone, created_at=now, updated_at=now
    )
    _unique_name(calendar.save, "calendar")
    _write_calendar_rows(calendar, values)
    return calendar


def calendar_values(calendar: BusinessCalendar) -> CalendarValues:
    """Return the calendar as it is, to change some of it with ``dataclasses.replace``."""
    return CalendarValues(
        name=calendar.name,
        time_zone=calendar.time_zone,
        intervals=tuple(
            Interval(i.weekday, i.start_minute, i.end_minute) for i in calendar.intervals.all()
        ),
        holidays=tuple((h.date, h.name) for h in calendar.holidays.all()),
    )


@transaction.atomic
def update_calendar(
    calendar: BusinessCalendar, values: CalendarValues, *, now: datetime | None = None
) -> BusinessCalendar:
    """Replace the calendar's name, time zone, intervals and holidays; resync open clocks."""
    now = now or timezone.now()
    values = check_calendar(values)
    calendar.name = values.name
    calendar.time_zone = values.time_zone
    calendar.updated_at = now
    _unique_name(
        lambda: calendar.save(update_fields=["name", "time_zone", "updated_at"]), "calendar"
    )
    _write_calendar_rows(calendar, values)
    request_resync()
    return calendar


@transaction.atomic
def delete_calendar(calendar: BusinessCalendar) -> None:
    """Delete a calendar no policy uses (``IN_USE`` otherwise)."""
    if SlaPolicy.objects.filter(calendar=calendar).exists():
        raise SlaError(
            SlaErrorCode.IN_USE,
            "Policies use this calendar; give them another one first.",
            field="id",
        )
    calendar.delete()


def _check_choices(values: Sequence[str], choices: list[tuple[str, str]], field: str) -> list[str]:
    known = {key for key, _ in choices}
    for value in values:
        if value not in known:
            raise SlaError(SlaErrorCode.INVALID, f"Unknown value '{value}'.", field=field)
    return list(dict.fromkeys(values))


def _check_target(value: int | None, field: str) -> int | None:
    if value is not None and not 1 <= value <= MAX_TARGET_MINUTES:
        raise SlaError(
            SlaErrorCode.INVALID,
            f"A target is between 1 and {MAX_TARGET_MINUTES:,} business minutes.",
            field=field,
        )
    return value


def check_policy(values: PolicyValues) -> tuple[PolicyValues, list[TicketCategory]]:
    """Return the values cleaned and the categories named, or raise a typed error."""
    name = _check_name(values.name)
    if not BusinessCalendar.objects.filter(pk=values.calendar_id).exists():
        raise SlaError(SlaErrorCode.NOT_FOUND, "No such calendar.", field="calendar")
    targets = {
        "firstResponseMinutes": values.first_response_minutes,
        "nextResponseMinutes": values.next_response_minutes,
        "resolutionMinutes": values.resolution_minutes,
    }
    for field_name, value in targets.items():
        _check_target(value, field_name)
    if all(value is None for value in targets.values()):
        raise SlaError(
            SlaErrorCode.REQUIRED,
            "A policy needs at least one target.",
            field="firstResponseMinutes",
        )
    if not 1 <= values.warning_percent <= 99:
        raise SlaError(
            SlaErrorCode.INVALID,
            "The warning threshold is a share of the target from 1 to 99 %.",
            field="warningPercent",
        )
    slugs = list(dict.fromkeys(values.category_slugs))
    categories = list(TicketCategory.objects.filter(slug__in=slugs))
    unknown = sorted(set(slugs) - {category.slug for category in categories})
    if unknown:
        raise SlaError(
            SlaErrorCode.INVALID, f"Unknown category '{unknown[0]}'.", field="categories"
        )
    if values.notify_user_id is not None and not (
        get_user_model().objects.filter(pk=values.notify_user_id, is_active=True).exists()
    ):
        raise SlaError(SlaErrorCode.NOT_FOUND, "No such user.", field="notifyUser")
    order_channels = [slug.strip() for slug in values.order_channels if slug.strip()]
    if any(len(slug) > 255 for slug in order_channels):
        raise SlaError(SlaErrorCode.TOO_LONG, "A channel slug is too long.", field="orderChannels")
    cleaned = PolicyValues(
        name=name,
        calendar_id=values.calendar_id,
        priorities=tuple(_check_choices(values.priorities, TicketPriority.CHOICES, "priorities")),
        channels=tuple(_check_choices(values.channels, TicketChannel.CHOICES, "channels")),
        category_slugs=tuple(slugs),
        order_channels=tuple(dict.fromkeys(order_channels)),
        first_response_minutes=values.first_response_minutes,
        next_response_minutes=values.next_response_minutes,
        resolution_minutes=values.resolution_minutes,
        warning_percent=values.warning_percent,
        breach_actions=tuple(
            _check_choices(values.breach_actions, BreachAction.CHOICES, "breachActions")
        ),
        notify_user_id=values.notify_user_id,
        is_active=values.is_active,
    )
    return cleaned, categories


def _write_policy(policy: SlaPolicy, values: PolicyValues, now: datetime) -> None:
    policy.name = values.name
    policy.calendar_id = values.calendar_id
    policy.priorities = list(values.priorities)
    policy.channels = list(values.channels)
    policy.order_channels = list(values.order_channels)
    policy.first_response_minutes = values.first_response_minutes
    policy.next_response_minutes = values.next_response_minutes
    policy.resolution_minutes = values.resolution_minutes
    policy.warning_percent = values.warning_percent
    policy.breach_actions = list(values.breach_actions)
    policy.notify_user_id = values.notify_user_id
    policy.is_active = values.is_active
    policy.updated_at = now


@transaction.atomic
def create_policy(values: PolicyValues, *, now: datetime | None = None) -> SlaPolicy:
    """Add a policy after the others (reorder to try it earlier); resync open clocks."""
    now = now or timezone.now()
    values, categories = check_policy(values)
    last = SlaPolicy.objects.aggregate(last=Max("position"))["last"]
    policy = SlaPolicy(position=0 if last is None else last + 1, created_at=now)
    _write_policy(policy, values, now)
    _unique_name(policy.save, "policy")
    policy.categories.set(categories)
    request_resync()
    return policy


def policy_values(policy: SlaPolicy) -> PolicyValues:
    """Return the policy as it is, to change some of it with ``dataclasses.replace``."""
    return PolicyValues(
        name=policy.name,
        calendar_id=policy.calendar_id,
        priorities=tuple(policy.priorities),
        channels=tuple(policy.channels),
        category_slugs=tuple(c.slug for c in policy.categories.order_by("slug")),
        order_channels=tuple(policy.order_channels),
        first_response_minutes=policy.first_response_minutes,
        next_response_minutes=policy.next_response_minutes,
        resolution_minutes=policy.resolution_minutes,
        warning_percent=policy.warning_percent,
        breach_actions=tuple(policy.breach_actions),
        notify_user_id=policy.notify_user_id,
        is_active=policy.is_active,
    )


@transaction.atomic
def update_policy(
    policy: SlaPolicy, values: PolicyValues, *, now: datetime | None = None
) -> SlaPolicy:
    now = now or timezone.now()
    values, categories = check_policy(values)
    _write_policy(policy, values, now)
    _unique_name(policy.save, "policy")
    policy.categories.set(categories)
    request_resync()
    return policy


@transaction.atomic
def delete_policy(policy: SlaPolicy) -> None:
    """Delete a policy; its tickets take the next matching one at their next sync."""
    policy.delete()
    request_resync()


@transaction.atomic
def reorder_policies(policy_ids: Sequence[int]) -> list[SlaPolicy]:
    """Try the policies of ``policy_ids`` first, in that order; the others follow as they were.

    Returns every policy in its new order; an unknown id is ``NOT_FOUND``.
    """
    policies = list(SlaPolicy.objects.select_for_update().order_by("position", "pk"))
    by_id = {policy.pk: policy for policy in policies}
    wanted = list(dict.fromkeys(policy_ids))
    if any(pk not in by_id for pk in wanted):
        raise SlaError(SlaErrorCode.NOT_FOUND, "No such policy.", field="ids")
    ordered = [by_id[pk] for pk in wanted] + [p for p in policies if p.pk not in set(wanted)]
    for position, policy in enumerate(ordered):
        policy.position = position
    SlaPolicy.objects.bulk_update(ordered, ["position"])
    request_resync()
    return ordered


@transaction.atomic
def set_reporting_target(
    channel: str, *, answer_within_seconds: int, share_percent: int, now: datetime | None = None
) -> SlaReportingTarget:
    now = now or timezone.now()
    _check_choices([channel], TicketChannel.CHOICES, "channel")
    if not 1 <= answer_within_seconds <= MAX_REPORTING_SECONDS:
        raise SlaError(
            SlaErrorCode.INVALID,
            f"Answer within 1 to {MAX_REPORTING_SECONDS:,} seconds.",
            field="answerWithinSeconds",
        )
    if not 1 <= share_percent <= 100:
        raise SlaError(SlaErrorCode.INVALID, "The share is from 1 to 100 %.", field="sharePercent")
    target, _ = SlaReportingTarget.objects.update_or_create(
        channel=channel,
        defaults={
            "answer_within_seconds": answer_within_seconds,
            "share_percent": share_percent,
            "updated_at": now,
        },
    )
    return target

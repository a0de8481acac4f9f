"""Business-time arithmetic: hand-checked examples and properties over DST changes."""

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from saleor_support_plugin.sla.calendar import (
    Calendar,
    CalendarError,
    Interval,
    add_business_minutes,
    add_business_time,
    always_open,
    business_minutes_between,
    business_time_between,
    is_time_zone,
    local_instant,
    overlapping,
)

BUCHAREST = "Europe/Bucharest"
WARSAW = "Europe/Warsaw"
TEHRAN = "Asia/Tehran"
ZONES = [BUCHAREST, WARSAW, TEHRAN, "UTC"]


def office(zone: str, start: int = 9 * 60, end: int = 17 * 60, days: int = 5, **kw) -> Calendar:
    return Calendar(zone, tuple(Interval(day, start, end) for day in range(days)), **kw)


def local(
    zone: str,
    year: int,
    month: int,
    day: int,
    hour: int = 0,
    minute: int = 0,
    second: int = 0,
    microsecond: int = 0,
) -> datetime:
    return datetime(year, month, day, hour, minute, second, microsecond, tzinfo=ZoneInfo(zone))


# Hand-checked examples


def test_friday_afternoon_plus_two_hours_is_monday_ten():
    calendar = office(BUCHAREST)

    due = add_business_minutes(calendar, local(BUCHAREST, 2025, 6, 6, 16), 120)

    assert due == local(BUCHAREST, 2025, 6, 9, 10)


def test_an_end_on_closing_time_stays_on_it():
    calendar = office(BUCHAREST)

    assert add_business_minutes(calendar, local(BUCHAREST, 2025, 6, 6, 16), 60) == local(
        BUCHAREST, 2025, 6, 6, 17
    )


def test_time_added_on_a_weekend_starts_on_monday_morning():
    calendar = office(WARSAW)

    assert add_business_minutes(calendar, local(WARSAW, 2025, 6, 7, 12), 30) == local(
        WARSAW, 2025, 6, 9, 9, 30
    )


def test_holidays_are_skipped():
    calendar = office(WARSAW, holidays=frozenset({date(2025, 11, 10), date(2025, 11, 11)}))

    due = add_business_minutes(calendar, local(WARSAW, 2025, 11, 7, 16), 8 * 60)

    assert due == local(WARSAW, 2025, 11, 12, 16)
    assert business_minutes_between(
        calendar, local(WARSAW, 2025, 11, 7, 9), local(WARSAW, 2025, 11, 13, 9)
    ) == (8 * 2 * 60)  # Friday and Wednesday


def test_seconds_and_microseconds_are_kept():
    calendar = office(TEHRAN, days=7)
    start = local(TEHRAN, 2025, 1, 5, 16, 59, 59, 250_000)

    due = add_business_time(calendar, start, timedelta(seconds=1, microseconds=750_000))

    assert due == local(TEHRAN, 2025, 1, 6, 9, 0, 1)
    assert business_time_between(calendar, start, due) == timedelta(seconds=1, microseconds=750_000)


def test_measuring_backwards_is_negative():
    calendar = office(BUCHAREST)
    start, end = local(BUCHAREST, 2025, 6, 6, 16), local(BUCHAREST, 2025, 6, 9, 10)

    assert business_minutes_between(calendar, end, start) == -120


@pytest.mark.parametrize(
    ("zone", "day", "hours"),
    [
        (BUCHAREST, date(2024, 3, 31), 23),  # 03:00 -> 04:00
        (BUCHAREST, date(2024, 10, 27), 25),  # 04:00 -> 03:00
        (WARSAW, date(2024, 3, 31), 23),  # 02:00 -> 03:00
        (WARSAW, date(2024, 10, 27), 25),  # 03:00 -> 02:00
        (TEHRAN, date(2008, 3, 21), 23),  # 00:00 -> 01:00: the day starts at 01:00
        (TEHRAN, date(2008, 9, 20), 25),  # 24:00 -> 23:00: the day ends twice
        (TEHRAN, date(2024, 3, 21), 24),  # no daylight saving since 2022
        (TEHRAN, date(2024, 9, 21), 24),
    ],
)
def test_a_whole_day_open_lasts_as_long_as_the_wall_clock_day(zone, day, hours):
    calendar = Calendar(zone, (Interval(day.weekday(), 0, 24 * 60),))
    start = local_instant(ZoneInfo(zone), day, 0)

    assert business_time_between(calendar, start, start + timedelta(days=2)) == timedelta(
        hours=hours
    )


def test_office_hours_on_a_spring_forward_day_still_end_at_closing_time():
    calendar = Calendar(WARSAW, (Interval(6, 1 * 60, 12 * 60),))  # Sundays 01:00-12:00

    due = add_business_minutes(calendar, local(WARSAW, 2024, 3, 31, 1), 9 * 60)

    assert due == local(WARSAW, 2024, 3, 31, 11)  # 02:00-03:00 does not exist
    assert add_business_minutes(calendar, local(WARSAW, 2024, 3, 31, 1), 10 * 60) == local(
        WARSAW, 2024, 3, 31, 12
    )
    assert add_business_minutes(calendar, local(WARSAW, 2024, 3, 31, 1), 11 * 60) == local(
        WARSAW, 2024, 4, 7, 2
    )


def test_an_interval_inside_the_skipped_hour_is_empty():
    calendar = Calendar(BUCHAREST, (Interval(6, 3 * 60 + 10, 3 * 60 + 50), Interval(0, 0, 60)))

    start = local(BUCHAREST, 2024, 3, 30, 12)
    assert business_minutes_between(calendar, start, start + timedelta(days=2)) == 60


def test_a_skipped_wall_time_is_the_moment_the_clocks_jump():
    assert local_instant(ZoneInfo(TEHRAN), date(2008, 3, 21), 30) == datetime(
        2008, 3, 20, 20, 30, tzinfo=UTC
    )
    assert local_instant(ZoneInfo(BUCHAREST), date(2024, 3, 31), 3 * 60 + 30) == datetime(
        2024, 3, 31, 1, tzinfo=UTC
    )


def test_a_repeated_wall_time_is_its_first_occurrence():
    assert local_instant(ZoneInfo(WARSAW), date(2024, 10, 27), 2 * 60 + 30) == datetime(
        2024, 10, 27, 0, 30, tzinfo=UTC
    )


def test_fourteen_and_sixteen_hour_days():
    fourteen = office(BUCHAREST, 7 * 60, 21 * 60, days=7)
    sixteen = office(BUCHAREST, 6 * 60, 22 * 60, days=7)
    monday = local(BUCHAREST, 2025, 6, 2, 7)

    assert add_business_minutes(fourteen, monday, 15 * 60) == local(BUCHAREST, 2025, 6, 3, 8)
    assert add_business_minutes(sixteen, monday, 15 * 60) == local(BUCHAREST, 2025, 6, 2, 22)


def test_a_calendar_that_never_opens_is_refused():
    closed = Calendar("UTC", (Interval(0, 540, 1020),), holidays=frozenset())
    every_monday = frozenset(date(2025, 1, 6) + timedelta(weeks=n) for n in range(600))

    with pytest.raises(CalendarError):
        add_business_minutes(
            Calendar("UTC", closed.intervals, every_monday), local("UTC", 2025, 1, 1), 1
        )
    with pytest.raises(CalendarError):
        add_business_minutes(Calendar("UTC", ()), local("UTC", 2025, 1, 1), 1)


def test_overlapping_intervals_are_found():
    intervals = [Interval(0, 540, 720), Interval(0, 700, 800), Interval(1, 540, 720)]

    assert overlapping(intervals) == [(intervals[0], intervals[1])]
    assert overlapping([Interval(0, 540, 720), Interval(0, 720, 800)]) == []


def test_time_zones_are_checked_by_name():
    assert is_time_zone("Asia/Tehran")
    assert not is_time_zone("Mars/Olympus")
    assert not is_time_zone("../etc/passwd")


# Properties

DST_SWITCHES = [
    local(BUCHAREST, 2024, 3, 31, 3),
    local(BUCHAREST, 2024, 10, 27, 3),
    local(WARSAW, 2024, 3, 31, 2),
    local(WARSAW, 2024, 10, 27, 2),
    local(TEHRAN, 2008, 3, 21, 0),
    local(TEHRAN, 2008, 9, 20, 23),
    local(TEHRAN, 2021, 3, 22, 0),
    local(TEHRAN, 2021, 9, 21, 23),
    local(TEHRAN, 2025, 3, 21, 0),  # no switch any more
    local("UTC", 2025, 2, 28, 12),
]

#  Minutes an interval may start or end at, outside the repeated hours of the zones tested
#  (02:00-04:00 in Europe, 23:00-24:00 in Tehran), where "first occurrence" differs from
#  "the wall clock shows it", which is all the brute-force check below can tell.
SAFE_MINUTES = [m for m in range(0, 24 * 60 + 1, 30) if not (120 < m < 240 or 1380 <= m < 1440)]


@st.composite
def calendars(draw, minutes=None):
    zone = draw(st.sampled_from(ZONES))
    points = minutes or list(range(0, 24 * 60 + 1, 15))
    if draw(st.integers(0, 9)) == 0:
        return always_open(zone)
    intervals = []
    for weekday in range(7):
        cuts = sorted(draw(st.sets(st.sampled_from(points), max_size=6)))
        pairs = list(zip(cuts[::2], cuts[1::2], strict=False))
        intervals += [Interval(weekday, a, b) for a, b in pairs if a < b]
    if not intervals:
        intervals = [Interval(draw(st.integers(0, 6)), 9 * 60, 17 * 60)]
    holidays = draw(
        st.frozensets(
            st.dates(min_value=date(2008, 3, 10), max_value=date(2025, 11, 1)).filter(
                lambda d: d.year in (2008, 2021, 2024, 2025)
            ),
            max_size=3,
        )
    )
    near = draw(st.sampled_from(DST_SWITCHES))
    extra = frozenset(near.date() + timedelta(days=n) for n in draw(st.sets(st.integers(-3, 3))))
    return Calendar(zone, tuple(intervals), holidays | extra)


starts = st.builds(
    lambda anchor, seconds, micro: (
        anchor.astimezone(UTC) + timedelta(seconds=seconds, microseconds=micro)
    ),
    st.sampled_from(DST_SWITCHES),
    st.integers(-6 * 86400, 6 * 86400),
    st.integers(0, 999_999),
)
durations = st.builds(
    lambda seconds, micro: timedelta(seconds=seconds, microseconds=micro),
    st.integers(0, 40 * 3600),
    st.integers(0, 999_999),
)


@settings(deadline=None)  # timed by the machine's load, not the code
@given(calendars(), starts, durations)
def test_adding_then_measuring_gives_back_what_was_added(calendar, start, duration):
    end = add_business_time(calendar, start, duration)

    assert end >= start
    assert business_time_between(calendar, start, end) == duration


@settings(deadline=None)  # timed by the machine's load, not the code
@given(calendars(), starts, durations, durations)
def test_adding_twice_is_adding_the_sum(calendar, start, first, second):
    assert add_business_time(
        calendar, add_business_time(calendar, start, first), second
    ) == add_business_time(calendar, start, first + second)


@settings(deadline=None)  # timed by the machine's load, not the code
@given(calendars(), starts, durations, durations)
def test_later_starts_and_longer_durations_never_end_earlier(calendar, start, first, second):
    shorter, longer = sorted([first, second])

    assert add_business_time(calendar, start, shorter) <= add_business_time(calendar, start, longer)
    assert add_business_time(calendar, start, shorter) <= add_business_time(
        calendar, start + (longer - shorter), shorter
    )


@settings(deadline=None)  # timed by the machine's load, not the code
@given(calendars(), starts, durations, durations)
def test_measurements_add_up_and_never_exceed_elapsed_time(calendar, start, first, second):
    middle = start + first
    end = middle + second

    whole = business_time_between(calendar, start, end)

    assert whole == business_time_between(calendar, start, middle) + business_time_between(
        calendar, middle, end
    )
    assert timedelta(0) <= whole <= end - start


@settings(deadline=None)  # timed by the machine's load, not the code
@given(calendars(), starts, durations)
def test_adding_what_was_measured_reaches_the_last_open_moment(calendar, start, elapsed):
    end = start + elapsed

    reached = add_business_time(calendar, start, business_time_between(calendar, start, end))

    assert reached <= end
    assert business_time_between(calendar, reached, end) == timedelta(0)


@settings(deadline=None)  # timed by the machine's load, not the code
@given(st.sampled_from(ZONES), starts, durations)
def test_an_always_open_calendar_counts_elapsed_time(zone, start, duration):
    calendar = always_open(zone)
    assert add_business_time(calendar, start, duration) == start + duration
    twenty_four_seven = Calendar(zone, calendar.intervals, frozenset({date(1990, 1, 1)}))
    assert add_business_time(twenty_four_seven, start, duration) == start + duration


@settings(max_examples=40, deadline=None)
@given(
    calendars(minutes=SAFE_MINUTES),
    st.sampled_from(DST_SWITCHES),
    st.integers(-2 * 24 * 60, 0),
)
def test_open_minutes_agree_with_the_wall_clock(calendar, anchor, offset):
    start = (anchor + timedelta(minutes=offset)).astimezone(UTC)
    span = 3 * 24 * 60
    zone = ZoneInfo(calendar.time_zone)

    def is_open(moment: datetime) -> bool:
        wall = moment.astimezone(zone)
        minute = wall.hour * 60 + wall.minute
        return wall.date() not in calendar.holidays and any(
            i.weekday == wall.weekday() and i.start_minute <= minute < i.end_minute
            for i in calendar.intervals
        )

    expected = sum(is_open(start + timedelta(minutes=m)) for m in range(span))

    assert business_minutes_between(calendar, start, start + timedelta(minutes=span)) == expected

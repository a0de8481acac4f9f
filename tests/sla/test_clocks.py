"""Clocks derived from a ticket's history: pauses, rounds of next response, resolution."""

from datetime import UTC, datetime, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from saleor_support_plugin.sla import ClockKind, ClockStatus
from saleor_support_plugin.sla.calendar import (
    Calendar,
    Interval,
    always_open,
    business_time_between,
)
from saleor_support_plugin.sla.clocks import (
    PublicMessage,
    StatusChange,
    Targets,
    TicketHistory,
    consumed_at,
    derive_clocks,
)
from saleor_support_plugin.tickets import MessageAuthorType, TicketStatus

T0 = datetime(2025, 6, 2, 9, tzinfo=UTC)  # a Monday
TARGETS = Targets(
    minutes={
        ClockKind.FIRST_RESPONSE: 60,
        ClockKind.NEXT_RESPONSE: 30,
        ClockKind.RESOLUTION: 480,
    },
    warning_percent=75,
)
NONSTOP = always_open()
OFFICE = Calendar("UTC", tuple(Interval(day, 9 * 60, 17 * 60) for day in range(5)))


def at(minutes: float) -> datetime:
    return T0 + timedelta(minutes=minutes)


def status(minutes: float, old: str, new: str) -> StatusChange:
    return StatusChange(at=at(minutes), old=old, new=new)


def agent(minutes: float) -> PublicMessage:
    return PublicMessage(at=at(minutes), author_type=MessageAuthorType.AGENT)


def customer(minutes: float) -> PublicMessage:
    return PublicMessage(at=at(minutes), author_type=MessageAuthorType.CUSTOMER)


def clocks(history: TicketHistory, targets: Targets = TARGETS, calendar: Calendar = NONSTOP):
    return {clock.kind: clock for clock in derive_clocks(history, targets, calendar)}


def test_a_new_ticket_runs_first_response_and_resolution():
    result = clocks(TicketHistory(opened_at=T0))

    assert set(result) == {ClockKind.FIRST_RESPONSE, ClockKind.RESOLUTION}
    first = result[ClockKind.FIRST_RESPONSE]
    assert (first.status, first.running_since, first.consumed) == (
        ClockStatus.RUNNING,
        T0,
        timedelta(0),
    )
    assert (first.warn_at, first.due_at) == (at(45), at(60))
    assert result[ClockKind.RESOLUTION].due_at == at(480)


def test_the_first_public_agent_reply_meets_the_first_response():
    history = TicketHistory(
        opened_at=T0,
        messages=(
            PublicMessage(at=at(5), author_type=MessageAuthorType.SYSTEM),  # acknowledgement
            customer(10),
            agent(20),
            agent(40),
        ),
    )

    first = clocks(history)[ClockKind.FIRST_RESPONSE]

    assert (first.status, first.completed_at, first.consumed) == (
        ClockStatus.COMPLETED,
        at(20),
        timedelta(minutes=20),
    )
    assert first.due_at == at(60)  # the due time it had


def test_pending_and_on_hold_pause_every_clock():
    history = TicketHistory(
        opened_at=T0,
        status_changes=(
            status(10, TicketStatus.NEW, TicketStatus.PENDING),
            status(70, TicketStatus.PENDING, TicketStatus.OPEN),
            status(80, TicketStatus.OPEN, TicketStatus.ON_HOLD),
        ),
    )

    result = clocks(history)

    first = result[ClockKind.FIRST_RESPONSE]
    assert (first.status, first.running_since, first.consumed) == (
        ClockStatus.PAUSED,
        None,
        timedelta(minutes=20),
    )
    assert (first.warn_at, first.due_at) == (None, None)
    assert result[ClockKind.RESOLUTION].status == ClockStatus.PAUSED


def test_resuming_pushes_the_due_time_by_the_pause():
    history = TicketHistory(
        opened_at=T0,
        status_changes=(
            status(10, TicketStatus.NEW, TicketStatus.PENDING),
            status(70, TicketStatus.PENDING, TicketStatus.OPEN),
        ),
    )

    first = clocks(history)[ClockKind.FIRST_RESPONSE]

    assert (first.status, first.running_since, first.consumed) == (
        ClockStatus.RUNNING,
        at(70),
        timedelta(minutes=10),
    )
    assert (first.warn_at, first.due_at) == (at(105), at(120))


def test_a_threshold_crossed_before_a_pause_keeps_its_moment():
    history = TicketHistory(
        opened_at=T0, status_changes=(status(50, TicketStatus.NEW, TicketStatus.PENDING),)
    )

    first = clocks(history)[ClockKind.FIRST_RESPONSE]

    assert (first.status, first.warn_at, first.due_at) == (ClockStatus.PAUSED, at(45), None)


def test_a_customer_message_after_a_reply_starts_the_next_response():
    history = TicketHistory(
        opened_at=T0,
        messages=(customer(0), agent(10), customer(20), customer(25)),
    )

    following = clocks(history)[ClockKind.NEXT_RESPONSE]

    assert (following.cycle, following.started_at, following.status) == (
        1,
        at(20),
        ClockStatus.RUNNING,
    )
    assert following.due_at == at(50)  # from the oldest unanswered message


def test_each_round_of_next_response_is_a_new_cycle():
    history = TicketHistory(
        opened_at=T0,
        messages=(agent(10), customer(20), agent(35), customer(100)),
    )

    following = clocks(history)[ClockKind.NEXT_RESPONSE]

    assert (following.cycle, following.started_at, following.due_at) == (2, at(100), at(130))


def test_the_next_reply_meets_the_next_response():
    history = TicketHistory(opened_at=T0, messages=(agent(10), customer(20), agent(60)))

    following = clocks(history)[ClockKind.NEXT_RESPONSE]

    assert (following.status, following.completed_at, following.due_at) == (
        ClockStatus.COMPLETED,
        at(60),
        at(50),
    )


def test_solving_meets_the_resolution_and_stops_the_replies():
    history = TicketHistory(
        opened_at=T0, status_changes=(status(30, TicketStatus.NEW, TicketStatus.SOLVED),)
    )

    result = clocks(history)

    assert (
        result[ClockKind.RESOLUTION].status,
        result[ClockKind.RESOLUTION].completed_at,
    ) == (ClockStatus.COMPLETED, at(30))
    assert result[ClockKind.FIRST_RESPONSE].status == ClockStatus.STOPPED


def test_reopening_resumes_the_resolution_with_the_time_used():
    history = TicketHistory(
        opened_at=T0,
        status_changes=(
            status(100, TicketStatus.NEW, TicketStatus.SOLVED),
            status(1000, TicketStatus.SOLVED, TicketStatus.OPEN),
        ),
    )

    resolution = clocks(history)[ClockKind.RESOLUTION]

    assert (resolution.status, resolution.completed_at, resolution.consumed) == (
        ClockStatus.RUNNING,
        None,
        timedelta(minutes=100),
    )
    assert resolution.due_at == at(1000 + 380)


def test_business_hours_count_only_while_open():
    friday_four = datetime(2025, 6, 6, 16, tzinfo=UTC)

    first = clocks(TicketHistory(opened_at=friday_four), calendar=OFFICE)[ClockKind.FIRST_RESPONSE]

    assert first.due_at == datetime(2025, 6, 6, 17, tzinfo=UTC)
    resolution = clocks(TicketHistory(opened_at=friday_four), calendar=OFFICE)[ClockKind.RESOLUTION]
    assert resolution.due_at == datetime(2025, 6, 9, 16, tzinfo=UTC)


def test_kinds_without_a_target_have_no_clock():
    targets = Targets(minutes={ClockKind.RESOLUTION: 60}, warning_percent=50)

    result = clocks(TicketHistory(opened_at=T0, messages=(agent(1), customer(2))), targets)

    assert list(result) == [ClockKind.RESOLUTION]
    assert result[ClockKind.RESOLUTION].warn_at == at(30)


def test_history_of_a_merged_ticket_does_not_move_the_clocks():
    # the merged ticket's own entries: from before this one opened, or from another status
    history = TicketHistory(
        opened_at=T0,
        status_changes=(
            status(-50, TicketStatus.NEW, TicketStatus.PENDING),
            status(5, TicketStatus.PENDING, TicketStatus.ON_HOLD),
        ),
        messages=(agent(-40),),
    )

    first = clocks(history)[ClockKind.FIRST_RESPONSE]

    assert (first.status, first.due_at) == (ClockStatus.RUNNING, at(60))


def test_consumed_time_is_measured_at_read_time():
    history = TicketHistory(opened_at=T0)
    first = clocks(history, calendar=OFFICE)[ClockKind.FIRST_RESPONSE]

    assert consumed_at(first, OFFICE, at(25)) == timedelta(minutes=25)
    assert consumed_at(first, None, at(25)) == timedelta(0)


@st.composite
def pausing_histories(draw):
    """A ticket moving between OPEN and PENDING at increasing moments, answered or not."""
    moments = sorted(draw(st.lists(st.integers(1, 7 * 24 * 60), max_size=8, unique=True)))
    changes = []
    current = TicketStatus.NEW
    for minute in moments:
        new = TicketStatus.PENDING if current != TicketStatus.PENDING else TicketStatus.OPEN
        changes.append(status(minute, current, new))
        current = new
    reply = draw(st.none() | st.integers(1, 8 * 24 * 60))
    messages = () if reply is None else (agent(reply),)
    return TicketHistory(opened_at=T0, status_changes=tuple(changes), messages=messages)


def _running_spans(history: TicketHistory, until: datetime) -> list[tuple[datetime, datetime]]:
    spans: list[tuple[datetime, datetime]] = []
    since: datetime | None = T0
    for change in history.status_changes:
        if change.at > until:
            break
        if change.new == TicketStatus.PENDING and since is not None:
            spans.append((since, change.at))
            since = None
        elif change.new == TicketStatus.OPEN:
            since = change.at
    if since is not None:
        spans.append((since, until))
    return spans


@settings(deadline=None)  # timed by the machine's load, not the code
@given(pausing_histories(), st.sampled_from([NONSTOP, OFFICE]))
def test_a_clock_uses_exactly_the_business_time_it_ran(history, calendar):
    first = clocks(history, calendar=calendar)[ClockKind.FIRST_RESPONSE]

    end = first.completed_at or datetime(2030, 1, 1, tzinfo=UTC)
    used = sum(
        (business_time_between(calendar, a, b) for a, b in _running_spans(history, end)),
        timedelta(0),
    )
    assert consumed_at(first, calendar, end) == used
    if first.due_at is not None and first.due_at <= end:
        until_due = sum(
            (
                business_time_between(calendar, a, b)
                for a, b in _running_spans(history, first.due_at)
            ),
            timedelta(0),
        )
        assert until_due == timedelta(minutes=60)

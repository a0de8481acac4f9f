"""Clocks kept in step with tickets: policy choice, pauses, replies, solving, idempotency."""

from datetime import timedelta

import pytest

from saleor_support_plugin.sla import ClockKind, ClockStatus
from saleor_support_plugin.sla.models import TicketSla, TicketSlaClock
from saleor_support_plugin.sla.sync import sync_clocks_after_commit, sync_ticket_clocks
from saleor_support_plugin.tickets import (
    MessageAuthorType,
    TicketChannel,
    TicketEventType,
    TicketPriority,
    TicketStatus,
    actions,
)
from saleor_support_plugin.tickets.actors import Actor
from saleor_support_plugin.tickets.models import TicketEvent
from tests.fixtures.sla import MONDAY_9
from tests.query_counts import assert_statements

SYSTEM = Actor.system()


def minutes(n: float):
    return MONDAY_9 + timedelta(minutes=n)


def by_kind(ticket):
    return {clock.kind: clock for clock in TicketSlaClock.objects.filter(ticket=ticket)}


def policy_events(ticket):
    return list(
        TicketEvent.objects.filter(ticket=ticket, type=TicketEventType.SLA_POLICY_APPLIED)
        .order_by("id")
        .values_list("parameters", flat=True)
    )


def test_the_first_sync_starts_the_policys_clocks(sla_policy_generator, sla_ticket_generator):
    # given
    policy = sla_policy_generator(first_response_minutes=60, resolution_minutes=480)
    ticket = sla_ticket_generator()

    # when
    sync_ticket_clocks(ticket, now=minutes(1))

    # then
    clocks = by_kind(ticket)
    assert set(clocks) == {ClockKind.FIRST_RESPONSE, ClockKind.RESOLUTION}
    first = clocks[ClockKind.FIRST_RESPONSE]
    assert (first.status, first.target_minutes, first.due_at, first.warn_at, first.policy_id) == (
        ClockStatus.RUNNING,
        60,
        minutes(60),
        minutes(45),
        policy.pk,
    )
    assert clocks[ClockKind.RESOLUTION].due_at == minutes(480)  # Monday 17:00
    sla = TicketSla.objects.get(ticket=ticket)
    assert (sla.policy_id, sla.synced_version, sla.next_check_at, sla.next_due_at) == (
        policy.pk,
        ticket.version,
        minutes(45),
        minutes(60),
    )
    assert policy_events(ticket) == [
        {
            "policy_id": policy.pk,
            "old_policy_id": None,
            "targets": {"first_response": 60, "resolution": 480},
            "due": {
                "first_response": minutes(60).isoformat(),
                "resolution": minutes(480).isoformat(),
            },
        }
    ]


def test_syncing_again_changes_nothing(sla_policy_generator, sla_ticket_generator):
    # given
    sla_policy_generator()
    ticket = sla_ticket_generator()
    sync_ticket_clocks(ticket, now=minutes(1))
    before = list(TicketSlaClock.objects.values())

    # when
    sync_ticket_clocks(ticket, now=minutes(2))

    # then
    assert list(TicketSlaClock.objects.values()) == before
    assert len(policy_events(ticket)) == 1


def test_policies_are_tried_in_order(sla_policy_generator, sla_ticket_generator):
    # given
    sla_policy_generator("Inactive", priorities=[TicketPriority.URGENT], is_active=False)
    urgent = sla_policy_generator("Urgent", priorities=[TicketPriority.URGENT])
    chat = sla_policy_generator("Chat", channels=[TicketChannel.CHAT])
    refunds = sla_policy_generator("Refunds", category_slugs=["refund"])
    shop = sla_policy_generator("Outlet", order_channels=["outlet"])
    tickets = {
        urgent.pk: sla_ticket_generator(priority=TicketPriority.URGENT, channel=TicketChannel.CHAT),
        chat.pk: sla_ticket_generator(channel=TicketChannel.CHAT, category="refund"),
        refunds.pk: sla_ticket_generator(category="refund"),
        None: sla_ticket_generator(),
    }

    # when
    for ticket in tickets.values():
        sync_ticket_clocks(ticket, now=minutes(1))

    # then
    assert {
        expected: TicketSla.objects.get(ticket=ticket).policy_id
        for expected, ticket in tickets.items()
    } == {urgent.pk: urgent.pk, chat.pk: chat.pk, refunds.pk: refunds.pk, None: None}
    assert not TicketSlaClock.objects.filter(ticket=tickets[None]).exists()
    assert policy_events(tickets[None]) == []
    assert shop.pk


def test_a_new_priority_changes_the_targets_without_restarting(
    sla_policy_generator, sla_ticket_generator
):
    # given
    urgent = sla_policy_generator(
        "Urgent", priorities=[TicketPriority.URGENT], first_response_minutes=60
    )
    sla_policy_generator("Standard", first_response_minutes=480)
    ticket = sla_ticket_generator()
    sync_ticket_clocks(ticket, now=minutes(1))

    # when
    ticket = actions.change_priority(ticket, TicketPriority.URGENT, actor=SYSTEM, now=minutes(30))
    sync_ticket_clocks(ticket, now=minutes(31))

    # then
    first = by_kind(ticket)[ClockKind.FIRST_RESPONSE]
    assert (first.started_at, first.target_minutes, first.due_at, first.policy_id) == (
        MONDAY_9,
        60,
        minutes(60),
        urgent.pk,
    )
    assert [event["policy_id"] for event in policy_events(ticket)][-1] == urgent.pk


def test_waiting_on_the_customer_pauses_and_answering_resumes(
    sla_policy_generator, sla_ticket_generator
):
    # given
    sla_policy_generator(first_response_minutes=60, resolution_minutes=480)
    ticket = sla_ticket_generator()

    # when: pending from 09:10 to 10:10
    ticket = actions.change_status(ticket, TicketStatus.PENDING, actor=SYSTEM, now=minutes(10))
    sync_ticket_clocks(ticket, now=minutes(11))
    paused = by_kind(ticket)
    ticket = actions.change_status(ticket, TicketStatus.OPEN, actor=SYSTEM, now=minutes(70))
    sync_ticket_clocks(ticket, now=minutes(71))

    # then
    first = paused[ClockKind.FIRST_RESPONSE]
    assert (first.status, first.due_at, first.consumed) == (
        ClockStatus.PAUSED,
        None,
        timedelta(minutes=10),
    )
    assert TicketSla.objects.get(ticket=ticket).next_due_at == minutes(120)
    resumed = by_kind(ticket)
    assert (resumed[ClockKind.FIRST_RESPONSE].status, resumed[ClockKind.FIRST_RESPONSE].due_at) == (
        ClockStatus.RUNNING,
        minutes(120),
    )
    assert resumed[ClockKind.RESOLUTION].due_at == minutes(480 + 60 + 24 * 60 - 480)  # Tuesday


def test_on_hold_pauses_too(sla_policy_generator, sla_ticket_generator):
    sla_policy_generator()
    ticket = sla_ticket_generator()
    ticket = actions.change_status(ticket, TicketStatus.ON_HOLD, actor=SYSTEM, now=minutes(5))

    sync_ticket_clocks(ticket, now=minutes(6))

    assert by_kind(ticket)[ClockKind.FIRST_RESPONSE].status == ClockStatus.PAUSED
    assert TicketSla.objects.get(ticket=ticket).next_check_at is None


def test_the_first_public_agent_reply_meets_the_first_response(
    sla_policy_generator, sla_ticket_generator, agent
):
    # given
    sla_policy_generator(first_response_minutes=60, next_response_minutes=30)
    ticket = sla_ticket_generator()
    actions.add_message(
        ticket,
        author_type=MessageAuthorType.AGENT,
        actor=Actor.user(agent.pk),
        body="Looking into it.",
        is_internal=True,
        now=minutes(5),
    )

    # when
    actions.add_message(
        ticket,
        author_type=MessageAuthorType.AGENT,
        actor=Actor.user(agent.pk),
        body="It left the warehouse.",
        now=minutes(20),
    )
    sync_ticket_clocks(ticket, now=minutes(21))

    # then
    clocks = by_kind(ticket)
    assert (
        clocks[ClockKind.FIRST_RESPONSE].status,
        clocks[ClockKind.FIRST_RESPONSE].completed_at,
    ) == (ClockStatus.COMPLETED, minutes(20))
    assert ClockKind.NEXT_RESPONSE not in clocks
    assert TicketSla.objects.get(ticket=ticket).has_open_clocks is False


def test_a_customer_message_starts_the_next_response_again(
    sla_policy_generator, sla_ticket_generator, agent
):
    # given
    sla_policy_generator(first_response_minutes=60, next_response_minutes=30)
    ticket = sla_ticket_generator()
    for at, author in [(10, MessageAuthorType.AGENT), (20, MessageAuthorType.CUSTOMER)]:
        actions.add_message(
            ticket,
            author_type=author,
            actor=Actor.user(agent.pk) if author == MessageAuthorType.AGENT else Actor(),
            body="Hello",
            now=minutes(at),
        )
    sync_ticket_clocks(ticket, now=minutes(21))
    first_round = by_kind(ticket)[ClockKind.NEXT_RESPONSE]

    # when
    for at, author in [(40, MessageAuthorType.AGENT), (90, MessageAuthorType.CUSTOMER)]:
        actions.add_message(
            ticket,
            author_type=author,
            actor=Actor.user(agent.pk) if author == MessageAuthorType.AGENT else Actor(),
            body="Hello",
            now=minutes(at),
        )
    sync_ticket_clocks(ticket, now=minutes(91))

    # then
    assert (first_round.cycle, first_round.due_at) == (1, minutes(50))
    second_round = by_kind(ticket)[ClockKind.NEXT_RESPONSE]
    assert (second_round.cycle, second_round.status, second_round.due_at) == (
        2,
        ClockStatus.RUNNING,
        minutes(120),
    )


def test_solving_meets_the_resolution(sla_policy_generator, sla_ticket_generator):
    sla_policy_generator(first_response_minutes=60, resolution_minutes=480)
    ticket = sla_ticket_generator()
    ticket = actions.change_status(ticket, TicketStatus.SOLVED, actor=SYSTEM, now=minutes(100))

    sync_ticket_clocks(ticket, now=minutes(101))

    clocks = by_kind(ticket)
    assert (clocks[ClockKind.RESOLUTION].status, clocks[ClockKind.RESOLUTION].completed_at) == (
        ClockStatus.COMPLETED,
        minutes(100),
    )
    assert clocks[ClockKind.FIRST_RESPONSE].status == ClockStatus.STOPPED
    assert TicketSla.objects.get(ticket=ticket).has_open_clocks is False


def test_a_ticket_no_policy_matches_any_more_stops_its_clocks(
    sla_policy_generator, sla_ticket_generator
):
    sla_policy_generator(priorities=[TicketPriority.NORMAL])
    ticket = sla_ticket_generator()
    sync_ticket_clocks(ticket, now=minutes(1))
    ticket = actions.change_priority(ticket, TicketPriority.HIGH, actor=SYSTEM, now=minutes(2))

    sync_ticket_clocks(ticket, now=minutes(3))

    assert by_kind(ticket)[ClockKind.FIRST_RESPONSE].status == ClockStatus.STOPPED
    assert policy_events(ticket)[-1]["policy_id"] is None


def test_sync_after_commit_runs_once_the_transaction_commits(
    sla_policy_generator, sla_ticket_generator, django_capture_on_commit_callbacks
):
    sla_policy_generator()
    ticket = sla_ticket_generator()

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        sync_clocks_after_commit(ticket.pk)
        assert not TicketSlaClock.objects.exists()

    assert len(callbacks) == 1
    assert TicketSlaClock.objects.filter(ticket=ticket).count() == 1


SYNC_STATEMENTS = 14
"""Lock the ticket; policies, their categories, calendars, intervals, holidays (5); lock the
SLA row and create it (2); clocks, status changes, public messages (3); the policy's timeline
entry, the clocks' insert and the SLA row's update (3)."""


@pytest.mark.parametrize("policies", [1, 10])
def test_a_sync_runs_a_fixed_number_of_statements(
    sla_policy_generator, sla_ticket_generator, policies
):
    for index in range(policies):
        sla_policy_generator(f"Policy {index}", category_slugs=["refund"] if index else [])
    ticket = sla_ticket_generator()

    with assert_statements(SYNC_STATEMENTS):
        sync_ticket_clocks(ticket, now=minutes(1))

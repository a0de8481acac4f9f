"""The minute sweep: warnings and breaches once, breach actions, stale tickets, statements."""

from datetime import timedelta

import pytest

from saleor_support_plugin.agents import AgentRole
from saleor_support_plugin.sla import BreachAction, ClockKind
from saleor_support_plugin.sla.models import TicketSla, TicketSlaClock
from saleor_support_plugin.sla.sweep import sweep_sla
from saleor_support_plugin.sla.sync import sync_ticket_clocks
from saleor_support_plugin.tickets import (
    MessageAuthorType,
    TicketEventType,
    TicketPriority,
    TicketStatus,
    TicketTier,
    actions,
)
from saleor_support_plugin.tickets.actors import Actor
from saleor_support_plugin.tickets.models import TicketEvent
from tests.fixtures.sla import MONDAY_9
from tests.query_counts import assert_statements

SYSTEM = Actor.system()
SLA_TYPES = [
    TicketEventType.SLA_WARNING,
    TicketEventType.SLA_BREACHED,
    TicketEventType.SLA_LEAD_NOTIFIED,
    TicketEventType.SLA_ACTION_FAILED,
    TicketEventType.PRIORITY_CHANGED,
    TicketEventType.ESCALATED,
    TicketEventType.ASSIGNED,
]


def minutes(n: float):
    return MONDAY_9 + timedelta(minutes=n)


def story(ticket):
    return [
        (event.type, event.parameters)
        for event in TicketEvent.objects.filter(ticket=ticket, type__in=SLA_TYPES).order_by("id")
    ]


def test_the_warning_is_written_at_three_quarters_of_the_target(
    sla_policy_generator, sla_ticket_generator
):
    # given
    sla_policy_generator(first_response_minutes=60)
    ticket = sla_ticket_generator()
    sync_ticket_clocks(ticket, now=minutes(1))

    # when
    early = sweep_sla(now=minutes(44))
    on_time = sweep_sla(now=minutes(45))
    again = sweep_sla(now=minutes(46))

    # then
    assert (early.warnings, on_time.warnings, again.warnings) == (0, 1, 0)
    assert story(ticket) == [
        (
            TicketEventType.SLA_WARNING,
            {"kind": "first_response", "cycle": 1, "due_at": minutes(60).isoformat()},
        )
    ]
    clock = TicketSlaClock.objects.get(ticket=ticket)
    assert (clock.warned_at, clock.breached_at) == (minutes(45), None)
    assert TicketSla.objects.get(ticket=ticket).next_check_at == minutes(60)


def test_a_breach_is_written_once_however_often_the_sweep_runs(
    sla_policy_generator, sla_ticket_generator
):
    # given
    policy = sla_policy_generator(first_response_minutes=60)
    ticket = sla_ticket_generator()
    sync_ticket_clocks(ticket, now=minutes(1))

    # when: the sweep was down until after the due time, then runs twice
    first = sweep_sla(now=minutes(61))
    second = sweep_sla(now=minutes(61))

    # then
    assert (first.warnings, first.breaches, second.warnings, second.breaches) == (1, 1, 0, 0)
    assert story(ticket) == [
        (
            TicketEventType.SLA_WARNING,
            {"kind": "first_response", "cycle": 1, "due_at": minutes(60).isoformat()},
        ),
        (
            TicketEventType.SLA_BREACHED,
            {
                "kind": "first_response",
                "cycle": 1,
                "due_at": minutes(60).isoformat(),
                "policy_id": policy.pk,
                "completed": False,
            },
        ),
    ]
    assert TicketSla.objects.get(ticket=ticket).next_check_at is None


def test_a_paused_clock_does_not_breach(sla_policy_generator, sla_ticket_generator):
    sla_policy_generator(first_response_minutes=60)
    ticket = sla_ticket_generator()
    sync_ticket_clocks(ticket, now=minutes(1))
    actions.change_status(ticket, TicketStatus.PENDING, actor=SYSTEM, now=minutes(30))

    result = sweep_sla(now=minutes(300))

    assert (result.warnings, result.breaches) == (0, 0)
    assert story(ticket) == []


def test_the_sweep_syncs_tickets_changed_since_their_last_sync(
    sla_policy_generator, sla_ticket_generator, agent
):
    # given: answered in time, but nobody synced the ticket after the reply
    sla_policy_generator(first_response_minutes=60)
    ticket = sla_ticket_generator()
    sync_ticket_clocks(ticket, now=minutes(1))
    actions.add_message(
        ticket,
        author_type=MessageAuthorType.AGENT,
        actor=Actor.user(agent.pk),
        body="On its way.",
        now=minutes(50),
    )

    # when
    result = sweep_sla(now=minutes(100))

    # then: met in time, so nothing to tell (a warning only matters while the clock runs)
    assert (result.warnings, result.breaches) == (0, 0)
    clock = TicketSlaClock.objects.get(ticket=ticket)
    assert clock.completed_at == minutes(50)
    assert TicketSla.objects.get(ticket=ticket).has_open_clocks is False


def test_tickets_never_synced_are_picked_up(sla_policy_generator, sla_ticket_generator):
    sla_policy_generator(first_response_minutes=60)
    tickets = [sla_ticket_generator() for _ in range(3)]

    result = sweep_sla(now=minutes(10), batch_size=2)

    assert result.tickets == 3
    assert TicketSlaClock.objects.filter(ticket__in=tickets).count() == 3


def test_a_clock_met_late_is_told_as_a_breach_without_actions(
    sla_policy_generator, sla_ticket_generator, agent
):
    sla_policy_generator(first_response_minutes=60, breach_actions=[BreachAction.RAISE_PRIORITY])
    ticket = sla_ticket_generator()
    actions.add_message(
        ticket,
        author_type=MessageAuthorType.AGENT,
        actor=Actor.user(agent.pk),
        body="Sorry for the wait.",
        now=minutes(90),
    )

    sweep_sla(now=minutes(91))

    assert [(t, p["completed"]) for t, p in story(ticket)] == [(TicketEventType.SLA_BREACHED, True)]
    ticket.refresh_from_db()
    assert ticket.priority == TicketPriority.NORMAL


def test_a_breach_raises_the_priority_once(sla_policy_generator, sla_ticket_generator):
    # given
    sla_policy_generator(first_response_minutes=60, breach_actions=[BreachAction.RAISE_PRIORITY])
    ticket = sla_ticket_generator(priority=TicketPriority.NORMAL)

    # when
    sweep_sla(now=minutes(61))
    sweep_sla(now=minutes(62))

    # then
    ticket.refresh_from_db()
    assert ticket.priority == TicketPriority.HIGH
    assert [t for t, _ in story(ticket)] == [
        TicketEventType.SLA_WARNING,
        TicketEventType.SLA_BREACHED,
        TicketEventType.PRIORITY_CHANGED,
    ]
    assert TicketSla.objects.get(ticket=ticket).synced_version == ticket.version


def test_raising_the_priority_can_bring_a_tighter_policy(
    sla_policy_generator, sla_ticket_generator
):
    # given
    high = sla_policy_generator(
        "High", priorities=[TicketPriority.HIGH], first_response_minutes=30, resolution_minutes=60
    )
    sla_policy_generator(
        "Standard",
        first_response_minutes=60,
        resolution_minutes=480,
        breach_actions=[BreachAction.RAISE_PRIORITY],
    )
    ticket = sla_ticket_generator()

    # when
    sweep_sla(now=minutes(61))
    sweep_sla(now=minutes(62))

    # then: first response stays breached once; resolution is now due at 10:00
    clocks = {c.kind: c for c in TicketSlaClock.objects.filter(ticket=ticket)}
    assert clocks[ClockKind.RESOLUTION].policy_id == high.pk
    assert [(t, p.get("kind")) for t, p in story(ticket)] == [
        (TicketEventType.SLA_WARNING, "first_response"),
        (TicketEventType.SLA_BREACHED, "first_response"),
        (TicketEventType.PRIORITY_CHANGED, None),
        (TicketEventType.SLA_WARNING, "resolution"),
        (TicketEventType.SLA_BREACHED, "resolution"),
    ]


def test_the_team_lead_is_named_on_the_timeline(
    sla_policy_generator, sla_ticket_generator, staff_generator, team_generator
):
    # given
    lead = staff_generator(role=AgentRole.TEAM_LEAD)
    team = team_generator(members=[lead])
    sla_policy_generator(first_response_minutes=60, breach_actions=[BreachAction.NOTIFY_LEAD])
    ticket = sla_ticket_generator()
    ticket.team = team
    ticket.save(update_fields=["team"])

    # when
    sweep_sla(now=minutes(61))

    # then
    assert story(ticket)[-1] == (
        TicketEventType.SLA_LEAD_NOTIFIED,
        {"lead_user_id": lead.pk, "kinds": ["first_response"]},
    )


def test_a_policy_can_name_whom_to_notify(sla_policy_generator, sla_ticket_generator, agent):
    sla_policy_generator(
        first_response_minutes=60,
        breach_actions=[BreachAction.NOTIFY_LEAD],
        notify_user_id=agent.pk,
    )
    ticket = sla_ticket_generator()

    sweep_sla(now=minutes(61))

    assert story(ticket)[-1][1]["lead_user_id"] == agent.pk


def test_actions_that_cannot_run_are_told_and_the_next_ones_still_run(
    sla_policy_generator, sla_ticket_generator
):
    # given: no team, no lead, already urgent
    sla_policy_generator(
        first_response_minutes=60,
        breach_actions=[
            BreachAction.RAISE_PRIORITY,
            BreachAction.REASSIGN,
            BreachAction.NOTIFY_LEAD,
            BreachAction.ESCALATE,
        ],
    )
    ticket = sla_ticket_generator(priority=TicketPriority.URGENT)

    # when
    sweep_sla(now=minutes(61))

    # then
    failed = [p for t, p in story(ticket) if t == TicketEventType.SLA_ACTION_FAILED]
    assert failed == [
        {"action": "raise_priority", "code": "already_highest", "kinds": ["first_response"]},
        {"action": "reassign", "code": "no_team", "kinds": ["first_response"]},
        {"action": "notify_lead", "code": "no_lead", "kinds": ["first_response"]},
    ]
    ticket.refresh_from_db()
    assert ticket.tier == TicketTier.L2
    assert TicketEventType.ESCALATED in [t for t, _ in story(ticket)]


def test_a_breach_reassigns_within_the_team(
    sla_policy_generator, sla_ticket_generator, staff_generator, team_generator
):
    # given
    first, second = staff_generator(), staff_generator()
    team = team_generator(members=[first, second])
    sla_policy_generator(first_response_minutes=60, breach_actions=[BreachAction.REASSIGN])
    ticket = sla_ticket_generator()
    ticket.team = team
    ticket.save(update_fields=["team"])
    ticket = actions.assign_ticket(ticket, first.pk, actor=SYSTEM, now=minutes(1))

    # when
    sweep_sla(now=minutes(61))

    # then
    ticket.refresh_from_db()
    assert ticket.assignee_id == second.pk


def test_an_escalation_at_the_top_tier_is_told(sla_policy_generator, sla_ticket_generator):
    sla_policy_generator(first_response_minutes=60, breach_actions=[BreachAction.ESCALATE])
    ticket = sla_ticket_generator()
    ticket.tier = TicketTier.L3
    ticket.save(update_fields=["tier"])

    sweep_sla(now=minutes(61))

    assert story(ticket)[-1] == (
        TicketEventType.SLA_ACTION_FAILED,
        {"action": "escalate", "code": "tier_limit", "kinds": ["first_response"]},
    )


def test_the_next_cycle_warns_and_breaches_on_its_own(
    sla_policy_generator, sla_ticket_generator, agent
):
    # given: the first round of next response breached
    sla_policy_generator(first_response_minutes=60, next_response_minutes=30)
    ticket = sla_ticket_generator()

    def reply(body, at):
        actions.add_message(
            ticket,
            author_type=MessageAuthorType.AGENT,
            actor=Actor.user(agent.pk),
            body=body,
            now=minutes(at),
        )

    reply("Hi", 5)
    actions.add_message(
        ticket, author_type=MessageAuthorType.CUSTOMER, actor=Actor(), body="?", now=minutes(10)
    )
    sweep_sla(now=minutes(50))
    reply("Here", 55)
    actions.add_message(
        ticket, author_type=MessageAuthorType.CUSTOMER, actor=Actor(), body="??", now=minutes(60)
    )

    # when
    sweep_sla(now=minutes(100))

    # then
    assert [(t, p.get("kind"), p.get("cycle")) for t, p in story(ticket)] == [
        (TicketEventType.SLA_WARNING, "next_response", 1),
        (TicketEventType.SLA_BREACHED, "next_response", 1),
        (TicketEventType.SLA_WARNING, "next_response", 2),
        (TicketEventType.SLA_BREACHED, "next_response", 2),
    ]


SWEEP_STATEMENTS = 17
"""Policies and their calendars (5, once per run); per batch: the due SLA rows (locked), the
tickets (locked), the SLA rows again, clocks, status changes, public messages (6), then one
INSERT of every warning and breach, the clocks' and SLA rows' updates (3); the empty search
that ends the due phase and the stale phase's two searches (3)."""


@pytest.mark.parametrize("count", [1, 50])
def test_a_sweep_batch_runs_a_fixed_number_of_statements(
    sla_policy_generator, sla_ticket_generator, count
):
    # given
    sla_policy_generator(first_response_minutes=60)
    tickets = [sla_ticket_generator() for _ in range(count)]
    for ticket in tickets:
        sync_ticket_clocks(ticket, now=minutes(1))

    # when
    with assert_statements(SWEEP_STATEMENTS):
        result = sweep_sla(now=minutes(61))

    # then
    assert (result.tickets, result.breaches) == (count, count)

from collections import Counter

from django.contrib.auth import get_user_model

from saleor_support_plugin.agents import AssignmentStrategy, Availability
from saleor_support_plugin.agents.actions import assign_in_team
from saleor_support_plugin.agents.configuration import ProfileValues, save_agent_profile
from saleor_support_plugin.agents.routing import route_new_ticket
from saleor_support_plugin.tickets import TicketEventType, TicketStatus
from saleor_support_plugin.tickets.actions import assign_ticket, change_status
from saleor_support_plugin.tickets.actors import Actor
from saleor_support_plugin.tickets.models import Ticket, TicketEvent

from .helpers import new_ticket


def _route(count: int, **ticket_values) -> list[Ticket]:
    return [route_new_ticket(new_ticket(**ticket_values)) for _ in range(count)]


def test_round_robin_gives_90_tickets_to_3_agents_30_each_in_turn(staff_generator, team_generator):
    # given
    agents = [staff_generator(capacity=100) for _ in range(3)]
    team_generator(members=agents, is_default=True)

    # when
    tickets = _route(90)

    # then
    assignees = [t.assignee_id for t in tickets]
    assert Counter(assignees) == {a.pk: 30 for a in agents}
    assert assignees[:6] == [a.pk for a in agents] * 2


def test_round_robin_continues_after_the_last_agent_when_one_joins(staff_generator, team_generator):
    # given
    first, second = staff_generator(), staff_generator()
    team = team_generator(members=[first, second], is_default=True)
    _route(1)
    third = staff_generator()
    save_agent_profile(third.pk, ProfileValues(team_ids=[team.pk]))

    # when
    tickets = _route(3)

    # then
    assert [t.assignee_id for t in tickets] == [second.pk, third.pk, first.pk]


def test_least_loaded_picks_the_agent_with_fewest_active_tickets(staff_generator, team_generator):
    # given: the first agent already holds two active tickets and one solved
    busy, idle = staff_generator(), staff_generator()
    team_generator(members=[busy, idle], strategy=AssignmentStrategy.LEAST_LOADED, is_default=True)
    for status in (TicketStatus.OPEN, TicketStatus.PENDING, TicketStatus.SOLVED):
        ticket = assign_ticket(new_ticket(), busy.pk, actor=Actor.system())
        change_status(ticket, status, actor=Actor.system())

    # when
    tickets = _route(3)

    # then: the idle agent catches up, then ties go in turn
    assert [t.assignee_id for t in tickets] == [idle.pk, idle.pk, busy.pk]


def test_capacity_is_never_exceeded_and_the_rest_waits_in_the_queue(
    staff_generator, team_generator
):
    # given
    small, large = staff_generator(capacity=2), staff_generator(capacity=3)
    team = team_generator(members=[small, large], is_default=True)

    # when
    tickets = _route(7)

    # then
    assert Counter(t.assignee_id for t in tickets) == {small.pk: 2, large.pk: 3, None: 2}
    assert all(t.team_id == team.pk for t in tickets)


def test_a_solved_ticket_frees_a_slot(staff_generator, team_generator):
    # given
    agent = staff_generator(capacity=1)
    team_generator(members=[agent], is_default=True)
    (first,) = _route(1)
    change_status(first, TicketStatus.SOLVED, actor=Actor.system())

    # when
    (second,) = _route(1)

    # then
    assert second.assignee_id == agent.pk


def test_away_agents_inactive_accounts_and_zero_capacity_get_nothing(
    staff_generator, team_generator
):
    # given
    away = staff_generator(availability=Availability.AWAY)
    closed = staff_generator()
    get_user_model().objects.filter(pk=closed.pk).update(is_active=False)
    no_room = staff_generator(capacity=0)
    working = staff_generator()
    team_generator(members=[away, closed, no_room, working], is_default=True)

    # when
    tickets = _route(3)

    # then
    assert {t.assignee_id for t in tickets} == {working.pk}


def test_nobody_available_leaves_the_ticket_unassigned_in_the_team(staff_generator, team_generator):
    # given
    team = team_generator(
        members=[staff_generator(availability=Availability.AWAY)], is_default=True
    )

    # when
    (ticket,) = _route(1)

    # then
    assert ticket.team_id == team.pk
    assert ticket.assignee_id is None
    assert not TicketEvent.objects.filter(type=TicketEventType.ASSIGNED).exists()


def test_agents_speaking_the_customers_language_come_first(staff_generator, team_generator):
    # given
    polish = staff_generator(language_codes=["pl"])
    romanian = staff_generator(language_codes=["ro", "en"])
    team_generator(members=[polish, romanian], is_default=True)

    # when
    romanian_tickets = _route(2, language_code="ro-RO")
    persian_tickets = _route(2, language_code="fa")

    # then: nobody speaks Persian, so everyone takes part
    assert [t.assignee_id for t in romanian_tickets] == [romanian.pk, romanian.pk]
    assert [t.assignee_id for t in persian_tickets] == [polish.pk, romanian.pk]


def test_an_assigned_ticket_is_never_assigned_again(staff_generator, team_generator):
    # given
    first, second = staff_generator(), staff_generator()
    team = team_generator(members=[first, second], is_default=True)
    (ticket,) = _route(1)

    # when
    again = assign_in_team(ticket, team, actor=Actor.system())

    # then
    assert again.assignee_id == first.pk
    assert TicketEvent.objects.filter(ticket=ticket, type=TicketEventType.ASSIGNED).count() == 1


def test_reassign_passes_the_current_assignee_over(staff_generator, team_generator):
    # given
    first, second = staff_generator(), staff_generator()
    team = team_generator(members=[first, second], is_default=True)
    _route(1)
    (ticket,) = _route(1)
    assert ticket.assignee_id == second.pk

    # when
    moved = assign_in_team(ticket, team, actor=Actor.system(), reassign=True)

    # then
    assert moved.assignee_id == first.pk


def test_tickets_that_are_not_active_are_not_assigned(staff_generator, team_generator):
    # given
    team = team_generator(members=[staff_generator()], auto_assign=False)
    ticket = change_status(new_ticket(), TicketStatus.SOLVED, actor=Actor.system())

    # when
    result = assign_in_team(ticket, team, actor=Actor.system())

    # then
    assert result.assignee_id is None

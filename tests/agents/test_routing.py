from datetime import timedelta

import pytest
from django.utils import timezone

from saleor_support_plugin.agents.routing import route, route_new_ticket
from saleor_support_plugin.tickets import TicketChannel, TicketEventType, TicketTier
from saleor_support_plugin.tickets.models import Ticket, TicketEvent
from tests.query_counts import assert_statements

from .helpers import new_ticket


@pytest.mark.parametrize(
    ("conditions", "ticket_values", "matches"),
    [
        ({"category_slugs": ["refund"]}, {"category": "refund"}, True),
        ({"category_slugs": ["refund"]}, {"category": "delivery"}, False),
        ({"channels": [TicketChannel.EMAIL]}, {"channel": TicketChannel.EMAIL}, True),
        ({"channels": [TicketChannel.EMAIL]}, {"channel": TicketChannel.WEB}, False),
        ({"language_codes": ["pt"]}, {"language_code": "pt-BR"}, True),
        ({"language_codes": ["PT-br"]}, {"language_code": "pt-BR"}, True),
        ({"language_codes": ["pt-BR"]}, {"language_code": "pt"}, False),
        ({"language_codes": ["ro"]}, {"language_code": ""}, False),
        ({"order_channels": ["eu"]}, {"order_channel": "eu"}, True),
        ({"order_channels": ["eu"]}, {"order_channel": "us"}, False),
        ({"order_channels": ["eu"]}, {}, False),
        ({"tags": ["vip", "wholesale"]}, {"tags": ["vip"]}, True),
        ({"tags": ["vip"]}, {"tags": ["new"]}, False),
        (
            {"category_slugs": ["refund"], "language_codes": ["ro"]},
            {"category": "refund", "language_code": "pl"},
            False,
        ),
        ({}, {}, True),
    ],
)
def test_rule_conditions(
    team_generator, routing_rule_generator, conditions, ticket_values, matches
):
    # given
    team = team_generator()
    routing_rule_generator(team, **conditions)
    ticket = new_ticket(**ticket_values)

    # when
    found, rule = route(ticket)

    # then
    assert (found == team) is matches
    assert (rule is not None) is matches


def test_first_matching_rule_by_position_wins(team_generator, routing_rule_generator):
    # given
    first, second, third = team_generator(), team_generator(), team_generator()
    routing_rule_generator(third, name="later", category_slugs=["refund"], position=5)
    winner = routing_rule_generator(second, name="refunds", category_slugs=["refund"], position=1)
    routing_rule_generator(first, name="ro only", language_codes=["ro"], position=0)

    # when
    team, rule = route(new_ticket(category="refund", language_code="pl"))

    # then
    assert team == second
    assert rule == winner


def test_inactive_rules_and_rules_of_inactive_teams_are_skipped(
    team_generator, routing_rule_generator
):
    # given
    asleep = team_generator()
    asleep.is_active = False
    asleep.save()
    off_rule_team, fallback = team_generator(), team_generator()
    off = routing_rule_generator(off_rule_team, position=0)
    off.is_active = False
    off.save()
    routing_rule_generator(asleep, position=1)
    routing_rule_generator(fallback, position=2)

    # when
    team, _ = route(new_ticket())

    # then
    assert team == fallback


def test_no_rule_matches_the_default_team_takes_it(team_generator, routing_rule_generator):
    # given
    default = team_generator(is_default=True)
    routing_rule_generator(team_generator(), category_slugs=["refund"])

    # when
    team, rule = route(new_ticket(category="delivery"))

    # then
    assert team == default
    assert rule is None


def test_no_rule_and_no_default_team_leaves_the_ticket_without_team(
    team_generator, routing_rule_generator
):
    # given
    routing_rule_generator(team_generator(), category_slugs=["refund"])
    ticket = new_ticket(category="delivery")

    # when
    routed = route_new_ticket(ticket)

    # then
    assert routed.team_id is None
    assert not TicketEvent.objects.filter(type=TicketEventType.TEAM_CHANGED).exists()


def test_routing_puts_the_ticket_in_the_team_at_its_tier_and_assigns_it(
    team_generator, routing_rule_generator, staff_generator
):
    # given
    agent = staff_generator(tier=TicketTier.L2)
    team = team_generator(tier=TicketTier.L2, members=[agent])
    rule = routing_rule_generator(team, category_slugs=["payment"])
    now = timezone.now() + timedelta(minutes=1)
    ticket = new_ticket(category="payment")

    # when
    routed = route_new_ticket(ticket, now)

    # then
    routed = Ticket.objects.get(pk=ticket.pk)
    assert routed.team_id == team.pk
    assert routed.tier == TicketTier.L2
    assert routed.assignee_id == agent.pk
    assert routed.version == 3
    events = list(routed.events.order_by("id").values_list("type", "parameters", "user_id"))
    assert events[1:] == [
        (
            TicketEventType.TEAM_CHANGED,
            {
                "old_team_id": None,
                "new_team_id": team.pk,
                "routing_rule_id": rule.pk,
                "old_tier": TicketTier.L1,
                "new_tier": TicketTier.L2,
            },
            None,
        ),
        (TicketEventType.ASSIGNED, {"old_assignee_id": None, "new_assignee_id": agent.pk}, None),
    ]


def test_a_team_without_automatic_assignment_keeps_the_ticket_in_its_queue(
    team_generator, routing_rule_generator, staff_generator
):
    # given
    team = team_generator(members=[staff_generator()], auto_assign=False, is_default=True)

    # when
    routed = route_new_ticket(new_ticket())

    # then
    assert routed.team_id == team.pk
    assert routed.assignee_id is None


def test_a_ticket_with_a_team_is_not_routed_again(team_generator, routing_rule_generator):
    # given
    first = team_generator(is_default=True)
    ticket = route_new_ticket(new_ticket())
    routing_rule_generator(team_generator())

    # when
    again = route_new_ticket(ticket)

    # then
    assert again.team_id == first.pk
    assert TicketEvent.objects.filter(type=TicketEventType.TEAM_CHANGED).count() == 1


def test_routing_and_assignment_statements_per_ticket(
    team_generator, routing_rule_generator, staff_generator
):
    # given: three rules before the matching one, a team of five
    members = [staff_generator() for _ in range(5)]
    team = team_generator(members=members)
    other = team_generator()
    for slug in ("refund", "payment", "account"):
        routing_rule_generator(other, category_slugs=[slug])
    routing_rule_generator(team, category_slugs=["delivery"], position=10)
    ticket = new_ticket()

    # when
    with assert_statements(12):
        route_new_ticket(ticket)

    # then
    assert Ticket.objects.get(pk=ticket.pk).assignee_id == members[0].pk

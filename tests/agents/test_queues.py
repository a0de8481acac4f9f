import pytest

from saleor_support_plugin.agents import AgentRole
from saleor_support_plugin.agents.configuration import ProfileValues, save_agent_profile
from saleor_support_plugin.agents.queues import queue_scope_for
from saleor_support_plugin.agents.routing import route_new_ticket
from saleor_support_plugin.host.requestor import DeskPermission, Requestor, RequestorKind
from saleor_support_plugin.tickets.queue import QueueScope, take_next_ticket

from .helpers import new_ticket


def _requestor(user):
    return Requestor(
        kind=RequestorKind.STAFF,
        user_id=user.pk,
        permissions=frozenset({DeskPermission.MANAGE_ORDERS.value}),
    )


@pytest.fixture
def two_queues(team_generator, routing_rule_generator):
    """Refund tickets in one team, delivery tickets in another, one ticket with no team."""
    refunds = team_generator(auto_assign=False)
    deliveries = team_generator(auto_assign=False)
    routing_rule_generator(refunds, category_slugs=["refund"])
    routing_rule_generator(deliveries, category_slugs=["delivery"])
    tickets = {
        "refund": route_new_ticket(new_ticket(category="refund")),
        "delivery": route_new_ticket(new_ticket(category="delivery")),
        "none": route_new_ticket(new_ticket(category="other")),
    }
    return refunds, deliveries, tickets


def _take_all(user):
    taken = []
    while (
        ticket := take_next_ticket(_requestor(user), scope=queue_scope_for(user.pk))
    ) is not None:
        taken.append(ticket.pk)
    return sorted(taken)


@pytest.mark.parametrize(
    ("role", "in_refunds", "expected"),
    [
        (AgentRole.AGENT, True, ["refund"]),
        (AgentRole.DISPATCHER, True, ["refund", "none"]),
        (AgentRole.TEAM_LEAD, True, ["refund", "none"]),
        (AgentRole.MANAGER, False, ["refund", "delivery", "none"]),
        (AgentRole.AGENT, False, ["none"]),
    ],
)
def test_an_agents_queue_is_their_teams(two_queues, staff_generator, role, in_refunds, expected):
    # given
    refunds, _, tickets = two_queues
    user = staff_generator(role=role)
    if in_refunds:
        save_agent_profile(user.pk, ProfileValues(team_ids=[refunds.pk]))

    # when
    taken = _take_all(user)

    # then
    assert taken == sorted(tickets[name].pk for name in expected)


def test_staff_without_a_profile_take_tickets_without_team(two_queues, agent):
    # given
    _, _, tickets = two_queues

    # when
    taken = _take_all(agent)

    # then
    assert taken == [tickets["none"].pk]


def test_the_scope_keeps_the_other_conditions(agent):
    scope = queue_scope_for(agent.pk, QueueScope(channels=("web",)))

    assert scope == QueueScope(channels=("web",), team_ids=(), include_without_team=True)

"""Routing racing itself on real PostgreSQL: threads with their own connections, committed data."""

import threading
from collections import Counter
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from functools import partial
from typing import Any

import pytest
from django.db import connection

from saleor_support_plugin.agents.routing import route_new_ticket
from saleor_support_plugin.tickets import TicketEventType
from saleor_support_plugin.tickets.models import Ticket, TicketEvent

from .helpers import new_ticket

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

THREADS = 50


def _race(calls: list[Callable[[], Any]]) -> list[Any]:
    """Run every call in its own thread, all released at once; return their results."""
    barrier = threading.Barrier(len(calls))

    def run(call: Callable[[], Any]) -> Any:
        try:
            barrier.wait(timeout=30)
            return call()
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=len(calls)) as pool:
        return list(pool.map(run, calls))


def _assigned_events() -> Counter[int]:
    return Counter(
        TicketEvent.objects.filter(type=TicketEventType.ASSIGNED).values_list(
            "ticket_id", flat=True
        )
    )


def test_50_tickets_routed_at_once_fill_capacity_exactly_once_each(staff_generator, team_generator):
    # given: 3 agents with room for 10 tickets each
    agents = [staff_generator(capacity=10) for _ in range(3)]
    team = team_generator(members=agents, is_default=True)
    tickets = [new_ticket(email=f"buyer{i}@example.com") for i in range(THREADS)]

    # when
    _race([partial(route_new_ticket, ticket) for ticket in tickets])

    # then
    rows = list(Ticket.objects.values_list("team_id", "assignee_id"))
    assert {team_id for team_id, _ in rows} == {team.pk}
    loads = Counter(assignee for _, assignee in rows)
    assert loads == {agents[0].pk: 10, agents[1].pk: 10, agents[2].pk: 10, None: 20}
    events = _assigned_events()
    assert len(events) == 30
    assert set(events.values()) == {1}
    assert TicketEvent.objects.filter(type=TicketEventType.TEAM_CHANGED).count() == THREADS


def test_two_teams_sharing_an_agent_never_push_them_over_capacity(
    staff_generator, team_generator, routing_rule_generator
):
    # given: one agent in both teams, with room for 5
    shared = staff_generator(capacity=5)
    refunds = team_generator(members=[shared])
    deliveries = team_generator(members=[shared])
    routing_rule_generator(refunds, category_slugs=["refund"])
    routing_rule_generator(deliveries, category_slugs=["delivery"])
    tickets = [
        new_ticket(category="refund" if i % 2 else "delivery", email=f"b{i}@example.com")
        for i in range(20)
    ]

    # when
    _race([partial(route_new_ticket, ticket) for ticket in tickets])

    # then
    assert Ticket.objects.filter(assignee_id=shared.pk).count() == 5
    assert set(_assigned_events().values()) == {1}

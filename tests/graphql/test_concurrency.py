"""Agents racing each other on real PostgreSQL: threads with their own connections, committed data.

Every thread waits at a barrier, so the requests start together, and closes its database
connection at the end.
"""

import threading
from collections import Counter
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta
from functools import partial
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test import Client

from saleor_support_plugin.graphql.core.ids import to_global_id
from saleor_support_plugin.host.standalone import issue_sandbox_token
from saleor_support_plugin.tickets import TicketChannel, TicketEventType, TicketPriority
from saleor_support_plugin.tickets.actions import CustomerInfo, category_by_slug, open_ticket
from saleor_support_plugin.tickets.actors import Actor
from saleor_support_plugin.tickets.models import Ticket, TicketEvent
from tests.graphql.conftest import ApiClient

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

TAKE_NEXT = """
mutation { supportTicketTakeNext { ticket { number } errors { code } } }
"""
UPDATE = """
mutation Update($id: ID!, $priority: SupportTicketPriorityEnum!) {
  supportTicketUpdate(id: $id, input: {priority: $priority}, expectedVersion: 1) {
    ticket { version }
    errors { field code }
  }
}
"""
BULK_ASSIGN = """
mutation BulkAssign($ids: [ID!]!, $assigneeId: ID) {
  supportTicketBulkAssign(ids: $ids, assigneeId: $assigneeId) {
    count
    results { errors { code } }
    errors { code }
  }
}
"""

START = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)
PRIORITIES = [TicketPriority.LOW, TicketPriority.URGENT, TicketPriority.NORMAL, TicketPriority.HIGH]


def _agents(count: int) -> list[Any]:
    return [
        get_user_model().objects.create_user(
            username=f"racer{i}", email=f"racer{i}@example.com", password="x", is_staff=True
        )
        for i in range(count)
    ]


def _client(user: Any) -> ApiClient:
    return ApiClient(Client(), issue_sandbox_token(user))


def _open(count: int) -> list[Ticket]:
    return [
        open_ticket(
            subject=f"Question {i}",
            category=category_by_slug("delivery"),
            channel=TicketChannel.WEB,
            actor=Actor.system(),
            priority=PRIORITIES[i % len(PRIORITIES)],
            customer=CustomerInfo(email=f"buyer{i}@example.com"),
            now=START + timedelta(minutes=i // 2),
        )
        for i in range(count)
    ]


def _race(calls: list[Callable[[], Any]]) -> list[Any]:
    """Run every call in its own thread, all released at once; return their results in order."""
    barrier = threading.Barrier(len(calls))

    def run(call: Callable[[], Any]) -> Any:
        try:
            barrier.wait(timeout=30)
            return call()
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=len(calls)) as pool:
        return list(pool.map(run, calls))


def _queue_order(tickets: list[Ticket]) -> list[Ticket]:
    return sorted(tickets, key=lambda t: (-TicketPriority.RANK[t.priority], t.created_at, t.pk))


def _assigned_events() -> list[tuple[int, int | None, dict[str, Any]]]:
    return list(
        TicketEvent.objects.filter(type=TicketEventType.ASSIGNED)
        .order_by("id")
        .values_list("ticket_id", "user_id", "parameters")
    )


@pytest.mark.parametrize("queued", [15, 40], ids=["fewer-tickets-than-agents", "more-tickets"])
def test_20_agents_taking_at_once_never_get_the_same_ticket(queued):
    # given
    tickets = _open(queued)
    agents = _agents(20)
    clients = [_client(agent) for agent in agents]

    # when
    results = _race([partial(client.execute, TAKE_NEXT) for client in clients])

    # then
    payloads = [r["data"]["supportTicketTakeNext"] for r in results]
    assert [p["errors"] for p in payloads] == [[]] * 20
    taken = [p["ticket"]["number"] for p in payloads if p["ticket"] is not None]
    assert len(taken) == min(queued, 20)
    assert len(set(taken)) == len(taken)
    # Nobody skips ahead: what was taken is the head of the queue.
    assert set(taken) == {t.number for t in _queue_order(tickets)[:20]}
    owners = dict(Ticket.objects.filter(number__in=taken).values_list("number", "assignee_id"))
    for agent, payload in zip(agents, payloads, strict=True):
        if payload["ticket"] is not None:
            assert owners[payload["ticket"]["number"]] == agent.pk
    assert Counter(ticket_id for ticket_id, _, _ in _assigned_events()) == Counter(
        Ticket.objects.filter(number__in=taken).values_list("pk", flat=True)
    )
    assert set(Ticket.objects.filter(number__in=taken).values_list("version", flat=True)) == {2}


def test_two_updates_from_the_same_version_one_wins_one_conflicts(agent, second_agent):
    # given: a LOW ticket, which both agents want to raise
    [ticket] = _open(1)
    gid = to_global_id("SupportTicket", ticket.pk)
    clients = [_client(agent), _client(second_agent)]

    # when
    results = _race(
        [
            lambda: clients[0].execute(UPDATE, {"id": gid, "priority": "URGENT"}),
            lambda: clients[1].execute(UPDATE, {"id": gid, "priority": "HIGH"}),
        ]
    )

    # then
    payloads = [r["data"]["supportTicketUpdate"] for r in results]
    outcomes = sorted("won" if p["errors"] == [] else p["errors"][0]["code"] for p in payloads)
    assert outcomes == ["CONFLICT", "won"]
    winner = 0 if payloads[0]["errors"] == [] else 1
    assert payloads[winner]["ticket"] == {"version": 2}
    assert payloads[1 - winner]["errors"] == [{"field": "expectedVersion", "code": "CONFLICT"}]
    ticket.refresh_from_db()
    assert (ticket.priority, ticket.version) == (
        [TicketPriority.URGENT, TicketPriority.HIGH][winner],
        2,
    )
    assert TicketEvent.objects.filter(type=TicketEventType.PRIORITY_CHANGED).count() == 1


def test_bulk_assign_racing_take_next_never_hands_out_an_assigned_ticket():
    # given: a manager hands every other ticket to one agent while ten agents take work
    tickets = _open(30)
    manager, owner, *takers = _agents(12)
    bulk_ids = [to_global_id("SupportTicket", t.pk) for t in tickets[::2]]
    bulk_client = _client(manager)
    owner_id = to_global_id("User", owner.pk)
    calls = [lambda: bulk_client.execute(BULK_ASSIGN, {"ids": bulk_ids, "assigneeId": owner_id})]
    taker_clients = [_client(taker) for taker in takers]
    calls += [partial(client.execute, TAKE_NEXT) for client in taker_clients]

    # when
    bulk, *taken = _race(calls)

    # then
    assert bulk["data"]["supportTicketBulkAssign"]["errors"] == []
    numbers = [
        r["data"]["supportTicketTakeNext"]["ticket"]["number"]
        for r in taken
        if r["data"]["supportTicketTakeNext"]["ticket"] is not None
    ]
    assert len(numbers) == len(set(numbers)) == 10
    events = _assigned_events()
    taker_ids = {taker.pk for taker in takers}
    for ticket in Ticket.objects.all():
        chain = [p for ticket_id, _, p in events if ticket_id == ticket.pk]
        # Every assignment starts from the assignee the one before left: nothing was lost.
        previous = None
        for parameters in chain:
            assert parameters["old_assignee_id"] == previous
            previous = parameters["new_assignee_id"]
        assert ticket.assignee_id == previous
        assert ticket.version == 1 + len(chain)
    # Take-next only ever took tickets nobody owned.
    assert all(p["old_assignee_id"] is None for _, user, p in events if user in taker_ids)
    assert bulk["data"]["supportTicketBulkAssign"]["count"] == 15


def test_two_bulk_changes_in_opposite_orders_do_not_deadlock(agent, second_agent):
    # given
    tickets = _open(20)
    ids = [to_global_id("SupportTicket", t.pk) for t in tickets]
    clients = [_client(agent), _client(second_agent)]
    targets = [to_global_id("User", agent.pk), to_global_id("User", second_agent.pk)]

    # when
    results = _race(
        [
            lambda: clients[0].execute(BULK_ASSIGN, {"ids": ids, "assigneeId": targets[0]}),
            lambda: clients[1].execute(BULK_ASSIGN, {"ids": ids[::-1], "assigneeId": targets[1]}),
        ]
    )

    # then
    assert [r["data"]["supportTicketBulkAssign"]["count"] for r in results] == [20, 20]
    assert len(set(Ticket.objects.values_list("assignee_id", flat=True))) == 1
    assert TicketEvent.objects.filter(type=TicketEventType.ASSIGNED).count() == 40

"""supportTicketTakeNext: the most urgent, oldest unassigned ticket goes to the agent asking."""

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from django.db import connection

from saleor_support_plugin.graphql.core.ids import to_global_id
from saleor_support_plugin.tickets import (
    TicketChannel,
    TicketEventType,
    TicketPriority,
    TicketStatus,
    TicketTier,
)
from saleor_support_plugin.tickets.actions import (
    CustomerInfo,
    assign_ticket,
    category_by_slug,
    change_priority,
    change_status,
    open_ticket,
)
from saleor_support_plugin.tickets.actors import Actor
from saleor_support_plugin.tickets.lock_objects import queue_head_select_for_update
from saleor_support_plugin.tickets.models import Ticket, TicketEvent
from saleor_support_plugin.tickets.queue import QueueScope, queued_tickets
from tests.graphql.requestors import act_as, app_with_manage_orders, staff_without_permissions
from tests.query_counts import assert_statements

TAKE_NEXT = """
mutation TakeNext($input: SupportTicketTakeNextInput) {
  supportTicketTakeNext(input: $input) {
    ticket { id number status assignee { email } version }
    errors { field message code }
  }
}
"""

START = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)
DASHBOARD = Path(__file__).resolve().parents[2] / "graphql" / "dashboard"


def _open(subject, *, minutes=0, priority=TicketPriority.NORMAL, **overrides):
    values = {
        "subject": subject,
        "category": category_by_slug("delivery"),
        "channel": TicketChannel.WEB,
        "actor": Actor.system(),
        "priority": priority,
        "customer": CustomerInfo(email="buyer@example.com"),
        "now": START + timedelta(minutes=minutes),
    }
    values.update(overrides)
    return open_ticket(**values)


def _taken(result):
    payload = result["data"]["supportTicketTakeNext"]
    assert payload["errors"] == []
    return payload["ticket"]


def _subjects_in_taking_order(client, rounds):
    subjects = []
    for _ in range(rounds):
        ticket = _taken(client.execute(TAKE_NEXT))
        subjects.append(None if ticket is None else Ticket.objects.get(number=ticket["number"]))
    return [t.subject if t else None for t in subjects]


def test_the_most_urgent_then_the_oldest_ticket_comes_first(staff_api_client, agent):
    # given
    _open("normal, oldest", minutes=0)
    _open("urgent, newer", minutes=5, priority=TicketPriority.URGENT)
    _open("low", minutes=1, priority=TicketPriority.LOW)
    _open("high", minutes=9, priority=TicketPriority.HIGH)
    _open("urgent, older", minutes=3, priority=TicketPriority.URGENT)
    raised = _open("raised to high later", minutes=10)
    change_priority(raised, TicketPriority.HIGH, actor=Actor.system())
    opened = _open("open", minutes=2)
    change_status(opened, TicketStatus.OPEN, actor=Actor.system())

    # when
    subjects = _subjects_in_taking_order(staff_api_client, 8)

    # then
    assert subjects == [
        "urgent, older",
        "urgent, newer",
        "high",
        "raised to high later",
        "normal, oldest",
        "open",
        "low",
        None,
    ]
    assert set(Ticket.objects.values_list("assignee_id", flat=True)) == {agent.pk}


def test_tickets_with_the_same_moment_go_by_id(staff_api_client):
    tickets = [_open(f"same moment {i}") for i in range(3)]

    subjects = _subjects_in_taking_order(staff_api_client, 3)

    assert subjects == [t.subject for t in sorted(tickets, key=lambda t: t.pk)]


def test_tickets_waiting_on_others_assigned_or_finished_are_not_in_the_queue(
    staff_api_client, second_agent
):
    # given
    for status in (TicketStatus.PENDING, TicketStatus.ON_HOLD, TicketStatus.SOLVED):
        change_status(_open(status, priority=TicketPriority.URGENT), status, actor=Actor.system())
    closed = _open("closed", priority=TicketPriority.URGENT)
    change_status(closed, TicketStatus.SOLVED, actor=Actor.system())
    change_status(closed, TicketStatus.CLOSED, actor=Actor.system())
    assign_ticket(_open("someone's"), second_agent.pk, actor=Actor.system())
    before = list(Ticket.objects.order_by("pk").values_list("pk", "assignee_id", "version"))

    # when
    result = staff_api_client.execute(TAKE_NEXT)

    # then
    assert result == {"data": {"supportTicketTakeNext": {"ticket": None, "errors": []}}}
    assert list(Ticket.objects.order_by("pk").values_list("pk", "assignee_id", "version")) == (
        before
    )


def test_taking_assigns_bumps_the_version_and_writes_the_timeline(staff_api_client, agent):
    # given
    ticket = _open("Where is my parcel?")

    # when
    result = staff_api_client.execute(TAKE_NEXT)

    # then
    assert result == {
        "data": {
            "supportTicketTakeNext": {
                "ticket": {
                    "id": to_global_id("SupportTicket", ticket.pk),
                    "number": ticket.number,
                    "status": "NEW",
                    "assignee": {"email": "agent@example.com"},
                    "version": 2,
                },
                "errors": [],
            }
        }
    }
    ticket.refresh_from_db()
    assert (ticket.assignee_id, ticket.version) == (agent.pk, 2)
    assert ticket.updated_at > START
    events = list(
        TicketEvent.objects.filter(ticket=ticket)
        .order_by("id")
        .values_list("type", "user_id", "parameters")
    )
    assert events == [
        (TicketEventType.OPENED, None, {"channel": "web", "source": ""}),
        (
            TicketEventType.ASSIGNED,
            agent.pk,
            {"old_assignee_id": None, "new_assignee_id": agent.pk},
        ),
    ]


def test_an_empty_queue_gives_no_ticket_and_no_error(staff_api_client):
    result = staff_api_client.execute(TAKE_NEXT)

    assert result == {"data": {"supportTicketTakeNext": {"ticket": None, "errors": []}}}


@pytest.fixture
def varied():
    """Four queued tickets differing in category, channel, tier and language."""
    tickets = {
        "refund_email_l2_ro": _open(
            "a",
            minutes=0,
            category=category_by_slug("refund"),
            channel=TicketChannel.EMAIL,
            customer=CustomerInfo(email="a@example.com", language_code="ro"),
        ),
        "delivery_chat_l1_pl": _open(
            "b",
            minutes=1,
            channel=TicketChannel.CHAT,
            customer=CustomerInfo(email="b@example.com", language_code="pl"),
        ),
        "delivery_web_l3_fa": _open(
            "c", minutes=2, customer=CustomerInfo(email="c@example.com", language_code="fa")
        ),
        "return_web_l1_pt": _open(
            "d",
            minutes=3,
            category=category_by_slug("return"),
            customer=CustomerInfo(email="d@example.com", language_code="pt-BR"),
        ),
    }
    Ticket.objects.filter(pk=tickets["refund_email_l2_ro"].pk).update(tier=TicketTier.L2)
    Ticket.objects.filter(pk=tickets["delivery_web_l3_fa"].pk).update(tier=TicketTier.L3)
    return tickets


@pytest.mark.parametrize(
    ("scope", "expected"),
    [
        ({"categories": ["delivery"]}, "delivery_chat_l1_pl"),
        ({"categories": ["return", "refund"]}, "refund_email_l2_ro"),
        ({"channels": ["WEB"]}, "delivery_web_l3_fa"),
        ({"tiers": ["L3", "L1"], "channels": ["WEB"]}, "delivery_web_l3_fa"),
        ({"tiers": ["L1"]}, "delivery_chat_l1_pl"),
        ({"languageCodes": ["PT-br"]}, "return_web_l1_pt"),
        ({"categories": ["delivery"], "languageCodes": ["fa", "ro"]}, "delivery_web_l3_fa"),
        ({"categories": ["no-such-category"]}, None),
        ({"tiers": ["L2"], "channels": ["CHAT"]}, None),
        ({}, "refund_email_l2_ro"),
    ],
)
def test_the_queue_can_be_narrowed(staff_api_client, varied, scope, expected):
    result = staff_api_client.execute(TAKE_NEXT, {"input": scope})

    ticket = _taken(result)
    assert (ticket and ticket["number"]) == (expected and varied[expected].number)


def test_an_app_cannot_take_tickets(monkeypatch, api_client, ticket):
    # given
    act_as(monkeypatch, app_with_manage_orders())

    # when
    result = api_client.execute(TAKE_NEXT)

    # then
    assert result == {
        "data": {
            "supportTicketTakeNext": {
                "ticket": None,
                "errors": [
                    {
                        "field": None,
                        "message": "Only a staff member's own account can take tickets; apps"
                        " cannot own them.",
                        "code": "INVALID",
                    }
                ],
            }
        }
    }
    ticket.refresh_from_db()
    assert (ticket.assignee_id, ticket.version) == (None, 1)


@pytest.mark.parametrize("who", ["customer_api_client", "api_client", "staff_without_permission"])
def test_only_agents_take_tickets(request, monkeypatch, ticket, agent, who):
    # given
    if who == "staff_without_permission":
        act_as(monkeypatch, staff_without_permissions(agent))
        who = "api_client"

    # when
    result = request.getfixturevalue(who).execute(TAKE_NEXT)

    # then
    assert result == {
        "data": {"supportTicketTakeNext": None},
        "errors": [
            {
                "message": "You need the following permissions to do this: MANAGE_ORDERS.",
                "locations": [{"line": 3, "column": 3}],
                "path": ["supportTicketTakeNext"],
                "extensions": {"exception": {"code": "PERMISSION_DENIED"}},
            }
        ],
    }
    ticket.refresh_from_db()
    assert (ticket.assignee_id, ticket.version) == (None, 1)
    assert TicketEvent.objects.filter(ticket=ticket).count() == 1


TAKE_NEXT_STATEMENTS = 5
"""The token's user, the agent's profile with their teams, the one UPDATE that picks, locks
and assigns, the timeline entry and the assignee for the payload."""


@pytest.mark.parametrize("queued", [1, 50])
def test_taking_costs_the_same_statements_however_long_the_queue(staff_api_client, queued):
    # given
    for index in range(queued):
        _open(f"Question {index}", minutes=index)

    # when
    with assert_statements(TAKE_NEXT_STATEMENTS):
        result = staff_api_client.execute(TAKE_NEXT, {"input": {"categories": ["delivery"]}})

    # then
    assert _taken(result)["version"] == 2


def test_the_queue_head_is_read_from_the_partial_index(db, agent):
    # given
    head = queue_head_select_for_update(
        queued_tickets(Ticket.objects.all(), QueueScope(channels=(TicketChannel.WEB,)))
    )
    sql, params = head.values("pk").query.sql_with_params()

    # when
    with connection.cursor() as cursor:
        # Tiny tables make any plan cheap; forbid the alternatives to see that the index fits.
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SET LOCAL enable_sort = off")
        cursor.execute(f"EXPLAIN {sql}", params)
        plan = "\n".join(row[0] for row in cursor.fetchall())

    # then
    assert "support_ticket_queue_idx" in plan
    assert "LockRows" in plan
    assert "Sort" not in plan


def test_the_dashboard_operation_takes_a_ticket(staff_api_client, ticket):
    operation = (DASHBOARD / "ticket_take_next.graphql").read_text()

    result = staff_api_client.execute(operation, {"input": {"channels": ["WEB"]}})

    assert "errors" not in result
    assert result["data"]["supportTicketTakeNext"]["ticket"]["number"] == ticket.number

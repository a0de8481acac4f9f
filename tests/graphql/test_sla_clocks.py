"""slaClocks on StaffTicket, and the agents' list filtered and sorted by SLA."""

from datetime import timedelta
from pathlib import Path
from types import SimpleNamespace

import pytest

from saleor_support_plugin.graphql.core.ids import to_global_id
from saleor_support_plugin.graphql.sla import dataloaders, filters
from saleor_support_plugin.sla.models import TicketSlaClock
from saleor_support_plugin.sla.sync import sync_ticket_clocks
from saleor_support_plugin.tickets import TicketStatus, actions
from saleor_support_plugin.tickets.actors import Actor
from tests.fixtures.sla import MONDAY_9
from tests.query_counts import assert_statements

CONTRACT = Path(__file__).resolve().parents[2] / "graphql"
TICKET = """
query Ticket($id: ID!) {
  supportTicket(id: $id) {
    ... on StaffTicket {
      slaClocks {
        kind state paused cycle targetMinutes startedAt warningAt dueAt remainingMinutes
        completedAt warnedAt breachedAt
      }
    }
  }
}
"""
LIST = """
query Tickets(
  $first: Int, $after: String, $filter: SupportTicketFilterInput, $sortBy: SupportTicketSortingInput
) {
  supportTickets(first: $first, after: $after, filter: $filter, sortBy: $sortBy) {
    edges {
      node { subject ... on StaffTicket { slaClocks { kind state dueAt remainingMinutes } } }
    }
    pageInfo { hasNextPage endCursor }
  }
}
"""
REPLY = """
mutation Reply($id: ID!, $body: String!) {
  supportTicketReply(id: $id, input: {body: $body}) {
    ticket { ... on StaffTicket { slaClocks { kind state completedAt } } }
    errors { code }
  }
}
"""


def minutes(n: float):
    return MONDAY_9 + timedelta(minutes=n)


@pytest.fixture
def read_at(monkeypatch):
    """Fix the moment the API reads clocks and filters by them."""

    def set_now(moment):
        clock = SimpleNamespace(now=lambda: moment)
        monkeypatch.setattr(dataloaders, "timezone", clock)
        monkeypatch.setattr(filters, "timezone", clock)

    return set_now


@pytest.fixture
def policy(sla_policy_generator):
    return sla_policy_generator(first_response_minutes=60, resolution_minutes=480)


def _gid(ticket):
    return to_global_id("SupportTicket", ticket.pk)


def test_agents_see_each_clock_with_its_time_left(
    staff_api_client, policy, sla_ticket_generator, read_at
):
    # given
    ticket = sla_ticket_generator()
    ticket = actions.change_status(
        ticket, TicketStatus.PENDING, actor=Actor.system(), now=minutes(50)
    )
    sync_ticket_clocks(ticket, now=minutes(51))
    read_at(minutes(90))

    # when
    result = staff_api_client.execute(TICKET, {"id": _gid(ticket)})

    # then
    assert result["data"]["supportTicket"]["slaClocks"] == [
        {
            "kind": "FIRST_RESPONSE",
            "state": "WARNING",
            "paused": True,
            "cycle": 1,
            "targetMinutes": 60,
            "startedAt": MONDAY_9.isoformat(),
            "warningAt": minutes(45).isoformat(),
            "dueAt": None,
            "remainingMinutes": 10.0,
            "completedAt": None,
            "warnedAt": None,
            "breachedAt": None,
        },
        {
            "kind": "RESOLUTION",
            "state": "ON_TRACK",
            "paused": True,
            "cycle": 1,
            "targetMinutes": 480,
            "startedAt": MONDAY_9.isoformat(),
            "warningAt": None,
            "dueAt": None,
            "remainingMinutes": 430.0,
            "completedAt": None,
            "warnedAt": None,
            "breachedAt": None,
        },
    ]


def test_time_left_is_counted_at_read_time_in_business_minutes(
    staff_api_client, policy, sla_ticket_generator, read_at
):
    # given: opened Friday 16:30, so due Monday 09:30; read on Monday at 09:45:30
    friday = MONDAY_9 + timedelta(days=4, hours=7, minutes=30)
    ticket = sla_ticket_generator(at=friday)
    sync_ticket_clocks(ticket, now=friday)
    read_at(friday + timedelta(days=2, hours=17, minutes=15, seconds=30))

    # when
    result = staff_api_client.execute(TICKET, {"id": _gid(ticket)})

    # then
    first = result["data"]["supportTicket"]["slaClocks"][0]
    assert (first["state"], first["dueAt"], first["remainingMinutes"]) == (
        "BREACHED",
        (friday + timedelta(days=2, hours=17)).isoformat(),
        -15.5,
    )


def test_a_reply_through_the_api_meets_the_first_response_after_commit(
    staff_api_client, policy, sla_ticket_generator, django_capture_on_commit_callbacks
):
    # given
    ticket = sla_ticket_generator()
    sync_ticket_clocks(ticket, now=minutes(1))

    # when
    with django_capture_on_commit_callbacks(execute=True):
        result = staff_api_client.execute(REPLY, {"id": _gid(ticket), "body": "On its way."})

    # then
    assert result["data"]["supportTicketReply"]["errors"] == []
    clock = TicketSlaClock.objects.get(ticket=ticket, kind="first_response")
    assert clock.status == "completed"


def test_customers_do_not_see_clocks(customer_api_client):
    result = customer_api_client.execute(
        "query { supportTickets { edges { node { ... on StaffTicket { slaClocks { kind } } } } } }"
    )

    assert result["data"]["supportTickets"]["edges"] == []


def _three_tickets(sla_ticket_generator):
    """Breached (due 10:00), warning (due 10:30), on track (due 11:45), and one without SLA."""
    made = []
    for subject, opened in (("breached", 0), ("warning", 30), ("on track", 105)):
        ticket = sla_ticket_generator(subject=subject, at=minutes(opened))
        sync_ticket_clocks(ticket, now=minutes(opened))
        made.append(ticket)
    made.append(sla_ticket_generator(subject="no sla", at=minutes(1)))
    return made


def _subjects(result):
    return [edge["node"]["subject"] for edge in result["data"]["supportTickets"]["edges"]]


@pytest.mark.parametrize(
    ("condition", "expected"),
    [
        ({"slaState": ["BREACHED"]}, {"breached"}),
        ({"slaState": ["BREACHED", "WARNING"]}, {"breached", "warning"}),
        ({"slaState": ["ON_TRACK"]}, {"on track"}),
        ({"slaDueWithinMinutes": 30}, {"warning"}),
        ({"slaDueWithinMinutes": 120}, {"warning", "on track"}),
    ],
)
def test_the_list_filters_by_sla(
    staff_api_client, sla_policy_generator, sla_ticket_generator, read_at, condition, expected
):
    # given
    sla_policy_generator(first_response_minutes=60)
    _three_tickets(sla_ticket_generator)
    read_at(minutes(75))

    # when
    result = staff_api_client.execute(LIST, {"filter": condition})

    # then
    assert set(_subjects(result)) == expected


def test_a_bad_due_window_is_refused(staff_api_client):
    result = staff_api_client.execute(LIST, {"filter": {"slaDueWithinMinutes": 0}})

    assert result["errors"][0]["extensions"]["exception"]["code"] == "INVALID_ARGUMENT"


@pytest.mark.parametrize(
    ("direction", "expected"),
    [
        ("ASC", ["breached", "warning", "on track", "no sla"]),
        ("DESC", ["on track", "warning", "breached", "no sla"]),
    ],
)
def test_the_list_sorts_by_due_time_page_by_page(
    staff_api_client, sla_policy_generator, sla_ticket_generator, direction, expected
):
    # given
    sla_policy_generator(first_response_minutes=60)
    _three_tickets(sla_ticket_generator)
    sort = {"field": "SLA_DUE", "direction": direction}

    # when: one ticket per page
    seen, after = [], None
    for _ in range(5):
        result = staff_api_client.execute(LIST, {"first": 1, "after": after, "sortBy": sort})
        seen += _subjects(result)
        page = result["data"]["supportTickets"]["pageInfo"]
        if not page["hasNextPage"]:
            break
        after = page["endCursor"]

    # then
    assert seen == expected


def test_customers_cannot_sort_or_filter_by_sla(customer_api_client):
    sort = customer_api_client.execute(LIST, {"sortBy": {"field": "SLA_DUE", "direction": "ASC"}})
    condition = customer_api_client.execute(LIST, {"filter": {"slaState": ["BREACHED"]}})

    assert [e["message"] for e in sort["errors"]] == [
        "Only agents can sort tickets by SLA due time."
    ]
    assert [e["message"] for e in condition["errors"]] == [
        "Only agents can filter tickets by sla_state."
    ]


LIST_WITH_CLOCKS_STATEMENTS = 6
"""The token's user, one page of tickets (SLA due time joined for the sort), their clocks,
and the calendars of running clocks with their intervals and holidays."""


@pytest.mark.parametrize("count", [1, 50])
def test_clocks_on_a_page_cost_the_same_statements_for_1_and_50_tickets(
    staff_api_client, policy, sla_ticket_generator, count
):
    # given
    for index in range(count):
        ticket = sla_ticket_generator(subject=f"Q{index}")
        sync_ticket_clocks(ticket, now=minutes(1))

    # when
    with assert_statements(LIST_WITH_CLOCKS_STATEMENTS):
        result = staff_api_client.execute(
            LIST,
            {
                "first": 50,
                "filter": {"slaState": ["ON_TRACK", "WARNING", "BREACHED"]},
                "sortBy": {"field": "SLA_DUE", "direction": "ASC"},
            },
        )

    # then
    edges = result["data"]["supportTickets"]["edges"]
    assert len(edges) == count
    assert all(len(edge["node"]["slaClocks"]) == 2 for edge in edges)


def test_the_dashboard_sla_queue_runs(
    staff_api_client, sla_policy_generator, sla_ticket_generator, read_at
):
    # given
    sla_policy_generator(first_response_minutes=60)
    _three_tickets(sla_ticket_generator)
    read_at(minutes(75))
    operation = (CONTRACT / "dashboard" / "ticket_queue_sla.graphql").read_text()

    # when
    result = staff_api_client.execute(
        operation, {"first": 10, "filter": {"slaState": ["BREACHED", "WARNING"]}}
    )

    # then
    edges = result["data"]["supportTickets"]["edges"]
    assert [(e["node"]["subject"], e["node"]["slaClocks"][0]["state"]) for e in edges] == [
        ("breached", "BREACHED"),
        ("warning", "WARNING"),
    ]

"""supportTickets { totalCount }: the inbox's view counts, one alias per view."""

from datetime import timedelta
from types import SimpleNamespace
from typing import Any
from uuid import uuid4

import pytest
from django.test import Client
from graphql.language.parser import parse

from saleor_support_plugin.graphql.api import schema
from saleor_support_plugin.graphql.core import connections
from saleor_support_plugin.graphql.core.execution import count_selections_and_aliases, query_cost
from saleor_support_plugin.graphql.sla import filters as sla_filters
from saleor_support_plugin.host.requestor import DeskPermission, Requestor, RequestorKind
from saleor_support_plugin.sla.sync import sync_ticket_clocks
from saleor_support_plugin.tickets import MessageAuthorType, TicketChannel, TicketStatus
from saleor_support_plugin.tickets.access_tokens import issue_access_token
from saleor_support_plugin.tickets.actions import (
    CustomerInfo,
    OrderInfo,
    add_message,
    assign_ticket,
    category_by_slug,
    change_status,
    open_ticket,
)
from saleor_support_plugin.tickets.actors import Actor
from tests.fixtures.sla import MONDAY_9
from tests.graphql.conftest import ApiClient
from tests.graphql.requestors import act_as
from tests.query_counts import assert_statements

ACTIVE = ["NEW", "OPEN", "PENDING", "ON_HOLD"]
NOW = MONDAY_9 + timedelta(minutes=75)
VIEWS: dict[str, dict[str, Any]] = {
    "mine": {"status": ACTIVE, "assignee": "me"},
    "unassigned": {"status": ["NEW", "OPEN"], "assignee": "unassigned"},
    "breaching": {"status": ACTIVE, "slaDueWithinMinutes": 120},
    "open": {"status": ACTIVE},
    "pending": {"status": ["PENDING"]},
    "solved": {"status": ["SOLVED"], "updated": {"gte": (NOW - timedelta(days=7)).isoformat()}},
}
"""The inbox's saved views, as the workspace sends them."""

COUNTS = """
query TicketCounts(
  $mine: SupportTicketFilterInput, $unassigned: SupportTicketFilterInput,
  $breaching: SupportTicketFilterInput, $open: SupportTicketFilterInput,
  $pending: SupportTicketFilterInput, $solved: SupportTicketFilterInput
) {
  mine: supportTickets(first: 1, filter: $mine) { totalCount }
  unassigned: supportTickets(first: 1, filter: $unassigned) { totalCount }
  breaching: supportTickets(first: 1, filter: $breaching) { totalCount }
  open: supportTickets(first: 1, filter: $open) { totalCount }
  pending: supportTickets(first: 1, filter: $pending) { totalCount }
  solved: supportTickets(first: 1, filter: $solved) { totalCount }
}
"""
LIST = """
query Tickets($filter: SupportTicketFilterInput, $search: String, $first: Int) {
  supportTickets(first: $first, filter: $filter, search: $search) {
    totalCount
    edges { node { number } }
    pageInfo { hasNextPage }
  }
}
"""
COUNT = """
query Count($filter: SupportTicketFilterInput, $search: String) {
  supportTickets(filter: $filter, search: $search) { totalCount }
}
"""


@pytest.fixture
def read_at(monkeypatch):
    """Fix the moment the SLA filters compare due times with."""
    monkeypatch.setattr(sla_filters, "timezone", SimpleNamespace(now=lambda: NOW))


def _open(subject, *, at=MONDAY_9, order_channel=None, customer=None, email="", **values):
    order = None
    if order_channel is not None:
        order = OrderInfo(order_id=uuid4(), number=subject, channel=order_channel, snapshot={})
    return open_ticket(
        subject=subject,
        category=category_by_slug("delivery"),
        channel=TicketChannel.WEB,
        actor=Actor.system(),
        customer=CustomerInfo(
            user_id=customer.pk if customer else None,
            email=customer.email if customer else email or "buyer@example.com",
        ),
        order=order,
        source="customer",
        now=at,
        **values,
    )


@pytest.fixture
def inbox(agent, second_agent, sla_policy_generator):
    """Tickets of every view: the agent's and another's, unassigned, waiting, solved."""
    sla_policy_generator(first_response_minutes=60)
    tickets: dict[str, Any] = {}

    def make(name, *, status=None, assignee=None, at=MONDAY_9, clocks=False):
        ticket = _open(name, at=at)
        if clocks:
            sync_ticket_clocks(ticket, now=at)
        if assignee is not None:
            ticket = assign_ticket(ticket, assignee.pk, actor=Actor.system(), now=at)
        for step in status or []:
            ticket = change_status(ticket, step, actor=Actor.system(), now=at)
        tickets[name] = ticket

    make("mine new", assignee=agent)
    make("mine open", assignee=agent, status=[TicketStatus.OPEN])
    make("mine pending", assignee=agent, status=[TicketStatus.PENDING])
    make("mine solved", assignee=agent, status=[TicketStatus.SOLVED])
    make("other open", assignee=second_agent, status=[TicketStatus.OPEN])
    make("unassigned new", clocks=True, at=MONDAY_9 + timedelta(minutes=30))
    make("unassigned open", status=[TicketStatus.OPEN], clocks=True)
    make("unassigned on hold", status=[TicketStatus.ON_HOLD])
    make("waiting", status=[TicketStatus.PENDING])
    make("solved lately", status=[TicketStatus.SOLVED], at=NOW - timedelta(days=2))
    make("solved long ago", status=[TicketStatus.SOLVED], at=NOW - timedelta(days=30))
    make("closed", status=[TicketStatus.SOLVED, TicketStatus.CLOSED])
    return tickets


def _counts(result):
    assert "errors" not in result, result
    return {name: value["totalCount"] for name, value in result["data"].items()}


def test_each_view_counts_the_tickets_it_lists(staff_api_client, inbox, read_at):
    # when
    counts = _counts(staff_api_client.execute(COUNTS, VIEWS))

    # then
    listed = {
        name: staff_api_client.execute(LIST, {"filter": condition, "first": 100})["data"][
            "supportTickets"
        ]
        for name, condition in VIEWS.items()
    }
    assert counts == {name: len(page["edges"]) for name, page in listed.items()}
    assert counts == {
        "mine": 3,
        "unassigned": 2,
        "breaching": 1,
        "open": 8,
        "pending": 2,
        "solved": 2,
    }
    assert {name: page["totalCount"] for name, page in listed.items()} == counts


def test_the_count_covers_every_page_not_only_the_first(staff_api_client, inbox):
    result = staff_api_client.execute(LIST, {"filter": VIEWS["open"], "first": 2})

    connection = result["data"]["supportTickets"]
    assert len(connection["edges"]) == 2
    assert connection["pageInfo"]["hasNextPage"] is True
    assert connection["totalCount"] == 8


COUNT_STATEMENTS = 7
"""The token's user, then one capped count per view; no ticket row is read."""


def test_six_view_counts_cost_one_statement_each_and_read_no_page(staff_api_client, inbox, read_at):
    with assert_statements(COUNT_STATEMENTS) as captured:
        staff_api_client.execute(COUNTS, VIEWS)

    counts = captured.statements[1:]
    assert all(sql.startswith("SELECT COUNT(*) FROM (SELECT") for sql in counts), counts
    assert all(sql.endswith("LIMIT 1000) subquery") for sql in counts), counts


@pytest.mark.parametrize("number_of_tickets", [1, 30])
def test_a_page_with_its_count_costs_one_statement_more(staff_api_client, number_of_tickets):
    # given
    for index in range(number_of_tickets):
        _open(f"Question {index}")

    # when
    with assert_statements(3):  # the token's user, the page, the count
        result = staff_api_client.execute(LIST, {"first": 50})

    # then
    assert result["data"]["supportTickets"]["totalCount"] == number_of_tickets


def test_counts_stop_at_the_limit(staff_api_client, monkeypatch):
    # given
    monkeypatch.setattr(connections, "COUNT_LIMIT", 4)
    tickets = [_open(f"Question {index}") for index in range(6)]

    # when
    capped = staff_api_client.execute(COUNT)
    under = staff_api_client.execute(
        COUNT, {"filter": {"number": [ticket.number for ticket in tickets[:3]]}}
    )

    # then
    assert capped["data"]["supportTickets"]["totalCount"] == 4
    assert under["data"]["supportTickets"]["totalCount"] == 3


def test_a_search_counts_its_matches(staff_api_client):
    # given
    _open("Kettle leaks")
    _open("Parcel late")
    ticket = _open("Question")
    add_message(
        ticket,
        author_type=MessageAuthorType.CUSTOMER,
        actor=Actor.system(),
        body="The kettle is broken",
        plain_text=True,
    )

    # when
    result = staff_api_client.execute(LIST, {"search": "kettle"})

    # then
    connection = result["data"]["supportTickets"]
    assert connection["totalCount"] == len(connection["edges"]) == 2


def test_staff_limited_to_channels_count_only_theirs(staff_api_client, agent, monkeypatch):
    # given
    _open("Romanian order", order_channel="ro-store")
    _open("Polish order", order_channel="pl-store")
    _open("Another Polish order", order_channel="pl-store")
    _open("No order")
    act_as(
        monkeypatch,
        Requestor(
            kind=RequestorKind.STAFF,
            user_id=agent.pk,
            permissions=frozenset({DeskPermission.MANAGE_ORDERS.value}),
            channels=frozenset({"ro-store"}),
        ),
    )

    # when
    result = staff_api_client.execute(LIST, {"first": 100})

    # then
    connection = result["data"]["supportTickets"]
    assert connection["totalCount"] == 2
    assert len(connection["edges"]) == 2


def test_customers_and_guests_count_only_their_own_tickets(
    customer_api_client, api_client, customer_user
):
    # given
    own = _open("Mine", customer=customer_user)
    _open("Mine too", customer=customer_user)
    _open("Somebody else's", email="other@example.com")
    guest = ApiClient(Client(), issue_access_token(own))

    # when
    customer = customer_api_client.execute(COUNT)
    open_only = customer_api_client.execute(COUNT, {"filter": {"status": ["NEW"]}})
    guest_count = guest.execute(COUNT)
    anonymous = api_client.execute(COUNT)

    # then
    assert customer["data"]["supportTickets"]["totalCount"] == 2
    assert open_only["data"]["supportTickets"]["totalCount"] == 2
    assert guest_count["data"]["supportTickets"]["totalCount"] == 1
    assert anonymous["data"]["supportTickets"]["totalCount"] == 0


def test_six_counts_fit_the_request_limits():
    document = parse(COUNTS)

    assert count_selections_and_aliases(document) == (12, 6)
    assert query_cost(schema, document, variables=VIEWS) == 12

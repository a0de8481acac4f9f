"""supportTickets: the agents' list, filtered, sorted and paged by keyset cursors."""

import base64
import json
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from saleor_support_plugin.graphql.core.connections import encode_cursor
from saleor_support_plugin.graphql.core.ids import to_global_id
from saleor_support_plugin.tickets import MessageAuthorType, TicketChannel, TicketPriority
from saleor_support_plugin.tickets.actions import (
    CustomerInfo,
    add_message,
    assign_ticket,
    category_by_slug,
    change_status,
    open_ticket,
)
from saleor_support_plugin.tickets.actors import Actor
from saleor_support_plugin.tickets.models import Ticket
from tests.query_counts import assert_statements

NUMBERS = """
query Tickets(
  $first: Int, $after: String, $filter: SupportTicketFilterInput, $sortBy: SupportTicketSortingInput
) {
  supportTickets(first: $first, after: $after, filter: $filter, sortBy: $sortBy) {
    edges { cursor node { number } }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  }
}
"""

QUEUE = """
query Queue($first: Int) {
  supportTickets(first: $first) {
    edges {
      node {
        id number subject status channel createdAt
        category { slug }
        messages(first: 1) {
          edges { node { body ... on StaffTicketMessage { author { email } } } }
        }
        ... on StaffTicket { priority tags customer { email } assignee { email } }
      }
    }
    pageInfo { hasNextPage endCursor }
  }
}
"""

START = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)
PRIORITIES = [
    TicketPriority.LOW,
    TicketPriority.URGENT,
    TicketPriority.NORMAL,
    TicketPriority.HIGH,
    TicketPriority.NORMAL,
]


def _open(number_of_tickets, *, customer=None, **overrides):
    tickets = []
    for index in range(number_of_tickets):
        values: dict[str, Any] = {
            "subject": f"Question {index}",
            "category": category_by_slug("delivery"),
            "channel": TicketChannel.WEB,
            "actor": Actor.system(),
            "priority": PRIORITIES[index % len(PRIORITIES)],
            "customer": CustomerInfo(
                user_id=customer.pk if customer else None,
                email=customer.email if customer else f"buyer{index}@example.com",
            ),
            # Three tickets share each second, so ties are broken by id.
            "now": START + timedelta(seconds=index // 3),
        }
        values.update(overrides)
        tickets.append(open_ticket(**values))
    return tickets


def _numbers(result):
    return [edge["node"]["number"] for edge in result["data"]["supportTickets"]["edges"]]


def _all_pages(client, page_size, sort_by=None):
    numbers, after, pages = [], None, []
    while True:
        result = client.execute(NUMBERS, {"first": page_size, "after": after, "sortBy": sort_by})
        connection = result["data"]["supportTickets"]
        numbers += _numbers(result)
        pages.append(len(connection["edges"]))
        if not connection["pageInfo"]["hasNextPage"]:
            return numbers, pages
        after = connection["pageInfo"]["endCursor"]


def test_120_tickets_page_by_page_without_gaps_or_repeats(staff_api_client):
    # given
    tickets = _open(120)
    newest_first = sorted(tickets, key=lambda t: (t.updated_at, t.pk), reverse=True)

    # when
    numbers, pages = _all_pages(staff_api_client, 50)

    # then
    assert pages == [50, 50, 20]
    assert numbers == [t.number for t in newest_first]


SORT_KEYS = {
    "CREATED": lambda t: (t.created_at, t.pk),
    "UPDATED": lambda t: (t.updated_at, t.pk),
    "PRIORITY": lambda t: (TicketPriority.RANK[t.priority], t.pk),
    "NUMBER": lambda t: (t.number, t.pk),
}


@pytest.mark.parametrize("direction", ["ASC", "DESC"])
@pytest.mark.parametrize("field", list(SORT_KEYS))
def test_every_sort_order_pages_through_all_tickets(staff_api_client, field, direction):
    # given
    tickets = _open(45)
    expected = sorted(tickets, key=SORT_KEYS[field], reverse=direction == "DESC")

    # when
    numbers, pages = _all_pages(staff_api_client, 20, {"field": field, "direction": direction})

    # then
    assert pages == [20, 20, 5]
    assert numbers == [t.number for t in expected]


def test_the_first_page_says_where_it_ends(staff_api_client):
    # given
    _open(3)

    # when
    result = staff_api_client.execute(NUMBERS, {"first": 2})

    # then
    connection = result["data"]["supportTickets"]
    cursors = [edge["cursor"] for edge in connection["edges"]]
    assert connection["pageInfo"] == {
        "hasNextPage": True,
        "hasPreviousPage": False,
        "startCursor": cursors[0],
        "endCursor": cursors[1],
    }


def test_agents_get_50_tickets_unless_they_ask(staff_api_client):
    _open(51)

    result = staff_api_client.execute(NUMBERS)

    assert len(_numbers(result)) == 50
    assert result["data"]["supportTickets"]["pageInfo"]["hasNextPage"] is True


def _invalid_argument(message):
    return {
        "data": {"supportTickets": None},
        "errors": [
            {
                "message": message,
                "locations": [{"line": 5, "column": 3}],
                "path": ["supportTickets"],
                "extensions": {"exception": {"code": "INVALID_ARGUMENT"}},
            }
        ],
    }


@pytest.mark.parametrize("first", [101, 0, -1])
def test_first_must_be_between_1_and_100(staff_api_client, first):
    result = staff_api_client.execute(NUMBERS, {"first": first})

    assert result == _invalid_argument(f"`first` must be between 1 and 100; {first} was given.")


def _raw_cursor(payload):
    return base64.urlsafe_b64encode(json.dumps(payload).encode()).decode()


@pytest.mark.parametrize(
    "cursor",
    [
        "garbage",
        encode_cursor("number:asc", (1000, 1)),
        _raw_cursor(["updated:desc", 1000, 1]),
        _raw_cursor(["updated:desc", "2026-11-02T09:00:00", 1]),
        _raw_cursor(["updated:desc", "2026-11-02T09:00:00+00:00"]),
        _raw_cursor(["updated:desc", "2026-11-02T09:00:00+00:00", True]),
    ],
    ids=["garbage", "other-order", "wrong-type", "naive-time", "short", "boolean-id"],
)
def test_a_cursor_only_continues_its_own_list(staff_api_client, cursor):
    _open(1)

    result = staff_api_client.execute(NUMBERS, {"after": cursor})

    assert result == _invalid_argument("`after` is not a cursor of this list in this order.")


@pytest.fixture
def assorted(agent, second_agent):
    [low_web, urgent_email, normal_chat] = _open(3)
    Ticket.objects.filter(pk=urgent_email.pk).update(
        channel=TicketChannel.EMAIL, order_number="1042"
    )
    Ticket.objects.filter(pk=normal_chat.pk).update(
        channel=TicketChannel.CHAT, category=category_by_slug("refund")
    )
    assign_ticket(low_web, agent.pk, actor=Actor.system())
    assign_ticket(urgent_email, second_agent.pk, actor=Actor.system())
    change_status(normal_chat, "open", actor=Actor.system())
    return {"low_web": low_web, "urgent_email": urgent_email, "normal_chat": normal_chat}


@pytest.mark.parametrize(
    ("filter_", "expected"),
    [
        ({"status": ["OPEN"]}, ["normal_chat"]),
        ({"status": ["NEW", "OPEN"]}, ["low_web", "urgent_email", "normal_chat"]),
        ({"priority": ["URGENT", "LOW"]}, ["low_web", "urgent_email"]),
        ({"category": ["refund"]}, ["normal_chat"]),
        ({"channel": ["EMAIL", "CHAT"]}, ["urgent_email", "normal_chat"]),
        ({"assignee": "me"}, ["low_web"]),
        ({"assignee": "unassigned"}, ["normal_chat"]),
        ({"orderNumber": " 1042 "}, ["urgent_email"]),
        ({"status": ["NEW"], "channel": ["WEB"]}, ["low_web"]),
        ({"category": ["no-such-category"]}, []),
    ],
)
def test_filters(staff_api_client, assorted, filter_, expected):
    result = staff_api_client.execute(
        NUMBERS, {"filter": filter_, "sortBy": {"field": "NUMBER", "direction": "ASC"}}
    )

    assert _numbers(result) == [assorted[name].number for name in expected]


def test_filter_by_another_agent(staff_api_client, assorted, second_agent):
    result = staff_api_client.execute(
        NUMBERS, {"filter": {"assignee": to_global_id("User", second_agent.pk)}}
    )

    assert _numbers(result) == [assorted["urgent_email"].number]


def test_an_unknown_assignee_filter_is_an_invalid_argument(staff_api_client):
    result = staff_api_client.execute(NUMBERS, {"filter": {"assignee": "somebody"}})

    assert result == _invalid_argument(
        '`filter.assignee` must be "me", "unassigned" or a `User` id.'
    )


@pytest.mark.parametrize("who", ["customer_api_client", "api_client"])
def test_customers_and_anonymous_callers_do_not_list_others_tickets(request, ticket, who):
    result = request.getfixturevalue(who).execute(NUMBERS)

    assert result == {
        "data": {
            "supportTickets": {
                "edges": [],
                "pageInfo": {
                    "hasNextPage": False,
                    "hasPreviousPage": False,
                    "startCursor": None,
                    "endCursor": None,
                },
            }
        }
    }


LIST_STATEMENTS = 5
"""The token's user, one page of tickets, their categories, the people on them (customers and
assignees; message authors are among them) and the first message of every ticket."""


@pytest.mark.parametrize("number_of_tickets", [1, 50])
def test_the_list_costs_the_same_statements_for_1_and_50_tickets(
    staff_api_client, agent, customer_user, number_of_tickets
):
    # given
    for ticket in _open(number_of_tickets, customer=customer_user):
        add_message(
            ticket,
            author_type=MessageAuthorType.CUSTOMER,
            actor=Actor.user(customer_user.pk),
            body="Where is it?",
            plain_text=True,
        )
        assign_ticket(ticket, agent.pk, actor=Actor.system())

    # when
    with assert_statements(LIST_STATEMENTS):
        result = staff_api_client.execute(QUEUE, {"first": 50})

    # then
    edges = result["data"]["supportTickets"]["edges"]
    assert len(edges) == number_of_tickets
    assert {
        (
            edge["node"]["customer"]["email"],
            edge["node"]["assignee"]["email"],
            edge["node"]["messages"]["edges"][0]["node"]["author"]["email"],
        )
        for edge in edges
    } == {("ana.popescu@example.com", "agent@example.com", "ana.popescu@example.com")}

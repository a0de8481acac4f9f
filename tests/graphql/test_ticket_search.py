"""supportTickets(search: ...): ranked full-text search, paged by relevance cursors."""

import base64
import json
from datetime import UTC, datetime, timedelta

import pytest

from saleor_support_plugin.graphql.core.connections import encode_cursor
from saleor_support_plugin.search.queries import MAX_SEARCH_LENGTH
from saleor_support_plugin.tickets import MessageAuthorType, TicketChannel
from saleor_support_plugin.tickets.actions import (
    CustomerInfo,
    add_message,
    assign_ticket,
    category_by_slug,
    change_status,
    open_ticket,
)
from saleor_support_plugin.tickets.actors import Actor
from tests.query_counts import assert_statements

SEARCH = """
query Search(
  $search: String, $first: Int, $after: String, $filter: SupportTicketFilterInput,
  $sortBy: SupportTicketSortingInput
) {
  supportTickets(search: $search, first: $first, after: $after, filter: $filter, sortBy: $sortBy) {
    edges { cursor node { number subject } }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  }
}
"""

SEARCH_QUEUE = """
query SearchQueue($search: String, $first: Int) {
  supportTickets(search: $search, first: $first) {
    edges {
      node {
        id number subject status channel createdAt
        category { slug }
        ... on StaffTicket { priority tags customer { email } assignee { email } }
      }
    }
    pageInfo { hasNextPage endCursor }
  }
}
"""

START = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)


def _open(subject, *, index=0, message="", email="", name="", customer=None):
    ticket = open_ticket(
        subject=subject,
        category=category_by_slug("delivery"),
        channel=TicketChannel.EMAIL,
        actor=Actor.system(),
        customer=CustomerInfo(
            user_id=customer.pk if customer else None,
            email=customer.email if customer else email,
            name=name,
        ),
        source="customer",
        now=START + timedelta(seconds=index),
    )
    if message:
        add_message(
            ticket,
            author_type=MessageAuthorType.CUSTOMER,
            actor=Actor.system(),
            body=message,
            plain_text=True,
            now=START + timedelta(seconds=index),
        )
    return ticket


def _subjects(result):
    return [edge["node"]["subject"] for edge in result["data"]["supportTickets"]["edges"]]


def _numbers(result):
    return [edge["node"]["number"] for edge in result["data"]["supportTickets"]["edges"]]


def _error(code, message):
    return {
        "data": {"supportTickets": None},
        "errors": [
            {
                "message": message,
                "locations": [{"line": 6, "column": 3}],
                "path": ["supportTickets"],
                "extensions": {"exception": {"code": code}},
            }
        ],
    }


def test_results_come_most_relevant_first(staff_api_client):
    # given
    _open("A question", index=0, message="The kettle leaks")
    _open("Kettle leaks", index=1, message="The kettle leaks everywhere")
    _open("Kettle", index=2)
    _open("Parcel", index=3, name="Kettle Jones")
    _open("Unrelated", index=4, message="The mug is fine")

    # when
    result = staff_api_client.execute(SEARCH, {"search": "kettle"})

    # then
    assert _subjects(result) == ["Kettle leaks", "Kettle", "Parcel", "A question"]


def test_websearch_syntax_reaches_the_database(staff_api_client):
    _open("Blue kettle broken", index=0)
    _open("Red kettle broken", index=1)
    _open("Blue mug broken", index=2)

    result = staff_api_client.execute(SEARCH, {"search": '"blue kettle" or mug -red'})

    assert sorted(_subjects(result)) == ["Blue kettle broken", "Blue mug broken"]


def test_diacritics_and_letter_forms_in_the_api(staff_api_client):
    _open("Factură greşită", index=0)
    _open("سفارش من كجاست", index=1)

    assert _subjects(staff_api_client.execute(SEARCH, {"search": "gresita"})) == ["Factură greşită"]
    assert _subjects(staff_api_client.execute(SEARCH, {"search": "کجاست"})) == ["سفارش من كجاست"]


def test_a_reply_is_found_once_it_is_committed(staff_api_client, agent):
    # given
    ticket = _open("Where is my parcel?")
    assert _subjects(staff_api_client.execute(SEARCH, {"search": "ZX98123"})) == []

    # when
    add_message(
        ticket,
        author_type=MessageAuthorType.AGENT,
        actor=Actor.user(agent.pk),
        body="Tracking number ZX98123",
    )

    # then
    assert _subjects(staff_api_client.execute(SEARCH, {"search": "zx98123"})) == [
        "Where is my parcel?"
    ]


def _all_pages(client, page_size, search, sort_by=None):
    numbers, after, pages = [], None, []
    while True:
        result = client.execute(
            SEARCH, {"search": search, "first": page_size, "after": after, "sortBy": sort_by}
        )
        connection = result["data"]["supportTickets"]
        numbers += _numbers(result)
        pages.append(len(connection["edges"]))
        if not connection["pageInfo"]["hasNextPage"]:
            return numbers, pages
        after = connection["pageInfo"]["endCursor"]


@pytest.fixture
def many_matches():
    """120 matching tickets with six different ranks (ties broken by id) and 10 others."""
    tickets = []
    for index in range(120):
        subject = "Kettle " * (index % 3 + 1) if index % 2 else f"Question {index}"
        message = "kettle" if index % 2 == 0 or index % 4 == 1 else ""
        tickets.append(_open(subject.strip(), index=index, message=message))
    for index in range(10):
        _open(f"Mug {index}", index=200 + index)
    return tickets


def test_search_pages_by_relevance_without_gaps_or_repeats(staff_api_client, many_matches):
    # given: every match in the order of the first, single page
    whole = staff_api_client.execute(SEARCH, {"search": "kettle", "first": 100})
    first_100 = _numbers(whole)

    # when
    numbers, pages = _all_pages(staff_api_client, 25, "kettle")

    # then
    assert pages == [25, 25, 25, 25, 20]
    assert numbers[:100] == first_100
    assert sorted(numbers) == sorted(t.number for t in many_matches)
    assert len(set(numbers)) == 120


def test_relevance_ties_are_broken_by_newest_id(staff_api_client):
    tickets = [_open("Kettle", index=index) for index in range(5)]

    numbers, pages = _all_pages(staff_api_client, 2, "kettle")

    assert pages == [2, 2, 1]
    assert numbers == [t.number for t in reversed(tickets)]


def test_search_with_sort_by_uses_that_order(staff_api_client, many_matches):
    numbers, pages = _all_pages(
        staff_api_client, 50, "kettle", {"field": "NUMBER", "direction": "ASC"}
    )

    assert pages == [50, 50, 20]
    assert numbers == sorted(t.number for t in many_matches)


def test_search_and_filter_apply_together(staff_api_client):
    open_kettle = _open("Kettle one", index=0)
    _open("Kettle two", index=1)
    _open("Mug", index=2)
    change_status(open_kettle, "open", actor=Actor.system())

    result = staff_api_client.execute(SEARCH, {"search": "kettle", "filter": {"status": ["OPEN"]}})

    assert _subjects(result) == ["Kettle one"]


@pytest.mark.parametrize("search", [None, "", "   "])
def test_a_blank_search_lists_everything(staff_api_client, search):
    _open("Kettle", index=0)
    _open("Mug", index=1)

    result = staff_api_client.execute(SEARCH, {"search": search})

    assert _subjects(result) == ["Mug", "Kettle"]


def test_a_cursor_of_another_search_is_refused(staff_api_client):
    _open("Kettle mug", index=0)
    _open("Kettle mug", index=1)
    first = staff_api_client.execute(SEARCH, {"search": "kettle", "first": 1})
    cursor = first["data"]["supportTickets"]["pageInfo"]["endCursor"]

    result = staff_api_client.execute(SEARCH, {"search": "mug", "first": 1, "after": cursor})

    assert result == _error(
        "INVALID_ARGUMENT", "`after` is not a cursor of this list in this order."
    )


@pytest.mark.parametrize("rank", ["0.5", None, True, float("inf"), float("nan")], ids=str)
def test_a_relevance_cursor_needs_a_finite_rank(staff_api_client, rank):
    _open("Kettle", index=0)
    first = staff_api_client.execute(SEARCH, {"search": "kettle", "first": 1})
    name = _decode(first["data"]["supportTickets"]["pageInfo"]["endCursor"])[0]

    result = staff_api_client.execute(
        SEARCH, {"search": "kettle", "after": encode_cursor(name, (rank, 1))}
    )

    assert result == _error(
        "INVALID_ARGUMENT", "`after` is not a cursor of this list in this order."
    )


def _decode(cursor):
    return json.loads(base64.urlsafe_b64decode(cursor.encode()))


def test_an_over_long_search_is_an_invalid_argument(staff_api_client):
    text = "kettle " * 40

    result = staff_api_client.execute(SEARCH, {"search": text})

    assert result == _error(
        "INVALID_ARGUMENT",
        f"`search` can have at most {MAX_SEARCH_LENGTH} characters; {len(text)} were given.",
    )


def test_a_search_of_exactly_the_limit_is_accepted(staff_api_client):
    _open("Kettle", index=0)
    text = "kettle" + " " * (MAX_SEARCH_LENGTH - 6)

    result = staff_api_client.execute(SEARCH, {"search": text})

    assert _subjects(result) == ["Kettle"]


@pytest.mark.parametrize("who", ["customer_api_client", "api_client"])
def test_only_agents_may_search(request, customer_user, who):
    _open("Kettle", customer=customer_user)

    result = request.getfixturevalue(who).execute(SEARCH, {"search": "kettle"})

    assert result == _error(
        "PERMISSION_DENIED", "You need the following permissions to do this: MANAGE_ORDERS."
    )


SEARCH_STATEMENTS = 4
"""The token's user, one page of ranked matches (matching, bounding and ranking are one
statement), their categories, and the people on them (customers and assignees)."""


@pytest.mark.parametrize("number_of_tickets", [1, 50])
def test_a_search_page_costs_the_same_statements_for_1_and_50_results(
    staff_api_client, agent, customer_user, number_of_tickets
):
    # given
    for index in range(number_of_tickets):
        ticket = _open(f"Kettle {index}", index=index, message="kettle", customer=customer_user)
        assign_ticket(ticket, agent.pk, actor=Actor.system())
    _open("Mug", index=100)

    # when
    with assert_statements(SEARCH_STATEMENTS):
        result = staff_api_client.execute(SEARCH_QUEUE, {"search": "kettle", "first": 50})

    # then
    edges = result["data"]["supportTickets"]["edges"]
    assert len(edges) == number_of_tickets
    assert {edge["node"]["assignee"]["email"] for edge in edges} == {agent.email}
    assert {edge["node"]["customer"]["email"] for edge in edges} == {customer_user.email}


def test_a_ticket_number_finds_its_ticket(staff_api_client, ticket_generator):
    tickets = [ticket_generator(subject=f"Subject {i}") for i in range(3)]
    query = "query($q: String) { supportTickets(search: $q) { edges { node { number } } } }"

    for text in (str(tickets[1].number), f"#{tickets[1].number}"):
        result = staff_api_client.execute(query, {"q": text})
        assert result["data"]["supportTickets"]["edges"] == [
            {"node": {"number": tickets[1].number}}
        ]


def test_tickets_filtered_by_number(staff_api_client, ticket_generator):
    tickets = [ticket_generator(subject=f"Subject {i}") for i in range(3)]
    query = """query($n: [Int!]) {
      supportTickets(filter: {number: $n}, sortBy: {field: NUMBER, direction: ASC}) {
        edges { node { number } } } }"""

    result = staff_api_client.execute(query, {"n": [tickets[0].number, tickets[2].number]})

    assert [e["node"]["number"] for e in result["data"]["supportTickets"]["edges"]] == [
        tickets[0].number,
        tickets[2].number,
    ]

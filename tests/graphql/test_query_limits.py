"""Limits on what one document may ask: aliases, selections, depth, cost; refused unrun."""

from pathlib import Path

import pytest
from django.test import Client
from graphql.language.parser import parse

from saleor_support_plugin.graphql.api import schema
from saleor_support_plugin.graphql.core.execution import (
    count_selections_and_aliases,
    query_cost,
    query_depth,
)
from tests.query_counts import assert_statements, capture_statements

DASHBOARD = Path(__file__).resolve().parents[2] / "graphql" / "dashboard"
STOREFRONT = DASHBOARD.parent / "storefront"
TICKET_QUEUE = (DASHBOARD / "ticket_queue.graphql").read_text()
TICKET_DETAIL = (DASHBOARD / "ticket_detail.graphql").read_text()

NESTED_PAGES = """
query Nested($tickets: Int, $messages: Int) {
  supportTickets(first: $tickets) {
    edges { node { messages(first: $messages) { edges { node { body } } } } }
  }
}
"""
PAGE_FRAGMENT = """
query Page($n: Int) { supportTickets(first: $n) { ...Page } }
fragment Page on SupportTicketConnection {
  edges { node { id } }
  pageInfo { hasNextPage }
}
"""


def _error(code, message):
    return {"errors": [{"message": message, "extensions": {"exception": {"code": code}}}]}


def _aliased_viewers(count):
    return "{ " + " ".join(f"a{i}: supportViewer {{ kind }}" for i in range(count)) + " }"


def _limits(settings, **values):
    settings.SUPPORT_DESK = {**settings.SUPPORT_DESK, **values}


def _cost(query, variables=None, operation_name=None):
    return query_cost(schema, parse(query), operation_name=operation_name, variables=variables)


def test_the_agent_queue_costs_one_per_field_and_a_page_of_rows():
    # 1 supportTickets + 50 rows x (edges 1 + node 1 + TicketRow 18) + pageInfo 3
    assert _cost(TICKET_QUEUE) == 1 + 50 * 20 + 3 == 1004
    assert _cost(TICKET_QUEUE, {"first": 10}) == 1 + 10 * 20 + 3
    assert _cost(TICKET_QUEUE, {"first": 500}) == 1 + 100 * 20 + 3


def test_the_ticket_page_costs_its_fields_and_both_pages():
    # 1 supportTicket + 29 for its fields and objects + messages 1 + 50 x 9 + 3
    # + customerSatisfaction 14 (5 fields, nps 2, recent 1 + 6) + surveyAnswers 1 + 3
    # + events 1 + 100 x 7
    assert _cost(TICKET_DETAIL) == 1 + 29 + (1 + 50 * 9 + 3) + 14 + 4 + (1 + 100 * 7) == 1203


@pytest.mark.parametrize(
    ("variables", "cost"),
    [({"n": 10}, 1 + 10 * 3 + 2), ({}, 1 + 50 * 3 + 2), ({"n": None}, 1 + 50 * 3 + 2)],
)
def test_a_fragment_at_page_level_counts_its_rows_per_item(variables, cost):
    assert _cost(PAGE_FRAGMENT, variables) == cost


def test_a_variable_default_sets_the_page_size():
    query = PAGE_FRAGMENT.replace("$n: Int)", "$n: Int = 20)")

    assert _cost(query) == 1 + 20 * 3 + 2


def test_nested_pages_multiply():
    # messages: 1 + m x (edges 1 + node 1 + body 1); tickets: 1 + t x (edges 1 + node 1 + that)
    assert _cost(NESTED_PAGES, {"tickets": 10, "messages": 5}) == 1 + 10 * (2 + 1 + 5 * 3)
    assert _cost(NESTED_PAGES, {"tickets": 100, "messages": 100}) == 1 + 100 * (3 + 300)


def test_only_the_operation_that_runs_is_counted():
    document = TICKET_QUEUE.replace("query TicketQueue", "query Queue") + TICKET_DETAIL

    assert _cost(document, operation_name="TicketDetail") == 1203
    assert _cost(document, operation_name="Queue") == 1004
    assert _cost(document) == 0


def test_the_dashboard_operations_fit_every_limit():
    for path in sorted(DASHBOARD.glob("*.graphql")):
        document = parse(path.read_text())
        selections, aliases = count_selections_and_aliases(document)

        assert query_cost(schema, document) <= 1203, path.name
        assert query_depth(document) <= 6, path.name
        assert selections <= 71, path.name
        assert aliases <= 2, path.name  # ticket_search.graphql counts two views


def test_an_operation_over_the_cost_limit_is_refused_and_nothing_runs(
    settings, staff_api_client, ticket
):
    # given
    _limits(settings, MAX_QUERY_COST=1003)

    # when
    with capture_statements() as captured:
        response = staff_api_client.post(TICKET_QUEUE)

    # then
    assert response.status_code == 400
    assert response.json() == _error(
        "QUERY_TOO_COMPLEX",
        "An operation can cost at most 1003; this one costs 1004 (every field resolved counts"
        " 1, fields in pages once per item).",
    )
    assert [s for s in captured.statements if "support_" in s] == []


def test_an_operation_at_the_cost_limit_runs(settings, staff_api_client, ticket):
    _limits(settings, MAX_QUERY_COST=1004)

    result = staff_api_client.execute(TICKET_QUEUE, {"filter": {}})

    assert len(result["data"]["supportTickets"]["edges"]) == 1


def test_nested_pages_over_the_default_cost_are_refused_before_any_sql(api_client):
    events = "... on StaffTicket { events(first: $messages) { edges { node { type } } } }"
    query = NESTED_PAGES.replace("body } } }", "body } } } " + events)
    variables = {"tickets": 100, "messages": 100}

    with assert_statements(0):
        response = api_client.post(query, variables)

    assert response.status_code == 400
    assert response.json()["errors"][0]["message"].startswith(
        "An operation can cost at most 50000; this one costs 60401 "
    )


def test_aliases_up_to_the_limit_run(api_client):
    result = api_client.execute(_aliased_viewers(100))

    assert len(result["data"]) == 100


def test_one_alias_over_the_limit_is_refused_before_validation(db):
    query = _aliased_viewers(100) + " fragment F on SupportViewer { b: password }"

    with assert_statements(0):
        response = Client().post("/graphql/", {"query": query}, content_type="application/json")

    assert response.status_code == 400
    assert response.json() == _error(
        "TOO_MANY_ALIASES", "A document can have at most 100 aliases; this one has 101."
    )


def test_the_selections_limit_comes_from_the_settings(settings, api_client):
    # given
    _limits(settings, MAX_SELECTIONS=20)
    at_limit = "{ supportViewer { " + "kind " * 19 + "} }"

    # when
    passed = api_client.post(at_limit)
    over = api_client.post(at_limit.replace("kind }", "kind kind }"))

    # then
    assert passed.status_code == 200
    assert over.status_code == 400
    assert over.json() == _error(
        "TOO_MANY_SELECTIONS",
        "A document can have at most 20 selections (fields and fragments); this one has 21.",
    )


def test_a_field_repeated_thousands_of_times_is_refused_before_validation(api_client):
    # Validating these 19,000 repeats would compare every pair of them (minutes).
    response = api_client.post("{ supportViewer { " + "kind " * 19_000 + "} }")

    assert response.status_code == 400
    assert response.json()["errors"][0]["extensions"] == {
        "exception": {"code": "TOO_MANY_SELECTIONS"}
    }


def test_depth_counts_fields_through_fragments(settings, staff_api_client, ticket):
    # given
    _limits(settings, MAX_QUERY_DEPTH=5)

    # when
    queue = staff_api_client.post(TICKET_QUEUE, {"filter": {}})
    detail = staff_api_client.post(TICKET_DETAIL, {"id": "U3VwcG9ydFRpY2tldDox"})

    # then
    assert queue.status_code == 200
    assert detail.status_code == 400
    assert detail.json() == _error(
        "QUERY_TOO_DEEP",
        "Fields can be nested at most 5 deep; this document nests them 6 deep.",
    )


def test_the_default_depth_limit_is_fifteen(api_client):
    def nested(depth):
        return "{ " + "a { " * (depth - 1) + "b" + " }" * (depth - 1) + " }"

    at_limit = api_client.post(nested(15))
    over = api_client.post(nested(16))

    assert at_limit.json()["errors"][0]["extensions"]["exception"]["code"] == (
        "GRAPHQL_VALIDATION_FAILED"
    )
    assert over.json() == _error(
        "QUERY_TOO_DEEP", "Fields can be nested at most 15 deep; this document nests them 16 deep."
    )


def test_a_document_too_deep_to_parse_is_refused(api_client):
    response = api_client.post("{" + "a {" * 2000 + "b" + "}" * 2000 + "}")

    assert response.status_code == 400
    assert response.json() == _error("QUERY_TOO_DEEP", "The document nests too deeply to be read.")


def test_fragment_cycles_are_refused_by_the_validation(api_client):
    query = (
        "{ supportViewer { ...A } }"
        " fragment A on SupportViewer { kind ...B }"
        " fragment B on SupportViewer { permissions ...A }"
    )

    response = api_client.post(query)

    assert response.status_code == 400
    assert [e["message"] for e in response.json()["errors"]] == [
        'Cannot spread fragment "A" within itself via B.'
    ]


def test_a_long_chain_of_fragments_is_measured_without_recursion(api_client):
    chain = " ".join(f"fragment F{i} on SupportViewer {{ ...F{i + 1} }}" for i in range(497))
    query = "{ supportViewer { ...F0 } } " + chain + " fragment F497 on SupportViewer { kind }"

    result = api_client.execute(query)

    assert result == {"data": {"supportViewer": {"kind": "ANONYMOUS"}}}


def test_the_mutation_limit_comes_from_the_settings(settings, staff_api_client):
    _limits(settings, MAX_MUTATIONS=1)
    query = (
        'mutation { a: supportTicketAssign(id: "x") { errors { code } }'
        ' b: supportTicketAssign(id: "y") { errors { code } } }'
    )

    response = staff_api_client.post(query)

    assert response.json() == _error(
        "TOO_MANY_MUTATIONS", "A request can run at most 1 mutations; this one has 2."
    )


def test_every_storefront_operation_fits_the_customer_cost_limit():
    paths = sorted(STOREFRONT.glob("*.graphql"))

    assert paths
    for path in paths:
        assert 0 < query_cost(schema, parse(path.read_text())) < 1000, path.name


def test_a_customer_operation_over_the_customer_cost_limit_is_refused_and_nothing_runs(
    customer_api_client,
):
    # given: 10 tickets x 50 messages, far under the 50,000 of agents
    variables = {"tickets": 10, "messages": 50}
    assert _cost(NESTED_PAGES, variables) == 1 + 10 * (3 + 50 * 3) == 1531

    # when
    with capture_statements() as captured:
        response = customer_api_client.post(NESTED_PAGES, variables)

    # then
    assert response.status_code == 400
    assert response.json() == _error(
        "QUERY_TOO_COMPLEX",
        "A customer's operation can cost at most 1000; this one costs 1531 (every field"
        " resolved counts 1, fields in pages once per item).",
    )
    assert [s for s in captured.statements if "support_" in s] == []


def test_an_agent_runs_the_operation_refused_to_a_customer(staff_api_client, ticket):
    result = staff_api_client.execute(NESTED_PAGES, {"tickets": 10, "messages": 50})

    assert "errors" not in result
    assert len(result["data"]["supportTickets"]["edges"]) == 1


def test_guests_have_the_customer_cost_limit_from_the_settings(settings, api_client):
    # given
    _limits(settings, MAX_CUSTOMER_QUERY_COST=184)
    my_tickets = (STOREFRONT / "my_tickets.graphql").read_text()
    assert (_cost(my_tickets), _cost(my_tickets, {"first": 21})) == (184, 193)

    # when
    at_limit = api_client.post(my_tickets)
    over = api_client.post(my_tickets, {"first": 21})

    # then
    assert at_limit.status_code == 200
    assert over.status_code == 400
    assert over.json()["errors"][0]["message"].startswith(
        "A customer's operation can cost at most 184; this one costs 193 "
    )

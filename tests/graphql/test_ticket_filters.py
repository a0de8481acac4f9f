"""supportTickets filters for agents: tier, tags, order, customer, time spans and language."""

import uuid
from datetime import UTC, datetime, timedelta

import pytest
from django.db import connection

from saleor_support_plugin.agents.models import Team
from saleor_support_plugin.graphql.core.ids import to_global_id
from saleor_support_plugin.graphql.tickets.filters import filter_tickets
from saleor_support_plugin.host.requestor import Requestor
from saleor_support_plugin.tickets import TicketChannel, TicketTier
from saleor_support_plugin.tickets.actions import (
    CustomerInfo,
    OrderInfo,
    category_by_slug,
    open_ticket,
    set_tags,
)
from saleor_support_plugin.tickets.actors import Actor
from saleor_support_plugin.tickets.models import Ticket

NUMBERS = """
query Tickets($filter: SupportTicketFilterInput) {
  supportTickets(first: 100, filter: $filter, sortBy: {field: NUMBER, direction: ASC}) {
    edges { node { number } }
  }
}
"""

START = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)
ORDER_ID = uuid.UUID("8e0bd3a4-8f0e-4b8f-9b39-5c1c1c7f2a11")


def _open(subject, *, days, customer, order=None):
    return open_ticket(
        subject=subject,
        category=category_by_slug("delivery"),
        channel=TicketChannel.WEB,
        actor=Actor.system(),
        customer=customer,
        order=order,
        now=START + timedelta(days=days),
    )


@pytest.fixture
def tickets(customer_user):
    ana = CustomerInfo(user_id=customer_user.pk, email=customer_user.email, language_code="ro")
    guest = CustomerInfo(email="Maryam.Ahmadi@example.com", language_code="fa")
    order = OrderInfo(order_id=ORDER_ID, number="1042", channel="default", snapshot={})
    found = {
        "ana_order": _open("Broken shoe", days=0, customer=ana, order=order),
        "ana_late": _open("Late jacket", days=2, customer=ana),
        "guest": _open("Scarf colour", days=4, customer=guest),
        "guest_l2": _open("Payment failed", days=6, customer=guest),
    }
    set_tags(found["ana_order"], ["vip", "damaged"], actor=Actor.system())
    set_tags(found["guest"], ["damaged"], actor=Actor.system())
    set_tags(found["guest_l2"], ["payment"], actor=Actor.system())
    Ticket.objects.filter(pk=found["guest_l2"].pk).update(tier=TicketTier.L2)
    # updated_at follows the days too, one hour after opening
    for ticket in found.values():
        Ticket.objects.filter(pk=ticket.pk).update(
            updated_at=ticket.created_at + timedelta(hours=1)
        )
    return found


def _numbers(result):
    assert "errors" not in result, result
    return [edge["node"]["number"] for edge in result["data"]["supportTickets"]["edges"]]


def _at(days, hours=0):
    return (START + timedelta(days=days, hours=hours)).isoformat()


@pytest.mark.parametrize(
    ("filter_", "expected"),
    [
        ({"tier": ["L2"]}, ["guest_l2"]),
        ({"tier": ["L1", "L3"]}, ["ana_order", "ana_late", "guest"]),
        ({"tags": ["damaged"]}, ["ana_order", "guest"]),
        ({"tags": ["VIP", "payment"]}, ["ana_order", "guest_l2"]),
        ({"tags": ["none-such"]}, []),
        ({"order": to_global_id("Order", ORDER_ID)}, ["ana_order"]),
        ({"order": to_global_id("Order", uuid.uuid4())}, []),
        ({"customerEmail": " MARYAM.ahmadi@example.com "}, ["guest", "guest_l2"]),
        ({"customerEmail": "maryam@example.com"}, []),
        ({"created": {"gte": _at(2)}}, ["ana_late", "guest", "guest_l2"]),
        ({"created": {"lte": _at(2)}}, ["ana_order", "ana_late"]),
        ({"created": {"gte": _at(1), "lte": _at(4)}}, ["ana_late", "guest"]),
        ({"created": {}}, ["ana_order", "ana_late", "guest", "guest_l2"]),
        ({"updated": {"gte": _at(2, hours=1), "lte": _at(4)}}, ["ana_late"]),
        ({"languageCode": ["FA"]}, ["guest", "guest_l2"]),
        ({"languageCode": ["ro", "fa"]}, ["ana_order", "ana_late", "guest", "guest_l2"]),
        ({"languageCode": ["pl"]}, []),
        ({"tags": ["damaged"], "languageCode": ["ro"]}, ["ana_order"]),
    ],
)
def test_filters(staff_api_client, tickets, filter_, expected):
    result = staff_api_client.execute(NUMBERS, {"filter": filter_})

    assert _numbers(result) == [tickets[name].number for name in expected]


def test_filter_by_customer_account(staff_api_client, tickets, customer_user):
    result = staff_api_client.execute(
        NUMBERS, {"filter": {"customer": to_global_id("User", customer_user.pk)}}
    )

    assert _numbers(result) == [tickets["ana_order"].number, tickets["ana_late"].number]


def test_a_deleted_accounts_tickets_are_still_found_by_its_id(
    staff_api_client, tickets, customer_user
):
    # given: deleting the account clears the link, the account id stays
    user_id = customer_user.pk
    customer_user.delete()

    # when
    result = staff_api_client.execute(
        NUMBERS, {"filter": {"customer": to_global_id("User", user_id)}}
    )

    # then
    assert _numbers(result) == [tickets["ana_order"].number, tickets["ana_late"].number]


def _invalid_argument(message):
    return {
        "data": {"supportTickets": None},
        "errors": [
            {
                "message": message,
                "locations": [{"line": 3, "column": 3}],
                "path": ["supportTickets"],
                "extensions": {"exception": {"code": "INVALID_ARGUMENT"}},
            }
        ],
    }


@pytest.mark.parametrize(
    ("filter_", "message"),
    [
        ({"order": to_global_id("User", 1)}, "`filter.order` must be the global id of an `Order`."),
        (
            {"order": to_global_id("Order", 1)},
            "`filter.order` must be the global id of an `Order`.",
        ),
        ({"order": "not an id"}, "`filter.order` must be the global id of an `Order`."),
        (
            {"customer": to_global_id("Order", ORDER_ID)},
            "`filter.customer` must be the global id of a `User`.",
        ),
        ({"customer": "7"}, "`filter.customer` must be the global id of a `User`."),
        (
            {"created": {"gte": "2026-11-02T09:00:00"}},
            "`filter.created.gte` must include a time zone offset.",
        ),
        (
            {"updated": {"gte": _at(3), "lte": _at(1)}},
            "`filter.updated.gte` must not be after `filter.updated.lte`.",
        ),
        ({"tags": ["x" * 65]}, "`filter.tags`: A tag can have at most 64 characters."),
    ],
)
def test_bad_filter_values_are_invalid_arguments(staff_api_client, tickets, filter_, message):
    result = staff_api_client.execute(NUMBERS, {"filter": filter_})

    assert result == _invalid_argument(message)


def test_a_malformed_time_is_a_validation_error(staff_api_client, tickets):
    response = staff_api_client.post(NUMBERS, {"filter": {"created": {"gte": "yesterday"}}})

    assert response.status_code == 400
    assert [e["extensions"]["exception"]["code"] for e in response.json()["errors"]] == [
        "GRAPHQL_VALIDATION_FAILED"
    ]


@pytest.mark.parametrize(
    "filter_",
    [
        {"tags": ["vip"]},
        {"customerEmail": "ana.popescu@example.com"},
        {"created": {"gte": _at(0)}},
        {"tier": ["L1"]},
    ],
)
def test_customers_cannot_use_agent_filters(customer_api_client, tickets, filter_):
    result = customer_api_client.execute(NUMBERS, {"filter": filter_})

    assert result["data"] == {"supportTickets": None}
    assert [e["extensions"]["exception"]["code"] for e in result["errors"]] == ["PERMISSION_DENIED"]


@pytest.mark.parametrize(
    ("values", "index"),
    [
        ({"tags": ["vip"]}, "support_ticket_tags_idx"),
        ({"order": to_global_id("Order", ORDER_ID)}, "support_ticket_order_idx"),
        ({"customer_email": "ana@example.com"}, "support_ticket_email_idx"),
        ({"created": {"gte": START}}, "support_ticket_created_idx"),
        ({"updated": {"lte": START}}, "support_ticket_updated_idx"),
        ({"customer": to_global_id("User", 4)}, "support_ticket_account_idx"),
    ],
)
def test_filters_can_use_an_index(db, agent, values, index):
    # given
    queryset = filter_tickets(Ticket.objects.all(), values, Requestor.anonymous())
    sql, params = queryset.values("pk").query.sql_with_params()

    # when
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute(f"EXPLAIN {sql}", params)
        plan = "\n".join(row[0] for row in cursor.fetchall())

    # then
    assert index in plan


TEAMS = """
query Teams($filter: SupportTicketFilterInput) {
  supportTickets(filter: $filter) { edges { node { subject } } }
}
"""


def test_tickets_of_some_teams_or_of_none(staff_api_client, ticket_generator):
    # given
    first = Team.objects.create(name="L1 general", slug="l1", tier=1)
    second = Team.objects.create(name="L2 technical", slug="l2", tier=2)
    for subject, team in (("A", first), ("B", second), ("C", None)):
        ticket = ticket_generator(subject=subject)
        Ticket.objects.filter(pk=ticket.pk).update(team=team)

    def subjects(teams):
        result = staff_api_client.execute(TEAMS, {"filter": {"team": teams}})
        return sorted(e["node"]["subject"] for e in result["data"]["supportTickets"]["edges"])

    # then
    assert subjects([to_global_id("SupportTeam", first.pk)]) == ["A"]
    assert subjects([to_global_id("SupportTeam", second.pk), "none"]) == ["B", "C"]


def test_a_team_filter_takes_team_ids_only(staff_api_client, ticket):
    result = staff_api_client.execute(TEAMS, {"filter": {"team": [to_global_id("User", 1)]}})

    assert [e["extensions"]["exception"]["code"] for e in result["errors"]] == ["INVALID_ARGUMENT"]

"""StaffTicket.customerTickets and customerOrdersCount: the customer beside the ticket."""

from datetime import timedelta

import pytest
from django.utils import timezone

from saleor_support_plugin.graphql.core.ids import to_global_id
from saleor_support_plugin.tickets.actors import Actor
from saleor_support_plugin.tickets.erasure import anonymise_customer
from saleor_support_plugin.tickets.models import Ticket
from tests.query_counts import assert_statements

DETAIL = """
query One($id: ID!) {
  supportTicket(id: $id) {
    ... on StaffTicket { customerOrdersCount customerTickets { subject } }
  }
}
"""


def _detail(client, ticket):
    result = client.execute(DETAIL, {"id": to_global_id("SupportTicket", ticket.pk)})
    return result["data"]["supportTicket"]


def _aged(ticket, days):
    Ticket.objects.filter(pk=ticket.pk).update(created_at=timezone.now() - timedelta(days=days))


def test_an_account_s_other_tickets_and_orders(
    staff_api_client, ticket_generator, customer_user, order_generator
):
    # given
    tickets = [
        ticket_generator(subject=f"T{i}", email=customer_user.email, user_id=customer_user.pk)
        for i in range(3)
    ]
    for days, ticket in zip((3, 2, 1), tickets, strict=True):
        _aged(ticket, days)
    ticket_generator(subject="Someone else's")
    order_generator()
    order_generator()

    # when
    detail = _detail(staff_api_client, tickets[0])

    # then
    assert detail == {
        "customerOrdersCount": 2,
        "customerTickets": [{"subject": "T2"}, {"subject": "T1"}],
    }


def test_a_guest_s_tickets_and_orders_by_e_mail(
    staff_api_client, ticket_generator, order_generator, guest_buyer
):
    # given
    first = ticket_generator(subject="First", email="maryam.ahmadi@example.com")
    _aged(first, 1)
    ticket_generator(subject="Second", email="MARYAM.AHMADI@example.com")
    order_generator(who=guest_buyer)

    # when
    detail = _detail(staff_api_client, first)

    # then
    assert detail == {"customerOrdersCount": 1, "customerTickets": [{"subject": "Second"}]}


def test_an_erased_customer_is_not_told(staff_api_client, ticket_generator):
    # given
    ticket = ticket_generator(email="jan@example.com")
    ticket_generator(email="jan@example.com")
    anonymise_customer(user_id=None, email="jan@example.com", actor=Actor.system())

    # when
    detail = _detail(staff_api_client, ticket)

    # then
    assert detail == {"customerOrdersCount": None, "customerTickets": []}


def test_only_ten_other_tickets_are_listed(staff_api_client, ticket_generator, customer_user):
    tickets = [
        ticket_generator(subject=f"T{i}", email=customer_user.email, user_id=customer_user.pk)
        for i in range(13)
    ]

    detail = _detail(staff_api_client, tickets[0])

    assert len(detail["customerTickets"]) == 10


CONTEXT_STATEMENTS = 6
"""The token's user, one page of tickets, then at once: the account tickets, the guest
tickets, and the order counts by account and by e-mail."""


@pytest.mark.parametrize("number_of_tickets", [2, 50])
def test_the_context_costs_the_same_statements_for_1_and_50_tickets(
    staff_api_client, ticket_generator, customer_user, number_of_tickets
):
    # given
    for index in range(number_of_tickets):
        if index % 2:
            ticket_generator(email=f"guest{index}@example.com")
        else:
            ticket_generator(email=customer_user.email, user_id=customer_user.pk)
    query = """{ supportTickets(first: 50) { edges { node {
        ... on StaffTicket { customerOrdersCount customerTickets { number } } } } } }"""

    # when
    with assert_statements(CONTEXT_STATEMENTS):
        result = staff_api_client.execute(query)

    # then
    assert len(result["data"]["supportTickets"]["edges"]) == number_of_tickets

"""What customers' and guests' reads cost: the same statements for 1 message or 50.

The queries are the storefront's own examples (graphql/storefront), so what a storefront
sends is what is counted.
"""

from pathlib import Path

import pytest
from django.test import Client

from saleor_support_plugin.graphql.core.ids import to_global_id
from saleor_support_plugin.tickets import MessageAuthorType
from saleor_support_plugin.tickets.access_tokens import issue_access_token
from saleor_support_plugin.tickets.actions import add_message
from saleor_support_plugin.tickets.actors import Actor
from saleor_support_plugin.tickets.models import Ticket
from tests.graphql.conftest import ApiClient
from tests.query_counts import assert_statements

STOREFRONT = Path(__file__).resolve().parents[2] / "graphql" / "storefront"
TICKET = (STOREFRONT / "ticket.graphql").read_text()
MY_TICKETS = (STOREFRONT / "my_tickets.graphql").read_text()
MY_TICKETS_WITH_MESSAGES = """
query MyTickets($first: Int) {
  supportTickets(first: $first) {
    edges { node {
      number subject status category { slug }
      messages(first: 1) { edges { node { body ... on CustomerTicketMessage { authorName } } } }
      ... on CustomerTicket { order { number } reopenUntil }
      returnRequest { status lines { sku quantity } }
    } }
    pageInfo { hasNextPage endCursor }
  }
}
"""

CUSTOMER_DETAIL_STATEMENTS = 7
"""The token's user, the ticket (within the customer's own), its category, one page of
public messages, the agents who wrote them (one batch), the ticket's return request and the
merchant's plugin configuration (the reopen window, once per request)."""
GUEST_DETAIL_STATEMENTS = 7
"""As for the customer, with the access token's ticket in place of the token's user."""
GUEST_LIST_STATEMENTS = 2
"""The access token's ticket, then one page of tickets (the one it opens)."""
GUEST_LIST_WITH_MESSAGES_STATEMENTS = 7
"""The token, the page, then for the page: categories, first public messages, return
requests, the agents who wrote those messages, and the plugin configuration (reopen window)."""


@pytest.fixture
def thread(ticket_generator, customer_user, agent, second_agent):
    """A ticket of the customer with ``count`` messages: agents and customer in turn, notes too."""
    agent.first_name = "Ioana"
    agent.save()
    second_agent.first_name = "Piotr"
    second_agent.save()

    def create(count: int) -> Ticket:
        ticket = ticket_generator(email=customer_user.email, user_id=customer_user.pk)
        for index in range(count):
            author = (agent, second_agent)[index % 4 // 2]
            if index % 2:
                add_message(
                    ticket,
                    author_type=MessageAuthorType.CUSTOMER,
                    actor=Actor.user(customer_user.pk),
                    body=f"Întrebarea {index}",
                    plain_text=True,
                )
            else:
                add_message(
                    ticket,
                    author_type=MessageAuthorType.AGENT,
                    actor=Actor.user(author.pk),
                    body=f"Răspunsul {index}",
                )
            add_message(
                ticket,
                author_type=MessageAuthorType.AGENT,
                actor=Actor.user(author.pk),
                body=f"Notă {index}",
                is_internal=True,
            )
        return Ticket.objects.get(pk=ticket.pk)

    return create


@pytest.mark.parametrize("number_of_messages", [1, 50])
def test_a_customer_reads_a_ticket_of_1_or_50_messages_with_the_same_statements(
    customer_api_client, thread, number_of_messages
):
    # given
    ticket = thread(number_of_messages)

    # when
    with assert_statements(CUSTOMER_DETAIL_STATEMENTS):
        result = customer_api_client.execute(
            TICKET, {"id": to_global_id("SupportTicket", ticket.pk)}
        )

    # then
    messages = result["data"]["supportTicket"]["messages"]["edges"]
    assert [m["node"]["authorName"] for m in messages] == [
        (("Ioana", "Piotr")[index % 4 // 2] if index % 2 == 0 else None)
        for index in range(number_of_messages)
    ]


@pytest.mark.parametrize("number_of_messages", [1, 50])
def test_a_guest_reads_a_ticket_of_1_or_50_messages_with_the_same_statements(
    thread, number_of_messages
):
    # given
    ticket = thread(number_of_messages)
    guest = ApiClient(Client(), issue_access_token(ticket))

    # when
    with assert_statements(GUEST_DETAIL_STATEMENTS):
        result = guest.execute(TICKET, {"id": to_global_id("SupportTicket", ticket.pk)})

    # then
    assert len(result["data"]["supportTicket"]["messages"]["edges"]) == number_of_messages


@pytest.mark.parametrize("number_of_messages", [1, 50])
def test_a_guest_lists_their_ticket_with_the_same_statements(thread, number_of_messages):
    # given
    ticket = thread(number_of_messages)
    guest = ApiClient(Client(), issue_access_token(ticket))

    # when
    with assert_statements(GUEST_LIST_STATEMENTS):
        plain = guest.execute(MY_TICKETS, {"first": 20})
    with assert_statements(GUEST_LIST_WITH_MESSAGES_STATEMENTS):
        detailed = guest.execute(MY_TICKETS_WITH_MESSAGES, {"first": 20})

    # then
    assert [e["node"]["number"] for e in plain["data"]["supportTickets"]["edges"]] == [
        ticket.number
    ]
    assert [e["node"]["number"] for e in detailed["data"]["supportTickets"]["edges"]] == [
        ticket.number
    ]

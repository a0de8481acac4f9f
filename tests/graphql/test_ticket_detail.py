"""supportTicket: one ticket for agents, messages and timeline through dataloaders."""

import uuid

import pytest

from saleor_support_plugin.graphql.core.ids import to_global_id
from saleor_support_plugin.tickets import MessageAuthorType, TicketChannel
from saleor_support_plugin.tickets.actions import (
    CustomerInfo,
    OrderInfo,
    add_message,
    assign_ticket,
    category_by_slug,
    open_ticket,
    set_tags,
)
from saleor_support_plugin.tickets.actors import Actor
from tests.query_counts import assert_statements

TICKET = """
query Ticket($id: ID!, $first: Int, $after: String) {
  supportTicket(id: $id) {
    ... on StaffTicket {
    id
    number
    subject
    status
    priority
    category { slug name }
    channel
    tier
    tags
    customerEmail
    customerName
    customer { email }
    isAnonymised
    order { id number channel dashboardUrl }
    assignee { id email }
    version
    firstResponseAt
    messages(first: $first, after: $after) {
      edges {
        node {
          authorType body isRedacted
          ... on StaffTicketMessage { author { email } isInternal }
        }
      }
      pageInfo { hasNextPage hasPreviousPage endCursor }
    }
    events { edges { node { type parameters user { email } } } }
    }
  }
}
"""

ORDER_ID = uuid.UUID("6f1c1f60-55c4-4a3c-9a2d-0b0a6f0e8f11")


@pytest.fixture
def order_ticket(agent, customer_user):
    ticket = open_ticket(
        subject="Order #42 was cancelled",
        category=category_by_slug("cancellation"),
        channel=TicketChannel.SYSTEM,
        actor=Actor.system(),
        customer=CustomerInfo(
            user_id=customer_user.pk, email="ana.popescu@example.com", name="Ana Popescu"
        ),
        order=OrderInfo(
            order_id=ORDER_ID,
            number="42",
            channel="default-channel",
            snapshot={"number": "42", "dashboard_url": "https://dash.example.com/orders/T3"},
        ),
        source="cancellation",
    )
    add_message(
        ticket,
        author_type=MessageAuthorType.CUSTOMER,
        actor=Actor.user(customer_user.pk),
        body="Why was it cancelled?",
        plain_text=True,
    )
    add_message(
        ticket,
        author_type=MessageAuthorType.AGENT,
        actor=Actor.user(agent.pk),
        body="Card declined, *checking*",
        is_internal=True,
    )
    add_message(
        ticket,
        author_type=MessageAuthorType.AGENT,
        actor=Actor.user(agent.pk),
        body="<p>We are <b>on it</b><script>x()</script></p>",
    )
    ticket = assign_ticket(ticket, agent.pk, actor=Actor.user(agent.pk))
    return set_tags(ticket, ["Card Issue"], actor=Actor.user(agent.pk))


def _gid(ticket):
    return to_global_id("SupportTicket", ticket.pk)


def test_an_agent_reads_the_whole_ticket(staff_api_client, order_ticket, agent):
    # when
    result = staff_api_client.execute(TICKET, {"id": _gid(order_ticket)})

    # then
    data = result["data"]["supportTicket"]
    messages = data.pop("messages")
    events = data.pop("events")
    assert data == {
        "id": _gid(order_ticket),
        "number": order_ticket.number,
        "subject": "Order #42 was cancelled",
        "status": "NEW",
        "priority": "NORMAL",
        "category": {"slug": "cancellation", "name": "Cancellation"},
        "channel": "SYSTEM",
        "tier": "L1",
        "tags": ["card-issue"],
        "customerEmail": "ana.popescu@example.com",
        "customerName": "Ana Popescu",
        "customer": {"email": "ana.popescu@example.com"},
        "isAnonymised": False,
        "order": {
            "id": to_global_id("Order", ORDER_ID),
            "number": "42",
            "channel": "default-channel",
            "dashboardUrl": "https://dash.example.com/orders/T3",
        },
        "assignee": {"id": to_global_id("User", agent.pk), "email": "agent@example.com"},
        "version": 6,
        "firstResponseAt": order_ticket.first_response_at.isoformat(),
    }
    assert [edge["node"] for edge in messages["edges"]] == [
        {
            "authorType": "CUSTOMER",
            "author": {"email": "ana.popescu@example.com"},
            "isInternal": False,
            "body": "<p>Why was it cancelled?</p>",
            "isRedacted": False,
        },
        {
            "authorType": "AGENT",
            "author": {"email": "agent@example.com"},
            "isInternal": True,
            "body": "Card declined, *checking*",
            "isRedacted": False,
        },
        {
            "authorType": "AGENT",
            "author": {"email": "agent@example.com"},
            "isInternal": False,
            "body": "<p>We are on it</p>",
            "isRedacted": False,
        },
    ]
    assert messages["pageInfo"]["hasNextPage"] is False
    assert [(e["node"]["type"], e["node"]["user"]) for e in events["edges"]] == [
        ("OPENED", None),
        ("MESSAGE_ADDED", {"email": "ana.popescu@example.com"}),
        ("NOTE_ADDED", {"email": "agent@example.com"}),
        ("MESSAGE_ADDED", {"email": "agent@example.com"}),
        ("ASSIGNED", {"email": "agent@example.com"}),
        ("TAGS_CHANGED", {"email": "agent@example.com"}),
    ]
    assert events["edges"][5]["node"]["parameters"] == '{"added": ["card-issue"], "removed": []}'


def test_messages_come_page_by_page(staff_api_client, order_ticket):
    # when
    first = staff_api_client.execute(TICKET, {"id": _gid(order_ticket), "first": 2})
    cursor = first["data"]["supportTicket"]["messages"]["pageInfo"]["endCursor"]
    second = staff_api_client.execute(
        TICKET, {"id": _gid(order_ticket), "first": 2, "after": cursor}
    )

    # then
    first_page = first["data"]["supportTicket"]["messages"]
    second_page = second["data"]["supportTicket"]["messages"]
    assert [e["node"]["isInternal"] for e in first_page["edges"]] == [False, True]
    assert first_page["pageInfo"] == {
        "hasNextPage": True,
        "hasPreviousPage": False,
        "endCursor": cursor,
    }
    assert [e["node"]["body"] for e in second_page["edges"]] == ["<p>We are on it</p>"]
    assert second_page["pageInfo"]["hasNextPage"] is False
    assert second_page["pageInfo"]["hasPreviousPage"] is True


@pytest.mark.parametrize(
    "global_id",
    [
        to_global_id("SupportTicket", 10**9),
        to_global_id("SupportTicketMessage", 1),
        "SupportTicket:1",
        "not base64 at all",
    ],
    ids=["missing", "other-type", "raw", "garbage"],
)
def test_an_unknown_id_is_null(staff_api_client, ticket, global_id):
    result = staff_api_client.execute(TICKET, {"id": global_id})

    assert result == {"data": {"supportTicket": None}}


@pytest.mark.parametrize("who", ["customer_api_client", "api_client"])
def test_someone_elses_ticket_is_null_for_customers_and_anonymous_callers(request, ticket, who):
    # given
    client = request.getfixturevalue(who)

    # when
    result = client.execute(TICKET, {"id": _gid(ticket)})

    # then
    assert result == {"data": {"supportTicket": None}}


DETAIL_STATEMENTS = 7
"""The token's user, the ticket, its category, one page of messages, one of the timeline, and
people in two batches: those on the ticket (customer, assignee), then authors not yet loaded."""


@pytest.mark.parametrize("extra_messages", [0, 46])
def test_the_detail_costs_the_same_statements_however_long_the_thread(
    staff_api_client, order_ticket, agent, second_agent, extra_messages
):
    # given
    add_message(
        order_ticket,
        author_type=MessageAuthorType.AGENT,
        actor=Actor.user(second_agent.pk),
        body="Second opinion",
        is_internal=True,
    )
    for index in range(extra_messages):
        add_message(
            order_ticket,
            author_type=MessageAuthorType.AGENT,
            actor=Actor.user(second_agent.pk if index % 2 else agent.pk),
            body=f"note {index}",
            is_internal=True,
        )

    # when
    with assert_statements(DETAIL_STATEMENTS):
        result = staff_api_client.execute(TICKET, {"id": _gid(order_ticket), "first": 100})

    # then
    assert len(result["data"]["supportTicket"]["messages"]["edges"]) == 4 + extra_messages

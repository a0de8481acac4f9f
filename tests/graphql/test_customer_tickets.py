"""Customers and guests follow their tickets: list, detail, reply, close, reopen, tokens."""

from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from saleor_support_plugin.graphql.core.ids import to_global_id
from saleor_support_plugin.tickets import MessageAuthorType, TicketEventType, TicketStatus
from saleor_support_plugin.tickets.access_tokens import issue_access_token
from saleor_support_plugin.tickets.actions import add_message, change_status
from saleor_support_plugin.tickets.actors import Actor
from saleor_support_plugin.tickets.models import Ticket, TicketEvent, TicketMessage
from tests.graphql.conftest import ApiClient
from tests.query_counts import assert_statements

LIST = """
query Mine($first: Int, $after: String, $filter: SupportTicketFilterInput,
           $sortBy: SupportTicketSortingInput) {
  supportTickets(first: $first, after: $after, filter: $filter, sortBy: $sortBy) {
    edges { node { __typename subject status } }
    pageInfo { hasNextPage endCursor }
  }
}
"""

DETAIL = """
query One($id: ID!) {
  supportTicket(id: $id) {
    __typename number subject status
    messages {
      edges { node { __typename authorType body ... on CustomerTicketMessage { authorName } } }
    }
    ... on CustomerTicket { reopenUntil order { number } }
  }
}
"""

REPLY = """
mutation Reply($id: ID!, $body: String!, $isInternal: Boolean) {
  supportTicketReply(id: $id, input: { body: $body, isInternal: $isInternal }) {
    ticket { status }
    message { __typename authorType body }
    errors { field code message }
  }
}
"""

CLOSE = """
mutation Close($id: ID!) {
  supportTicketClose(id: $id) { ticket { status closedAt } errors { field code message } }
}
"""

REOPEN = """
mutation Reopen($id: ID!) {
  supportTicketReopen(id: $id) { ticket { status closedAt } errors { field code message } }
}
"""


def _gid(ticket):
    return to_global_id("SupportTicket", ticket.pk)


@pytest.fixture
def own_ticket(ticket_generator, customer_user, agent):
    ticket = ticket_generator(
        subject="Rochia nu se potrivește", email=customer_user.email, user_id=customer_user.pk
    )
    add_message(
        ticket,
        author_type=MessageAuthorType.CUSTOMER,
        actor=Actor.user(customer_user.pk),
        body="Pot să o schimb?",
        plain_text=True,
    )
    add_message(
        ticket,
        author_type=MessageAuthorType.AGENT,
        actor=Actor.user(agent.pk),
        body="Clienta are istoric de retururi.",
        is_internal=True,
    )
    add_message(
        ticket,
        author_type=MessageAuthorType.AGENT,
        actor=Actor.user(agent.pk),
        body="<p>Da, sigur.</p>",
    )
    return Ticket.objects.get(pk=ticket.pk)


def test_a_customer_lists_only_their_own_tickets(customer_api_client, own_ticket, ticket_generator):
    # given
    ticket_generator(subject="Someone else's")

    # when
    result = customer_api_client.execute(LIST)

    # then
    assert result == {
        "data": {
            "supportTickets": {
                "edges": [
                    {
                        "node": {
                            "__typename": "CustomerTicket",
                            "subject": "Rochia nu se potrivește",
                            "status": "NEW",
                        }
                    }
                ],
                "pageInfo": {
                    "hasNextPage": False,
                    "endCursor": result["data"]["supportTickets"]["pageInfo"]["endCursor"],
                },
            }
        }
    }


def test_a_customer_pages_20_tickets_by_default_and_filters_by_status(
    customer_api_client, customer_user, ticket_generator
):
    # given
    tickets = [
        ticket_generator(subject=f"T{i}", email=customer_user.email, user_id=customer_user.pk)
        for i in range(22)
    ]
    change_status(tickets[0], TicketStatus.SOLVED, actor=Actor.system())

    # when
    page = customer_api_client.execute(LIST)["data"]["supportTickets"]
    solved = customer_api_client.execute(LIST, {"filter": {"status": ["SOLVED"]}})

    # then
    assert (len(page["edges"]), page["pageInfo"]["hasNextPage"]) == (20, True)
    assert solved["data"]["supportTickets"]["edges"] == [
        {"node": {"__typename": "CustomerTicket", "subject": "T0", "status": "SOLVED"}}
    ]


@pytest.mark.parametrize(
    "variables",
    [
        {"filter": {"priority": ["URGENT"]}},
        {"filter": {"channel": ["WEB"]}},
        {"filter": {"assignee": "me"}},
        {"sortBy": {"field": "PRIORITY", "direction": "DESC"}},
    ],
)
def test_customers_cannot_filter_or_sort_by_what_they_are_not_shown(
    customer_api_client, own_ticket, variables
):
    result = customer_api_client.execute(LIST, variables)

    assert result["data"] == {"supportTickets": None}
    assert [e["extensions"]["exception"]["code"] for e in result["errors"]] == ["PERMISSION_DENIED"]


def test_the_customer_sees_the_conversation_without_internal_notes(
    customer_api_client, own_ticket, agent
):
    # given
    agent.first_name = "Ioana"
    agent.save()

    # when
    result = customer_api_client.execute(DETAIL, {"id": _gid(own_ticket)})

    # then
    assert result == {
        "data": {
            "supportTicket": {
                "__typename": "CustomerTicket",
                "number": own_ticket.number,
                "subject": "Rochia nu se potrivește",
                "status": "NEW",
                "messages": {
                    "edges": [
                        {
                            "node": {
                                "__typename": "CustomerTicketMessage",
                                "authorType": "CUSTOMER",
                                "body": "<p>Pot să o schimb?</p>",
                                "authorName": None,
                            }
                        },
                        {
                            "node": {
                                "__typename": "CustomerTicketMessage",
                                "authorType": "AGENT",
                                "body": "<p>Da, sigur.</p>",
                                "authorName": "Ioana",
                            }
                        },
                    ]
                },
                "reopenUntil": None,
                "order": None,
            }
        }
    }


def test_staff_only_fragments_are_empty_for_customers(customer_api_client, own_ticket):
    result = customer_api_client.execute(
        """query($id: ID!) { supportTicket(id: $id) {
             number ... on StaffTicket { tags priority assignee { email } customerEmail }
             messages { edges { node { body ... on StaffTicketMessage { isInternal } } } }
        } }""",
        {"id": _gid(own_ticket)},
    )

    assert result == {
        "data": {
            "supportTicket": {
                "number": own_ticket.number,
                "messages": {
                    "edges": [
                        {"node": {"body": "<p>Pot să o schimb?</p>"}},
                        {"node": {"body": "<p>Da, sigur.</p>"}},
                    ]
                },
            }
        }
    }


CUSTOMER_TICKET_FIELDS = [
    "category",
    "channel",
    "closedAt",
    "createdAt",
    "id",
    "messages",
    "number",
    "order",
    "reopenUntil",
    "returnRequest",
    "solvedAt",
    "status",
    "subject",
    "survey",
    "updatedAt",
]


def test_every_field_a_customer_can_see_is_listed_here(api_client):
    result = api_client.execute(
        """{ t: __type(name: "CustomerTicket") { fields { name } }
             m: __type(name: "CustomerTicketMessage") { fields { name } }
             o: __type(name: "CustomerTicketOrder") { fields { name } } }"""
    )["data"]

    assert sorted(f["name"] for f in result["t"]["fields"]) == CUSTOMER_TICKET_FIELDS
    assert sorted(f["name"] for f in result["m"]["fields"]) == [
        "authorName",
        "authorType",
        "body",
        "createdAt",
        "id",
        "isRedacted",
    ]
    assert sorted(f["name"] for f in result["o"]["fields"]) == ["id", "number"]


@pytest.mark.parametrize(
    ("status", "after"),
    [
        (TicketStatus.NEW, "NEW"),
        (TicketStatus.OPEN, "OPEN"),
        (TicketStatus.PENDING, "OPEN"),
        (TicketStatus.ON_HOLD, "ON_HOLD"),
        (TicketStatus.SOLVED, "OPEN"),
    ],
)
def test_a_customer_reply_opens_a_ticket_waiting_on_them(
    customer_api_client, customer_user, ticket_generator, status, after
):
    # given
    ticket = ticket_generator(email=customer_user.email, user_id=customer_user.pk)
    if status != TicketStatus.NEW:
        change_status(ticket, status, actor=Actor.system())

    # when
    payload = customer_api_client.execute(REPLY, {"id": _gid(ticket), "body": "Încă aștept <3"})[
        "data"
    ]["supportTicketReply"]

    # then
    assert payload == {
        "ticket": {"status": after},
        "message": {
            "__typename": "CustomerTicketMessage",
            "authorType": "CUSTOMER",
            "body": "<p>Încă aștept &lt;3</p>",
        },
        "errors": [],
    }


def test_a_closed_ticket_takes_no_reply(customer_api_client, own_ticket):
    customer_api_client.execute(CLOSE, {"id": _gid(own_ticket)})

    payload = customer_api_client.execute(REPLY, {"id": _gid(own_ticket), "body": "Hello?"})

    assert payload["data"]["supportTicketReply"]["errors"] == [
        {
            "field": "id",
            "code": "INVALID_TRANSITION",
            "message": "The ticket is closed; reopen it or open a new ticket.",
        }
    ]
    assert TicketMessage.objects.filter(ticket=own_ticket).count() == 3


def test_a_customer_cannot_write_an_internal_note(customer_api_client, own_ticket):
    payload = customer_api_client.execute(
        REPLY, {"id": _gid(own_ticket), "body": "psst", "isInternal": True}
    )["data"]["supportTicketReply"]

    assert payload["errors"] == [
        {
            "field": "isInternal",
            "code": "INVALID",
            "message": "Customers cannot write internal notes.",
        }
    ]
    assert TicketMessage.objects.filter(ticket=own_ticket).count() == 3


def test_closing_solves_then_closes_and_twice_changes_nothing(customer_api_client, own_ticket):
    # when
    first = customer_api_client.execute(CLOSE, {"id": _gid(own_ticket)})["data"]
    second = customer_api_client.execute(CLOSE, {"id": _gid(own_ticket)})["data"]

    # then
    own_ticket.refresh_from_db()
    assert first["supportTicketClose"]["ticket"]["status"] == "CLOSED"
    assert second == first
    assert [
        (e.parameters["old"], e.parameters["new"])
        for e in TicketEvent.objects.filter(ticket=own_ticket, type=TicketEventType.STATUS_CHANGED)
    ] == [("new", "solved"), ("solved", "closed")]
    assert own_ticket.solved_at is not None
    assert own_ticket.closed_at is not None


def test_a_closed_ticket_reopens_within_the_window(customer_api_client, own_ticket):
    # given
    customer_api_client.execute(CLOSE, {"id": _gid(own_ticket)})
    detail = customer_api_client.execute(DETAIL, {"id": _gid(own_ticket)})["data"]
    own_ticket.refresh_from_db()

    # when
    payload = customer_api_client.execute(REOPEN, {"id": _gid(own_ticket)})["data"]

    # then
    assert detail["supportTicket"]["reopenUntil"] == (
        (own_ticket.closed_at + timedelta(days=7)).isoformat()
    )
    assert payload == {
        "supportTicketReopen": {"ticket": {"status": "OPEN", "closedAt": None}, "errors": []}
    }
    last_event = TicketEvent.objects.filter(ticket=own_ticket).last()
    assert last_event is not None
    assert last_event.parameters == {
        "old": "closed",
        "new": "open",
    }


def test_reopening_after_the_window_is_refused(customer_api_client, own_ticket):
    # given
    customer_api_client.execute(CLOSE, {"id": _gid(own_ticket)})
    Ticket.objects.filter(pk=own_ticket.pk).update(
        closed_at=timezone.now() - timedelta(days=7, seconds=1)
    )

    # when
    payload = customer_api_client.execute(REOPEN, {"id": _gid(own_ticket)})["data"]
    detail = customer_api_client.execute(DETAIL, {"id": _gid(own_ticket)})["data"]

    # then
    assert payload["supportTicketReopen"] == {
        "ticket": None,
        "errors": [
            {
                "field": "id",
                "code": "REOPEN_WINDOW_PASSED",
                "message": "This ticket can no longer be reopened; please open a new ticket.",
            }
        ],
    }
    assert detail["supportTicket"]["reopenUntil"] is None
    assert Ticket.objects.get(pk=own_ticket.pk).status == TicketStatus.CLOSED


def test_the_merchant_sets_the_window_and_zero_turns_reopening_off(
    customer_api_client, own_ticket, settings
):
    # given
    settings.SUPPORT_DESK_PLUGIN_CONFIGURATION = {"customer_reopen_days": "0"}
    customer_api_client.execute(CLOSE, {"id": _gid(own_ticket)})

    # when
    payload = customer_api_client.execute(REOPEN, {"id": _gid(own_ticket)})["data"]

    # then
    assert payload["supportTicketReopen"]["errors"][0]["code"] == "REOPEN_WINDOW_PASSED"


def test_an_open_ticket_cannot_be_reopened(customer_api_client, own_ticket):
    payload = customer_api_client.execute(REOPEN, {"id": _gid(own_ticket)})["data"]

    assert payload["supportTicketReopen"]["errors"] == [
        {"field": "id", "code": "INVALID_TRANSITION", "message": "The ticket is still open."}
    ]


def test_a_guest_follows_answers_and_closes_with_the_token(ticket):
    # given
    guest = ApiClient(Client(), issue_access_token(ticket))

    # when
    detail = guest.execute(DETAIL, {"id": _gid(ticket)})["data"]["supportTicket"]
    reply = guest.execute(REPLY, {"id": _gid(ticket), "body": "Thanks"})["data"]
    closed = guest.execute(CLOSE, {"id": _gid(ticket)})["data"]

    # then
    assert detail["__typename"] == "CustomerTicket"
    assert reply["supportTicketReply"]["errors"] == []
    assert closed["supportTicketClose"]["ticket"]["status"] == "CLOSED"
    message = TicketMessage.objects.get(ticket=ticket)
    assert (message.author_type, message.author_user_id) == (MessageAuthorType.CUSTOMER, None)


TOKENS = """
mutation Tokens($id: ID!) {
  revoke: supportTicketAccessTokensRevoke(id: $id) { revoked errors { code } }
}
"""

NEW_TOKEN = """
mutation NewToken($id: ID!) {
  supportTicketAccessTokenCreate(id: $id) { accessToken ticket { number } errors { code } }
}
"""


def test_an_agent_revokes_guest_tokens_and_issues_a_new_one(staff_api_client, ticket):
    # given
    old = ApiClient(Client(), issue_access_token(ticket))

    # when
    revoked = staff_api_client.execute(TOKENS, {"id": _gid(ticket)})["data"]
    issued = staff_api_client.execute(NEW_TOKEN, {"id": _gid(ticket)})["data"]

    # then
    assert revoked == {"revoke": {"revoked": 1, "errors": []}}
    assert old.execute(DETAIL, {"id": _gid(ticket)}) == {"data": {"supportTicket": None}}
    new = ApiClient(Client(), issued["supportTicketAccessTokenCreate"]["accessToken"])
    assert new.execute(DETAIL, {"id": _gid(ticket)})["data"]["supportTicket"]["number"] == (
        ticket.number
    )
    assert [e.type for e in TicketEvent.objects.filter(ticket=ticket)][-1] == (
        TicketEventType.ACCESS_REVOKED
    )


@pytest.mark.parametrize("who", ["customer_api_client", "api_client"])
def test_only_agents_manage_access_tokens(request, own_ticket, who):
    client = request.getfixturevalue(who)

    for mutation in (TOKENS, NEW_TOKEN):
        result = client.execute(mutation, {"id": _gid(own_ticket)})
        assert [e["extensions"]["exception"]["code"] for e in result["errors"]] == [
            "PERMISSION_DENIED"
        ]
    assert own_ticket.access_tokens.count() == 0


def test_an_unknown_token_sees_nothing_and_a_non_token_bearer_is_refused(ticket):
    unknown = ApiClient(Client(), "spt_" + "A" * 43)
    forged = ApiClient(Client(), "not-a-token")

    assert unknown.execute(DETAIL, {"id": _gid(ticket)}) == {"data": {"supportTicket": None}}
    assert forged.post(DETAIL, {"id": _gid(ticket)}).status_code == 401


CUSTOMER_LIST_STATEMENTS = 4
"""The token's user, one page of tickets, their categories, their first public messages."""


@pytest.mark.parametrize("number_of_tickets", [1, 50])
def test_the_customer_list_costs_the_same_statements_for_1_and_50_tickets(
    customer_api_client, customer_user, agent, ticket_generator, number_of_tickets
):
    # given
    for index in range(number_of_tickets):
        ticket = ticket_generator(
            subject=f"T{index}", email=customer_user.email, user_id=customer_user.pk
        )
        add_message(
            ticket, author_type=MessageAuthorType.AGENT, actor=Actor.user(agent.pk), body="Hi"
        )
    query = """{ supportTickets(first: 50) { edges { node {
        number subject status category { name }
        messages(first: 1) { edges { node { body } } } } } } }"""

    # when
    with assert_statements(CUSTOMER_LIST_STATEMENTS):
        result = customer_api_client.execute(query)

    # then
    assert len(result["data"]["supportTickets"]["edges"]) == number_of_tickets

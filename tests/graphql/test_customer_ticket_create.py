"""supportTicketCreate: signed-in customers and guests open tickets; the desk decides the rest."""

import hashlib

import pytest
from django.test import Client

from saleor_support_plugin.graphql.core.ids import to_global_id
from saleor_support_plugin.tickets import (
    MessageAuthorType,
    TicketChannel,
    TicketEventType,
    TicketPriority,
    TicketStatus,
)
from saleor_support_plugin.tickets.models import Ticket, TicketAccessToken, TicketMessage
from tests.graphql.conftest import ApiClient

CREATE = """
mutation Create($input: SupportTicketCreateInput!) {
  supportTicketCreate(input: $input) {
    ticket {
      __typename id number subject status channel category { slug }
      messages { edges { node { authorType body } } }
      ... on CustomerTicket { order { id number } reopenUntil }
    }
    accessToken
    errors { field message code }
  }
}
"""

MINE = """
{
  supportTickets {
    edges { node { __typename subject ... on CustomerTicket { order { number } } } }
  }
}
"""


def _create(client, **values):
    return client.execute(CREATE, {"input": values})["data"]["supportTicketCreate"]


def _order_gid(order):
    return to_global_id("Order", order.pk)


def test_a_signed_in_customer_opens_a_ticket_with_one_field(customer_api_client, customer_user):
    # when
    payload = _create(
        customer_api_client, message="Colet deteriorat <b>rău</b>\nCe fac acum?", category=None
    )

    # then
    ticket = Ticket.objects.get()
    assert payload == {
        "ticket": {
            "__typename": "CustomerTicket",
            "id": to_global_id("SupportTicket", ticket.pk),
            "number": ticket.number,
            "subject": "Colet deteriorat <b>rău</b>",
            "status": "NEW",
            "channel": "WEB",
            "category": {"slug": "other"},
            "messages": {
                "edges": [
                    {
                        "node": {
                            "authorType": "CUSTOMER",
                            "body": (
                                "<p>Colet deteriorat &lt;b&gt;rău&lt;/b&gt;<br>Ce fac acum?</p>"
                            ),
                        }
                    }
                ]
            },
            "order": None,
            "reopenUntil": None,
        },
        "accessToken": None,
        "errors": [],
    }
    assert (ticket.customer_user_id, ticket.customer_email, ticket.customer_name) == (
        customer_user.pk,
        "ana.popescu@example.com",
        "Ana Popescu",
    )
    assert (ticket.channel, ticket.status, ticket.priority, ticket.assignee_id) == (
        TicketChannel.WEB,
        TicketStatus.NEW,
        TicketPriority.NORMAL,
        None,
    )
    assert [e.type for e in ticket.events.all()] == [
        TicketEventType.OPENED,
        TicketEventType.MESSAGE_ADDED,
    ]
    assert TicketAccessToken.objects.count() == 0


def test_a_subject_and_category_are_kept_and_a_long_first_line_is_cut_at_a_word(
    customer_api_client,
):
    first = _create(
        customer_api_client, message="x", subject="  Zła   faktura ", category="payment"
    )
    second = _create(customer_api_client, message=" ".join(["słowo"] * 30))

    assert (first["ticket"]["subject"], first["ticket"]["category"]) == (
        "Zła faktura",
        {"slug": "payment"},
    )
    assert second["ticket"]["subject"] == " ".join(["słowo"] * 13) + "…"


def test_a_guest_gets_an_access_token_shown_once_and_stored_as_a_hash(api_client):
    # when
    payload = _create(api_client, message="سلام، سفارشم کجاست؟", email="Maryam@Example.com")

    # then
    token = payload["accessToken"]
    assert token.startswith("spt_")
    assert len(token) == 47
    ticket = Ticket.objects.get()
    assert (ticket.customer_user_id, ticket.customer_email) == (None, "maryam@example.com")
    stored = TicketAccessToken.objects.get()
    assert stored.ticket_id == ticket.pk
    assert stored.token_hash == hashlib.sha256(token.encode()).hexdigest()
    assert token not in str(TicketAccessToken.objects.values_list())
    # and the token opens that ticket, and only it
    guest = ApiClient(Client(), token)
    assert guest.execute(MINE)["data"]["supportTickets"]["edges"] == [
        {"node": {"__typename": "CustomerTicket", "subject": "سلام، سفارشم کجاست؟", "order": None}}
    ]


def test_the_guest_name_and_language_are_kept(api_client):
    _create(
        api_client,
        message="Dzień dobry",
        email="jan@example.com",
        name="  Jan   Kowalski ",
        languageCode="pl",
    )

    ticket = Ticket.objects.get()
    assert (ticket.customer_name, ticket.language_code) == ("Jan Kowalski", "pl")


def test_the_language_comes_from_accept_language_when_not_given(db):
    client = Client(headers={"Accept-Language": "ro-RO,ro;q=0.9"})

    ApiClient(client).execute(CREATE, {"input": {"message": "Bună", "email": "a@example.com"}})

    assert Ticket.objects.get().language_code == "ro"


def test_a_customer_names_their_own_order(customer_api_client, order_generator):
    # given
    order = order_generator()

    # when
    payload = _create(customer_api_client, message="Când ajunge?", order=_order_gid(order))

    # then
    assert payload["errors"] == []
    assert payload["ticket"]["order"] == {"id": _order_gid(order), "number": str(order.number)}
    ticket = Ticket.objects.get()
    assert (ticket.order_id, ticket.order_number, ticket.language_code) == (
        order.pk,
        str(order.number),
        "ro",
    )
    assert ticket.order_snapshot is not None
    assert ticket.order_snapshot["lines"][0]["sku"] == "SHOE-1"
    assert ticket.thread_key is None


def test_a_guest_names_an_order_placed_with_their_e_mail(api_client, order_generator, guest_buyer):
    order = order_generator(who=guest_buyer)

    payload = _create(
        api_client, message="Where?", order=_order_gid(order), email="maryam.ahmadi@example.com"
    )

    assert payload["errors"] == []
    assert payload["ticket"]["order"]["number"] == str(order.number)


NOT_FOUND_ORDER = [{"field": "order", "message": "Order not found.", "code": "NOT_FOUND"}]


def test_someone_elses_order_is_not_found_like_a_missing_one(
    api_client_for, order_generator, guest_buyer, django_user_model
):
    # given
    order = order_generator()
    guest_order = order_generator(who=guest_buyer)
    stranger = django_user_model.objects.create_user(username="eve", email="eve@example.com")
    client = api_client_for(stranger)
    missing = to_global_id("Order", "00000000-0000-0000-0000-000000000001")

    # when
    answers = [
        _create(client, message="x", order=_order_gid(order)),
        _create(client, message="x", order=_order_gid(guest_order)),
        _create(client, message="x", order=missing),
        _create(client, message="x", order="not-an-id"),
        _create(client, message="x", order=to_global_id("Order", "1")),
        _create(
            api_client_for(None),
            message="x",
            order=_order_gid(guest_order),
            email="eve@example.com",
        ),
        _create(api_client_for(None), message="x", order=_order_gid(order), email="eve@x.com"),
    ]

    # then
    assert answers == [{"ticket": None, "accessToken": None, "errors": NOT_FOUND_ORDER}] * len(
        answers
    )
    assert Ticket.objects.count() == 0


@pytest.mark.parametrize(
    ("values", "error"),
    [
        ({"message": "  "}, {"field": "message", "code": "REQUIRED"}),
        ({"message": "x" * 10_001}, {"field": "message", "code": "TOO_LONG"}),
        ({"message": "x", "subject": "s" * 256}, {"field": "subject", "code": "TOO_LONG"}),
        ({"message": "x", "category": "nope"}, {"field": "category", "code": "INVALID"}),
        (
            {"message": "x", "languageCode": "romanian"},
            {"field": "languageCode", "code": "INVALID"},
        ),
        ({"message": "x", "email": "a@example.com"}, {"field": "email", "code": "INVALID"}),
    ],
)
def test_bad_input_from_a_customer_stores_nothing(customer_api_client, values, error):
    payload = _create(customer_api_client, **values)

    assert [{"field": e["field"], "code": e["code"]} for e in payload["errors"]] == [error]
    assert payload["ticket"] is None
    assert (Ticket.objects.count(), TicketMessage.objects.count()) == (0, 0)


@pytest.mark.parametrize(
    ("values", "error"),
    [
        ({"message": "x"}, {"field": "email", "code": "REQUIRED"}),
        ({"message": "x", "email": "not-an-address"}, {"field": "email", "code": "INVALID"}),
        ({"message": "x", "email": "a" * 250 + "@x.ro"}, {"field": "email", "code": "INVALID"}),
        (
            {"message": "x", "email": "a@x.ro", "name": "n" * 256},
            {"field": "name", "code": "TOO_LONG"},
        ),
    ],
)
def test_bad_input_from_a_guest_stores_nothing(api_client, values, error):
    payload = _create(api_client, **values)

    assert [{"field": e["field"], "code": e["code"]} for e in payload["errors"]] == [error]
    assert (payload["ticket"], payload["accessToken"]) == (None, None)
    assert (Ticket.objects.count(), TicketAccessToken.objects.count()) == (0, 0)


@pytest.mark.parametrize("field", ["status", "priority", "assignee", "tier", "tags"])
def test_customer_input_cannot_carry_desk_fields(customer_api_client, field):
    response = customer_api_client.post(CREATE, {"input": {"message": "x", field: "URGENT"}})

    assert response.status_code == 400
    assert response.json()["errors"][0]["extensions"] == {
        "exception": {"code": "GRAPHQL_VALIDATION_FAILED"}
    }
    assert Ticket.objects.count() == 0


def test_the_customer_message_is_the_customers(customer_api_client, customer_user):
    _create(customer_api_client, message="Hi")

    message = TicketMessage.objects.get()
    assert (message.author_type, message.author_user_id, message.is_internal) == (
        MessageAuthorType.CUSTOMER,
        customer_user.pk,
        False,
    )


def _guest_ticket(client, email, message="Hello"):
    return _create(client, message=message, email=email)


def test_guests_open_five_tickets_a_minute_from_one_address(api_client):
    # when
    answers = [_guest_ticket(api_client, f"guest{i}@example.com") for i in range(6)]

    # then
    assert [a["errors"] for a in answers[:5]] == [[]] * 5
    refused = answers[5]
    assert (refused["ticket"], refused["accessToken"]) == (None, None)
    assert [(e["field"], e["code"]) for e in refused["errors"]] == [(None, "TOO_MANY_REQUESTS")]
    assert refused["errors"][0]["message"].startswith("Too many requests: try again in ")
    assert Ticket.objects.count() == 5


def test_one_e_mail_opens_three_guest_tickets_an_hour(api_client, settings):
    # given
    settings.SUPPORT_DESK = {
        **settings.SUPPORT_DESK,
        "RATE_LIMITS": {"ticket_create_ip_minute": None},
    }

    # when
    same = [_guest_ticket(api_client, "Jan@Example.com") for _ in range(4)]
    other = _guest_ticket(api_client, "ewa@example.com")

    # then
    assert [bool(a["errors"]) for a in same] == [False, False, False, True]
    assert same[3]["errors"][0]["code"] == "TOO_MANY_REQUESTS"
    assert other["errors"] == []


def test_refused_input_uses_no_budget(api_client):
    for _ in range(6):
        _create(api_client, message="  ", email="jan@example.com")

    assert _guest_ticket(api_client, "jan@example.com")["errors"] == []


def test_signed_in_customers_are_not_counted(customer_api_client):
    answers = [_create(customer_api_client, message=f"Q{i}") for i in range(7)]

    assert [a["errors"] for a in answers] == [[]] * 7


def test_a_refused_subject_uses_no_budget(api_client):
    for _ in range(6):
        _create(api_client, message="x", subject="s" * 256, email="jan@example.com")

    assert _guest_ticket(api_client, "jan@example.com")["errors"] == []

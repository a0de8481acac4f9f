"""supportReturnRequest and supportReturnRequestDecide: delivered items, checked, decided."""

import pytest
from django.test import Client
from django.utils import timezone

from saleor_support_plugin import ratelimit
from saleor_support_plugin.graphql.core.ids import to_global_id
from saleor_support_plugin.returns import ReturnRequestStatus
from saleor_support_plugin.returns.models import ReturnRequest
from saleor_support_plugin.tickets import MessageAuthorType, TicketChannel, TicketEventType
from saleor_support_plugin.tickets.models import Ticket, TicketMessage
from sandbox.store import actions as store
from tests.graphql.conftest import ApiClient

REQUEST = """
mutation Return($input: SupportReturnRequestInput!) {
  supportReturnRequest(input: $input) {
    returnRequest {
      status reason
      lines { orderLineId productName sku quantity }
    }
    ticket { __typename subject category { slug } messages { edges { node { body } } } }
    accessToken
    errors { field code message }
  }
}
"""

DECIDE = """
mutation Decide($id: ID!, $decision: SupportReturnDecisionEnum!, $message: String) {
  supportReturnRequestDecide(id: $id, decision: $decision, message: $message) {
    returnRequest { status decidedAt }
    ticket { number }
    errors { field code message }
  }
}
"""


@pytest.fixture
def delivered_order(order_generator, django_capture_on_commit_callbacks):
    order = order_generator()
    with django_capture_on_commit_callbacks(execute=True):
        store.fulfill_order(order, at=timezone.now())
    return order


def _line(order, index):
    """The order's line of the ``index``-th product: shoes (2 items), a jacket (1 item)."""
    return order.lines.get(product_sku=["SHOE-1", "JACKET-1"][index])


def _lines(*pairs):
    return [{"line": to_global_id("OrderLine", line.pk), "quantity": q} for line, q in pairs]


def _request(client, order, lines, reason="DAMAGED", **extra):
    variables = {
        "input": {"order": to_global_id("Order", order.pk), "lines": lines, "reason": reason}
    }
    variables["input"].update(extra)
    return client.execute(REQUEST, variables)["data"]["supportReturnRequest"]


def test_a_customer_asks_to_return_delivered_items(customer_api_client, delivered_order):
    # given
    shoes = _line(delivered_order, 0)

    # when
    payload = _request(
        customer_api_client, delivered_order, _lines((shoes, 1)), comment="Talpa s-a dezlipit."
    )

    # then
    assert payload == {
        "returnRequest": {
            "status": "REQUESTED",
            "reason": "DAMAGED",
            "lines": [
                {
                    "orderLineId": to_global_id("OrderLine", shoes.pk),
                    "productName": "Pantofi sport",
                    "sku": "SHOE-1",
                    "quantity": 1,
                }
            ],
        },
        "ticket": {
            "__typename": "CustomerTicket",
            "subject": f"Return request: order #{delivered_order.number}",
            "category": {"slug": "return"},
            "messages": {
                "edges": [
                    {
                        "node": {
                            "body": "<p>1 × Pantofi sport (SHOE-1)</p><p>Talpa s-a dezlipit.</p>"
                        }
                    }
                ]
            },
        },
        "accessToken": None,
        "errors": [],
    }
    ticket = Ticket.objects.get(category__slug="return")
    assert (ticket.channel, ticket.order_id, ticket.language_code) == (
        TicketChannel.WEB,
        delivered_order.pk,
        "ro",
    )
    assert list(ticket.events.values_list("type", flat=True)) == [
        TicketEventType.OPENED,
        TicketEventType.MESSAGE_ADDED,
        TicketEventType.RETURN_REQUESTED,
    ]


def test_more_than_delivered_is_refused_with_nothing_stored(customer_api_client, delivered_order):
    payload = _request(customer_api_client, delivered_order, _lines((_line(delivered_order, 1), 2)))

    assert payload["errors"] == [
        {
            "field": "lines",
            "code": "QUANTITY_UNAVAILABLE",
            "message": "Kurtka zimowa: 1 can be returned, not 2.",
        }
    ]
    assert (
        ReturnRequest.objects.count(),
        Ticket.objects.filter(category__slug="return").count(),
    ) == (0, 0)


def test_nothing_can_be_returned_before_delivery(customer_api_client, order_generator):
    order = order_generator()

    payload = _request(customer_api_client, order, _lines((_line(order, 0), 1)))

    assert payload["errors"][0]["message"] == "Pantofi sport: 0 can be returned, not 1."


def test_waiting_requests_hold_their_items_until_rejected(
    customer_api_client, staff_api_client, delivered_order
):
    # given
    shoes = _line(delivered_order, 0)
    first = _request(customer_api_client, delivered_order, _lines((shoes, 2)))
    assert first["errors"] == []

    # when
    held = _request(customer_api_client, delivered_order, _lines((shoes, 1)))
    request_id = to_global_id("SupportReturnRequest", ReturnRequest.objects.get().pk)
    staff_api_client.execute(DECIDE, {"id": request_id, "decision": "REJECT"})
    freed = _request(customer_api_client, delivered_order, _lines((shoes, 1)))

    # then
    assert held["errors"][0]["message"] == "Pantofi sport: 0 can be returned, not 1."
    assert freed["errors"] == []
    assert ReturnRequest.objects.filter(status=ReturnRequestStatus.REQUESTED).count() == 1


def test_items_returned_in_the_store_are_no_longer_returnable(
    customer_api_client, delivered_order, django_capture_on_commit_callbacks
):
    # given
    shoes = _line(delivered_order, 0)
    with django_capture_on_commit_callbacks(execute=True):
        store.return_products(delivered_order, at=timezone.now(), returned=[(shoes, 1)])

    # when
    payload = _request(customer_api_client, delivered_order, _lines((shoes, 2)))

    # then
    assert payload["errors"][0]["message"] == "Pantofi sport: 1 can be returned, not 2."


@pytest.mark.parametrize(
    ("lines", "extra", "error"),
    [
        ("none", {}, {"field": "lines", "code": "REQUIRED"}),
        ("zero", {}, {"field": "lines", "code": "INVALID"}),
        ("twice", {}, {"field": "lines", "code": "INVALID"}),
        ("unknown", {}, {"field": "lines", "code": "NOT_FOUND"}),
        ("bad-id", {}, {"field": "lines", "code": "NOT_FOUND"}),
        ("one", {"reason": "OTHER"}, {"field": "comment", "code": "REQUIRED"}),
        ("one", {"comment": "x" * 10_001}, {"field": "comment", "code": "TOO_LONG"}),
        ("one", {"email": "ana@example.com"}, {"field": "email", "code": "INVALID"}),
    ],
)
def test_bad_requests_store_nothing(customer_api_client, delivered_order, lines, extra, error):
    shoes = _line(delivered_order, 0)
    given = {
        "none": [],
        "zero": _lines((shoes, 0)),
        "twice": _lines((shoes, 1), (shoes, 1)),
        "unknown": [{"line": to_global_id("OrderLine", 999_999), "quantity": 1}],
        "bad-id": [{"line": "nope", "quantity": 1}],
        "one": _lines((shoes, 1)),
    }[lines]

    payload = _request(customer_api_client, delivered_order, given, **extra)

    assert [{"field": e["field"], "code": e["code"]} for e in payload["errors"]] == [error]
    assert (ReturnRequest.objects.count(), Ticket.objects.count()) == (0, 0)


def test_someone_elses_order_is_not_found(api_client_for, delivered_order, django_user_model):
    stranger = django_user_model.objects.create_user(username="eve", email="eve@example.com")

    payload = _request(
        api_client_for(stranger), delivered_order, _lines((_line(delivered_order, 0), 1))
    )

    assert payload["errors"] == [
        {"field": "order", "code": "NOT_FOUND", "message": "Order not found."}
    ]


def test_a_guest_returns_items_of_an_order_placed_with_their_e_mail(
    api_client, order_generator, guest_buyer, django_capture_on_commit_callbacks
):
    # given
    order = order_generator(who=guest_buyer)
    with django_capture_on_commit_callbacks(execute=True):
        store.fulfill_order(order, at=timezone.now())

    # when
    payload = _request(
        api_client,
        order,
        _lines((_line(order, 0), 1)),
        reason="SIZE_OR_FIT",
        email="maryam.ahmadi@example.com",
    )

    # then
    assert payload["errors"] == []
    guest = ApiClient(Client(), payload["accessToken"])
    listed = guest.execute("{ supportTickets { edges { node { returnRequest { reason } } } } }")
    assert listed["data"]["supportTickets"]["edges"] == [
        {"node": {"returnRequest": {"reason": "SIZE_OR_FIT"}}}
    ]
    assert Ticket.objects.get().customer_name == "مریم احمدی"


def test_an_agent_approves_once_with_a_message_to_the_customer(
    customer_api_client, staff_api_client, delivered_order, agent
):
    # given
    _request(customer_api_client, delivered_order, _lines((_line(delivered_order, 0), 1)))
    request = ReturnRequest.objects.get()
    request_id = to_global_id("SupportReturnRequest", request.pk)

    # when
    approved = staff_api_client.execute(
        DECIDE, {"id": request_id, "decision": "APPROVE", "message": "Trimite-le înapoi."}
    )["data"]["supportReturnRequestDecide"]
    again = staff_api_client.execute(DECIDE, {"id": request_id, "decision": "REJECT"})["data"][
        "supportReturnRequestDecide"
    ]

    # then
    assert approved["returnRequest"]["status"] == "APPROVED"
    assert approved["errors"] == []
    assert again == {
        "returnRequest": None,
        "ticket": None,
        "errors": [
            {
                "field": "decision",
                "code": "INVALID_TRANSITION",
                "message": "The request was already approved.",
            }
        ],
    }
    request.refresh_from_db()
    assert (request.status, request.decided_by_id) == (ReturnRequestStatus.APPROVED, agent.pk)
    answer = TicketMessage.objects.filter(ticket=request.ticket).last()
    assert answer is not None
    assert (answer.author_type, answer.is_internal, answer.body) == (
        MessageAuthorType.AGENT,
        False,
        "Trimite-le înapoi.",
    )
    assert [e.parameters for e in request.ticket.events.all()][-1] == {
        "return_request_id": request.pk,
        "decision": "approved",
    }


@pytest.mark.parametrize("who", ["customer_api_client", "api_client"])
def test_only_agents_decide(request, customer_api_client, delivered_order, who):
    _request(customer_api_client, delivered_order, _lines((_line(delivered_order, 0), 1)))
    return_request = ReturnRequest.objects.get()

    result = request.getfixturevalue(who).execute(
        DECIDE,
        {"id": to_global_id("SupportReturnRequest", return_request.pk), "decision": "APPROVE"},
    )

    assert [e["extensions"]["exception"]["code"] for e in result["errors"]] == ["PERMISSION_DENIED"]
    return_request.refresh_from_db()
    assert return_request.status == ReturnRequestStatus.REQUESTED


def test_an_unknown_return_request_is_not_found(staff_api_client, db):
    result = staff_api_client.execute(
        DECIDE, {"id": to_global_id("SupportReturnRequest", 1), "decision": "APPROVE"}
    )

    assert result["data"]["supportReturnRequestDecide"]["errors"] == [
        {"field": "id", "code": "NOT_FOUND", "message": "Return request not found."}
    ]


def test_a_guests_second_request_over_the_e_mail_limit_stores_nothing(
    settings, api_client, order_generator, guest_buyer, django_capture_on_commit_callbacks
):
    # given: one request per e-mail address an hour, the first one made
    settings.SUPPORT_DESK = {
        **settings.SUPPORT_DESK,
        "RATE_LIMITS": {ratelimit.TICKET_CREATE_EMAIL_HOUR: (1, 3600)},
    }
    order = order_generator(who=guest_buyer)
    with django_capture_on_commit_callbacks(execute=True):
        store.fulfill_order(order, at=timezone.now())
    email = "maryam.ahmadi@example.com"
    first = _request(api_client, order, _lines((_line(order, 0), 1)), email=email)
    assert first["errors"] == []

    # when: a valid request for the items still returnable
    second = _request(api_client, order, _lines((_line(order, 1), 1)), email=email)

    # then
    assert (second["returnRequest"], second["ticket"], second["accessToken"]) == (None,) * 3
    [error] = second["errors"]
    assert (error["field"], error["code"]) == (None, "TOO_MANY_REQUESTS")
    assert error["message"].startswith("Too many requests: try again in ")
    assert (ReturnRequest.objects.count(), Ticket.objects.count()) == (1, 1)

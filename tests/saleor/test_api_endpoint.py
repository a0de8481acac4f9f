"""The desk's GraphQL API inside Saleor: its URL, its webhook and Saleor's own credentials.

Every request goes through Saleor's URL routing (``/plugins/global/<PLUGIN_ID>/``), its
middleware and ``PluginsManager.webhook`` to ``SupportPlugin.webhook``, with real Saleor
JWTs (``create_access_token``), app tokens and orders.
"""

import base64
import json
from datetime import timedelta
from typing import Any

import graphene
import pytest
from django.test import Client, RequestFactory, TestCase
from django.utils import timezone
from saleor.core.auth_backend import load_user_from_request
from saleor.core.jwt import create_access_token, create_access_token_for_app
from saleor.graphql.tests.utils import get_graphql_content

from saleor_support_plugin import PLUGIN_ID
from saleor_support_plugin.returns.models import ReturnRequest
from saleor_support_plugin.tickets.models import Ticket, TicketMessage

ENDPOINT = f"/plugins/global/{PLUGIN_ID}/graphql/"


class Desk:
    """One caller of the desk's endpoint, with the bearer token it sends (if any)."""

    def __init__(self, token: str | None = None, *, saleor_header: bool = False) -> None:
        self.client = Client()
        self.token = token
        # True: ``Authorization-Bearer: <t>`` (Saleor's own header); else ``Authorization``.
        self.saleor_header = saleor_header

    def post(self, query: str, variables: dict[str, Any] | None = None) -> Any:
        headers = {}
        if self.token and self.saleor_header:
            headers["Authorization-Bearer"] = self.token
        elif self.token:
            headers["Authorization"] = f"Bearer {self.token}"
        body = json.dumps({"query": query, "variables": variables or {}})
        # On-commit callbacks run, as in production (and as Saleor's ``post_graphql`` does).
        with TestCase.captureOnCommitCallbacks(execute=True):
            return self.client.post(
                ENDPOINT, data=body, content_type="application/json", headers=headers
            )

    def execute(self, query: str, variables: dict[str, Any] | None = None) -> dict[str, Any]:
        response = self.post(query, variables)
        assert response.status_code == 200, response.content
        result: dict[str, Any] = response.json()
        return result


def gid(type_name: str, pk: Any) -> str:
    return graphene.Node.to_global_id(type_name, pk)


VIEWER = "{ supportViewer { kind permissions user { id email } } }"

CREATE = """
mutation Create($input: SupportTicketCreateInput!) {
  supportTicketCreate(input: $input) {
    ticket {
      __typename id number subject status channel category { slug }
      messages { edges { node { __typename authorType body } } }
      ... on CustomerTicket { order { id number } reopenUntil }
    }
    accessToken
    errors { field code message }
  }
}
"""

LIST = """
{
  supportTickets {
    edges {
      node {
        __typename id subject status
        ... on CustomerTicket { order { id number } }
        ... on StaffTicket {
          priority customerEmail customerName customer { id email }
          order { id number channel }
        }
      }
    }
  }
}
"""

DETAIL = """
query One($id: ID!) {
  supportTicket(id: $id) {
    __typename subject status
    messages { edges { node { __typename authorType body } } }
  }
}
"""

REPLY = """
mutation Reply($id: ID!, $body: String!) {
  supportTicketReply(id: $id, input: { body: $body }) {
    ticket { status }
    message { __typename authorType body }
    errors { field code message }
  }
}
"""

CLOSE = """
mutation Close($id: ID!) {
  supportTicketClose(id: $id) {
    ticket { status ... on CustomerTicket { reopenUntil } }
    errors { field code message }
  }
}
"""

REOPEN = """
mutation Reopen($id: ID!) {
  supportTicketReopen(id: $id) {
    ticket { status closedAt ... on CustomerTicket { reopenUntil } }
    errors { field code message }
  }
}
"""

UPDATE = """
mutation Update($id: ID!) {
  supportTicketUpdate(id: $id, input: { status: OPEN, priority: URGENT }) {
    ticket { status priority }
    errors { field code message }
  }
}
"""

ASSIGN = """
mutation Assign($id: ID!, $assignee: ID) {
  supportTicketAssign(id: $id, assigneeId: $assignee) {
    ticket { assignee { email } }
    errors { field code message }
  }
}
"""


RETURN_REQUEST = """
mutation Return($input: SupportReturnRequestInput!) {
  supportReturnRequest(input: $input) {
    returnRequest { status reason lines { orderLineId productName variantName sku quantity } }
    ticket { __typename subject category { slug } messages { edges { node { body } } } }
    accessToken
    errors { field code message }
  }
}
"""

SALEOR_RETURN_PRODUCTS = """
mutation Return($order: ID!, $input: OrderReturnProductsInput!) {
  orderFulfillmentReturnProducts(order: $order, input: $input) {
    returnFulfillment { status }
    errors { field code message }
  }
}
"""


def permission_denied(field: str, line: int, column: int) -> dict[str, Any]:
    """The answer to an agent mutation from someone without MANAGE_ORDERS."""
    return {
        "data": {field: None},
        "errors": [
            {
                "message": "You need the following permissions to do this: MANAGE_ORDERS.",
                "locations": [{"line": line, "column": column}],
                "path": [field],
                "extensions": {"exception": {"code": "PERMISSION_DENIED"}},
            }
        ],
    }


@pytest.fixture
def agent(staff_user, permission_group_manage_orders):
    """A staff member with MANAGE_ORDERS, through Saleor's permission group."""
    permission_group_manage_orders.user_set.add(staff_user)
    return staff_user


@pytest.fixture
def customer_order(order_with_lines, customer_user):
    """An order placed from the customer's account (two lines: 3 × SKU_AA, 2 × SKU_B)."""
    order_with_lines.user = customer_user
    order_with_lines.user_email = customer_user.email
    order_with_lines.save(update_fields=["user", "user_email"])
    return order_with_lines


@pytest.fixture
def customer(support_plugin, customer_user):
    """The customer calling the desk with a Saleor access token of their account."""
    return Desk(create_access_token(customer_user))


@pytest.fixture
def customer_ticket(customer, customer_order):
    """A ticket the customer opened about their order; returns its global id."""
    payload = customer.execute(
        CREATE,
        {"input": {"message": "Where is my parcel?", "order": gid("Order", customer_order.pk)}},
    )["data"]["supportTicketCreate"]
    assert payload["errors"] == []
    return payload["ticket"]["id"]


def test_the_endpoint_is_served_only_while_the_plugin_is_active(support_plugin_installed, db):
    # when
    response = Desk().post(VIEWER)

    # then
    assert response.status_code == 404


def test_an_agent_with_a_saleor_jwt_is_staff_with_manage_orders(support_plugin, agent):
    # when
    result = Desk(create_access_token(agent)).execute(VIEWER)

    # then
    assert result == {
        "data": {
            "supportViewer": {
                "kind": "STAFF",
                "permissions": ["MANAGE_ORDERS"],
                "user": {"id": gid("User", agent.pk), "email": "staff_test@example.com"},
            }
        }
    }


def test_an_agent_lists_tickets_as_staff_tickets(
    support_plugin, agent, customer_ticket, customer_order, customer_user
):
    # when
    result = Desk(create_access_token(agent)).execute(LIST)

    # then
    assert result == {
        "data": {
            "supportTickets": {
                "edges": [
                    {
                        "node": {
                            "__typename": "StaffTicket",
                            "id": customer_ticket,
                            "subject": "Where is my parcel?",
                            "status": "NEW",
                            "priority": "NORMAL",
                            "customerEmail": "test@example.com",
                            "customerName": "Leslie Wade",
                            "customer": {
                                "id": gid("User", customer_user.pk),
                                "email": "test@example.com",
                            },
                            "order": {
                                "id": gid("Order", customer_order.pk),
                                "number": str(customer_order.number),
                                "channel": customer_order.channel.slug,
                            },
                        }
                    }
                ]
            }
        }
    }


def test_an_agent_updates_and_assigns_a_ticket(support_plugin, agent, customer_ticket):
    # given
    desk = Desk(create_access_token(agent))

    # when
    updated = desk.execute(UPDATE, {"id": customer_ticket})
    assigned = desk.execute(ASSIGN, {"id": customer_ticket, "assignee": gid("User", agent.pk)})

    # then
    assert updated == {
        "data": {
            "supportTicketUpdate": {
                "ticket": {"status": "OPEN", "priority": "URGENT"},
                "errors": [],
            }
        }
    }
    assert assigned == {
        "data": {
            "supportTicketAssign": {
                "ticket": {"assignee": {"email": "staff_test@example.com"}},
                "errors": [],
            }
        }
    }


def test_staff_without_manage_orders_see_only_their_own_tickets(
    support_plugin, staff_user, customer_ticket
):
    # given
    desk = Desk(create_access_token(staff_user))
    own = desk.execute(CREATE, {"input": {"message": "My own order is late"}})
    own_id = own["data"]["supportTicketCreate"]["ticket"]["id"]

    # when
    viewer = desk.execute(VIEWER)
    listed = desk.execute(LIST)
    other = desk.execute(DETAIL, {"id": customer_ticket})

    # then
    assert viewer["data"]["supportViewer"]["kind"] == "STAFF"
    assert viewer["data"]["supportViewer"]["permissions"] == []
    assert listed == {
        "data": {
            "supportTickets": {
                "edges": [
                    {
                        "node": {
                            "__typename": "CustomerTicket",
                            "id": own_id,
                            "subject": "My own order is late",
                            "status": "NEW",
                            "order": None,
                        }
                    }
                ]
            }
        }
    }
    assert other == {"data": {"supportTicket": None}}


def test_staff_without_manage_orders_are_denied_agent_mutations(
    support_plugin, staff_user, customer_ticket, customer_user
):
    # given
    desk = Desk(create_access_token(staff_user))

    # when
    updated = desk.execute(UPDATE, {"id": customer_ticket})
    assigned = desk.execute(ASSIGN, {"id": customer_ticket, "assignee": gid("User", staff_user.pk)})

    # then
    assert updated == permission_denied("supportTicketUpdate", 3, 3)
    assert assigned == permission_denied("supportTicketAssign", 3, 3)
    ticket = Desk(create_access_token(customer_user)).execute(DETAIL, {"id": customer_ticket})
    assert ticket["data"]["supportTicket"]["status"] == "NEW"


def test_a_customer_opens_a_ticket_about_their_saleor_order(
    customer, customer_order, customer_user
):
    # when
    result = customer.execute(
        CREATE,
        {"input": {"message": "Where is my parcel?", "order": gid("Order", customer_order.pk)}},
    )

    # then
    payload = result["data"]["supportTicketCreate"]
    ticket = payload["ticket"]
    assert payload == {
        "ticket": {
            "__typename": "CustomerTicket",
            "id": ticket["id"],
            "number": ticket["number"],
            "subject": "Where is my parcel?",
            "status": "NEW",
            "channel": "WEB",
            "category": {"slug": "other"},
            "messages": {
                "edges": [
                    {
                        "node": {
                            "__typename": "CustomerTicketMessage",
                            "authorType": "CUSTOMER",
                            "body": "<p>Where is my parcel?</p>",
                        }
                    }
                ]
            },
            "order": {
                "id": gid("Order", customer_order.pk),
                "number": str(customer_order.number),
            },
            "reopenUntil": None,
        },
        "accessToken": None,
        "errors": [],
    }
    stored = Ticket.objects.get()
    assert ticket["id"] == gid("SupportTicket", stored.pk)
    assert ticket["number"] == stored.number
    assert (stored.customer_user_id, stored.customer_email, stored.customer_name) == (
        customer_user.pk,
        "test@example.com",
        "Leslie Wade",
    )
    assert (stored.order_id, stored.order_number, stored.order_channel) == (
        customer_order.pk,
        str(customer_order.number),
        customer_order.channel.slug,
    )
    assert stored.order_snapshot is not None
    assert sorted((line["sku"], line["quantity"]) for line in stored.order_snapshot["lines"]) == [
        ("SKU_AA", 3),
        ("SKU_B", 2),
    ]


def test_a_customer_cannot_name_another_customers_order(customer, order_with_lines, customer_user2):
    # given
    order_with_lines.user = customer_user2
    order_with_lines.user_email = customer_user2.email
    order_with_lines.save(update_fields=["user", "user_email"])

    # when
    result = customer.execute(
        CREATE, {"input": {"message": "Hello", "order": gid("Order", order_with_lines.pk)}}
    )

    # then
    assert result == {
        "data": {
            "supportTicketCreate": {
                "ticket": None,
                "accessToken": None,
                "errors": [{"field": "order", "code": "NOT_FOUND", "message": "Order not found."}],
            }
        }
    }
    assert Ticket.objects.count() == 0


def test_a_customer_follows_replies_closes_and_reopens_their_ticket(
    customer, customer_ticket, customer_order
):
    # when
    listed = customer.execute(LIST)
    replied = customer.execute(REPLY, {"id": customer_ticket, "body": "Any news? <b>Please</b>"})
    closed = customer.execute(CLOSE, {"id": customer_ticket})
    closed_at = Ticket.objects.get().closed_at
    reopened = customer.execute(REOPEN, {"id": customer_ticket})
    detail = customer.execute(DETAIL, {"id": customer_ticket})

    # then
    assert listed == {
        "data": {
            "supportTickets": {
                "edges": [
                    {
                        "node": {
                            "__typename": "CustomerTicket",
                            "id": customer_ticket,
                            "subject": "Where is my parcel?",
                            "status": "NEW",
                            "order": {
                                "id": gid("Order", customer_order.pk),
                                "number": str(customer_order.number),
                            },
                        }
                    }
                ]
            }
        }
    }
    assert replied == {
        "data": {
            "supportTicketReply": {
                "ticket": {"status": "NEW"},
                "message": {
                    "__typename": "CustomerTicketMessage",
                    "authorType": "CUSTOMER",
                    "body": "<p>Any news? &lt;b&gt;Please&lt;/b&gt;</p>",
                },
                "errors": [],
            }
        }
    }
    assert closed_at is not None
    closed_until = (closed_at + timedelta(days=7)).isoformat()  # the default reopen window
    assert closed == {
        "data": {
            "supportTicketClose": {
                "ticket": {"status": "CLOSED", "reopenUntil": closed_until},
                "errors": [],
            }
        }
    }
    assert reopened == {
        "data": {
            "supportTicketReopen": {
                "ticket": {"status": "OPEN", "closedAt": None, "reopenUntil": None},
                "errors": [],
            }
        }
    }
    assert detail == {
        "data": {
            "supportTicket": {
                "__typename": "CustomerTicket",
                "subject": "Where is my parcel?",
                "status": "OPEN",
                "messages": {
                    "edges": [
                        {
                            "node": {
                                "__typename": "CustomerTicketMessage",
                                "authorType": "CUSTOMER",
                                "body": "<p>Where is my parcel?</p>",
                            }
                        },
                        {
                            "node": {
                                "__typename": "CustomerTicketMessage",
                                "authorType": "CUSTOMER",
                                "body": "<p>Any news? &lt;b&gt;Please&lt;/b&gt;</p>",
                            }
                        },
                    ]
                },
            }
        }
    }


def test_another_customer_neither_sees_nor_answers_the_ticket(
    support_plugin, customer_ticket, customer_user2
):
    # given
    other = Desk(create_access_token(customer_user2))

    # when
    listed = other.execute(LIST)
    detail = other.execute(DETAIL, {"id": customer_ticket})
    replied = other.execute(REPLY, {"id": customer_ticket, "body": "Me too"})

    # then
    assert listed == {"data": {"supportTickets": {"edges": []}}}
    assert detail == {"data": {"supportTicket": None}}
    assert replied == {
        "data": {
            "supportTicketReply": {
                "ticket": None,
                "message": None,
                "errors": [{"field": "id", "code": "NOT_FOUND", "message": "Ticket not found."}],
            }
        }
    }
    assert TicketMessage.objects.count() == 1


@pytest.fixture
def delivered_order(fulfilled_order, customer_user):
    """A fulfilled order of the customer's account: 3 × SKU_AA and 2 × SKU_B delivered."""
    fulfilled_order.user = customer_user
    fulfilled_order.user_email = customer_user.email
    fulfilled_order.save(update_fields=["user", "user_email"])
    return fulfilled_order


def request_return(desk: Desk, order: Any, lines: list[tuple[Any, int]]) -> dict[str, Any]:
    variables = {
        "input": {
            "order": gid("Order", order.pk),
            "lines": [{"line": gid("OrderLine", line.pk), "quantity": q} for line, q in lines],
            "reason": "DAMAGED",
        }
    }
    payload: dict[str, Any] = desk.execute(RETURN_REQUEST, variables)["data"][
        "supportReturnRequest"
    ]
    return payload


def unavailable(message: str) -> dict[str, Any]:
    return {
        "returnRequest": None,
        "ticket": None,
        "accessToken": None,
        "errors": [{"field": "lines", "code": "QUANTITY_UNAVAILABLE", "message": message}],
    }


def saleor_return(staff_api_client: Any, order: Any, line: Any, quantity: int) -> None:
    """Return ``quantity`` items of ``line`` with Saleor's own mutation, without a refund."""
    fulfillment_line = order.fulfillments.get(status="fulfilled").lines.get(order_line=line)
    response = staff_api_client.post_graphql(
        SALEOR_RETURN_PRODUCTS,
        {
            "order": gid("Order", order.pk),
            "input": {
                "refund": False,
                "fulfillmentLines": [
                    {
                        "fulfillmentLineId": gid("FulfillmentLine", fulfillment_line.pk),
                        "quantity": quantity,
                        "replace": False,
                    }
                ],
            },
        },
    )
    assert get_graphql_content(response)["data"]["orderFulfillmentReturnProducts"] == {
        "returnFulfillment": {"status": "RETURNED"},
        "errors": [],
    }


def test_a_return_request_is_checked_against_saleor_fulfilments_and_returns(
    customer, delivered_order, staff_api_client, permission_group_manage_orders
):
    # given
    permission_group_manage_orders.user_set.add(staff_api_client.user)
    first = delivered_order.lines.get(product_sku="SKU_AA")
    second = delivered_order.lines.get(product_sku="SKU_B")

    # when
    too_many = request_return(customer, delivered_order, [(first, 4)])
    saleor_return(staff_api_client, delivered_order, first, 2)
    after_return = request_return(customer, delivered_order, [(first, 2)])
    accepted = request_return(customer, delivered_order, [(first, 1), (second, 2)])
    held = request_return(customer, delivered_order, [(second, 1)])

    # then
    assert too_many == unavailable("Test product: 3 can be returned, not 4.")
    assert after_return == unavailable("Test product: 1 can be returned, not 2.")
    assert accepted == {
        "returnRequest": {
            "status": "REQUESTED",
            "reason": "DAMAGED",
            "lines": [
                {
                    "orderLineId": gid("OrderLine", first.pk),
                    "productName": "Test product",
                    "variantName": "SKU_AA",
                    "sku": "SKU_AA",
                    "quantity": 1,
                },
                {
                    "orderLineId": gid("OrderLine", second.pk),
                    "productName": "Test product 2",
                    "variantName": "SKU_B",
                    "sku": "SKU_B",
                    "quantity": 2,
                },
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
                            "body": "<p>1 × Test product (SKU_AA)<br>2 × Test product 2 (SKU_B)</p>"
                        }
                    }
                ]
            },
        },
        "accessToken": None,
        "errors": [],
    }
    assert held == unavailable("Test product 2: 0 can be returned, not 1.")
    assert ReturnRequest.objects.count() == 1
    assert Ticket.objects.filter(category__slug="return").count() == 1


def test_a_guest_opens_a_ticket_and_follows_it_with_the_access_token(support_plugin, db):
    # given
    created = Desk().execute(
        CREATE,
        {"input": {"message": "Do you ship to Iasi?", "email": "Guest@Example.com", "name": "Ana"}},
    )
    payload = created["data"]["supportTicketCreate"]
    token = payload["accessToken"]
    ticket_id = payload["ticket"]["id"]
    follower = Desk(token)

    # when
    viewer = follower.execute(VIEWER)
    listed = follower.execute(LIST)
    replied = follower.execute(REPLY, {"id": ticket_id, "body": "And to Chisinau?"})

    # then
    assert token.startswith("spt_")
    assert len(token) == 47
    assert payload == {
        "ticket": {
            "__typename": "CustomerTicket",
            "id": ticket_id,
            "number": Ticket.objects.get().number,
            "subject": "Do you ship to Iasi?",
            "status": "NEW",
            "channel": "WEB",
            "category": {"slug": "other"},
            "messages": {
                "edges": [
                    {
                        "node": {
                            "__typename": "CustomerTicketMessage",
                            "authorType": "CUSTOMER",
                            "body": "<p>Do you ship to Iasi?</p>",
                        }
                    }
                ]
            },
            "order": None,
            "reopenUntil": None,
        },
        "accessToken": token,
        "errors": [],
    }
    assert viewer == {"data": {"supportViewer": {"kind": "GUEST", "permissions": [], "user": None}}}
    assert listed == {
        "data": {
            "supportTickets": {
                "edges": [
                    {
                        "node": {
                            "__typename": "CustomerTicket",
                            "id": ticket_id,
                            "subject": "Do you ship to Iasi?",
                            "status": "NEW",
                            "order": None,
                        }
                    }
                ]
            }
        }
    }
    assert replied == {
        "data": {
            "supportTicketReply": {
                "ticket": {"status": "NEW"},
                "message": {
                    "__typename": "CustomerTicketMessage",
                    "authorType": "CUSTOMER",
                    "body": "<p>And to Chisinau?</p>",
                },
                "errors": [],
            }
        }
    }
    stored = Ticket.objects.get()
    assert (stored.customer_user_id, stored.customer_email, stored.customer_name) == (
        None,
        "guest@example.com",
        "Ana",
    )


def test_saleor_passes_a_guest_token_through_to_the_plugin(support_plugin, db):
    """Saleor's middleware and routing leave the header alone; Saleor itself knows no ``spt_``.

    ``load_user_from_request`` takes the token for nobody's, which the plugin would answer
    with 401: the guest is recognised by the prefix before Saleor is asked.
    """
    # given
    created = Desk().execute(CREATE, {"input": {"message": "Hi", "email": "guest@example.com"}})
    token = created["data"]["supportTicketCreate"]["accessToken"]
    request = RequestFactory().post(ENDPOINT, headers={"Authorization": f"Bearer {token}"})

    # when
    in_authorization = Desk(token).post(LIST)
    in_saleor_header = Desk(token, saleor_header=True).post(LIST)

    # then
    assert load_user_from_request(request) is None
    for response in (in_authorization, in_saleor_header):
        assert response.status_code == 200
        assert [
            e["node"]["subject"] for e in response.json()["data"]["supportTickets"]["edges"]
        ] == ["Hi"]


def test_an_unknown_access_token_opens_nothing(support_plugin, customer_ticket):
    # when
    response = Desk("spt_" + "x" * 43).post(LIST)

    # then
    assert response.status_code == 200
    assert response.json() == {"data": {"supportTickets": {"edges": []}}}


def _expired(user: Any) -> str:
    return create_access_token(user, {"exp": timezone.now() - timedelta(minutes=1)})


def _forged(user: Any) -> str:
    """A customer's real token with the e-mail of the store's agent written into it."""
    header, payload, signature = create_access_token(user).split(".")
    claims = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
    claims |= {"email": "staff_test@example.com", "is_staff": True}
    forged = base64.urlsafe_b64encode(json.dumps(claims).encode()).decode().rstrip("=")
    return f"{header}.{forged}.{signature}"


def _deactivated(user: Any) -> str:
    token = create_access_token(user)
    user.is_active = False
    user.save(update_fields=["is_active"])
    return token


@pytest.mark.parametrize(
    ("make_token", "message"),
    [
        (_expired, "Signature has expired"),
        (_forged, "Signature verification failed"),
        (_deactivated, "Invalid token. User does not exist or is inactive."),
        (lambda user: "A" * 30, "The app token is not valid."),
    ],
    ids=["expired", "forged", "deactivated-user", "unknown-app-token"],
)
def test_a_token_saleor_refuses_is_answered_401_and_nothing_runs(
    support_plugin, agent, customer_user, make_token, message
):
    # given
    desk = Desk(make_token(customer_user))

    # when
    response = desk.post(CREATE, {"input": {"message": "Hello"}})

    # then
    assert response.status_code == 401
    assert response["WWW-Authenticate"] == "Bearer"
    assert response.json() == {
        "errors": [{"message": message, "extensions": {"exception": {"code": "UNAUTHENTICATED"}}}]
    }
    assert Ticket.objects.count() == 0


@pytest.fixture
def app_token(app, permission_manage_orders):
    """A Saleor app with MANAGE_ORDERS and a fresh token of it."""
    app.permissions.add(permission_manage_orders)
    _, raw_token = app.tokens.create(name="Support desk")
    return raw_token


def test_an_app_token_lists_tickets_as_an_agent(support_plugin, app_token, customer_ticket):
    # given
    desk = Desk(app_token)

    # when
    viewer = desk.execute(VIEWER)
    listed = desk.execute(LIST)
    updated = desk.execute(UPDATE, {"id": customer_ticket})

    # then
    assert viewer == {
        "data": {"supportViewer": {"kind": "APP", "permissions": ["MANAGE_ORDERS"], "user": None}}
    }
    assert [
        (e["node"]["__typename"], e["node"]["id"], e["node"]["customerEmail"])
        for e in listed["data"]["supportTickets"]["edges"]
    ] == [("StaffTicket", customer_ticket, "test@example.com")]
    assert updated == {
        "data": {
            "supportTicketUpdate": {
                "ticket": {"status": "OPEN", "priority": "URGENT"},
                "errors": [],
            }
        }
    }


def test_an_app_without_manage_orders_is_not_an_agent(support_plugin, app, customer_ticket):
    # given
    _, raw_token = app.tokens.create(name="Other")
    desk = Desk(raw_token)

    # when
    viewer = desk.execute(VIEWER)
    listed = desk.execute(LIST)
    updated = desk.execute(UPDATE, {"id": customer_ticket})

    # then
    assert viewer == {"data": {"supportViewer": {"kind": "APP", "permissions": [], "user": None}}}
    assert listed == {"data": {"supportTickets": {"edges": []}}}
    assert updated == permission_denied("supportTicketUpdate", 3, 3)


@pytest.mark.parametrize(
    ("app_may_manage_orders", "permissions", "tickets"),
    [(True, ["MANAGE_ORDERS"], 1), (False, [], 0)],
)
def test_a_dashboard_extension_token_carries_what_app_and_staff_member_share(
    support_plugin,
    agent,
    app,
    permission_manage_orders,
    customer_ticket,
    app_may_manage_orders,
    permissions,
    tickets,
):
    """The ``thirdparty`` JWT Saleor hands an app's Dashboard page: the staff member's
    permissions narrowed to those the app holds too."""
    # given
    if app_may_manage_orders:
        app.permissions.add(permission_manage_orders)
    desk = Desk(create_access_token_for_app(app, agent))

    # when
    viewer = desk.execute(VIEWER)
    listed = desk.execute(LIST)

    # then
    assert viewer == {
        "data": {
            "supportViewer": {
                "kind": "STAFF",
                "permissions": permissions,
                "user": {"id": gid("User", agent.pk), "email": "staff_test@example.com"},
            }
        }
    }
    assert len(listed["data"]["supportTickets"]["edges"]) == tickets

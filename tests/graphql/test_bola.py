"""BOLA matrix: nobody reaches a ticket, order, line or return request that is not theirs.

Two customers (A, B), a guest (G, holding the access token of G's ticket), someone holding
a live token of A's ticket, a staff member and an app without MANAGE_ORDERS, an anonymous
visitor and a set of forged tokens each try every customer query and mutation on everyone
else's tickets, orders, order lines and return requests: by global id, raw pk, a global id
of another type with the same pk, non-canonical and garbage ids, and 1,000 random ids.

Each answer must be the very answer to the same request naming an object that does not
exist: the same JSON (data, errors, fields, messages) and HTTP status. Those reference
answers are pinned as well, so the matrix cannot pass by everything failing alike. The
agents' operations answer PERMISSION_DENIED, whatever they name. No answer carries anyone
else's e-mail, name, message text, order number or ticket number, and nothing in the
database changes.

The sandbox makes every staff user an agent, so the staff member and the app without
MANAGE_ORDERS are built by a test-only mapping of their sandbox tokens to such requestors
(``_requestors_without_permissions``).
"""

import base64
import json
import random
import re
import string
import uuid
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import groupby
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.utils import timezone
from graphql.type.definition import (
    GraphQLEnumType,
    GraphQLInputObjectType,
    GraphQLList,
    GraphQLNonNull,
    GraphQLScalarType,
    get_named_type,
)

from saleor_support_plugin.graphql.api import schema
from saleor_support_plugin.graphql.core.ids import to_global_id
from saleor_support_plugin.host.requestor import Requestor, RequestorKind
from saleor_support_plugin.host.standalone import StandaloneHost, issue_sandbox_token
from saleor_support_plugin.returns import ReturnReason
from saleor_support_plugin.returns.actions import ReturnLine, request_return
from saleor_support_plugin.returns.models import ReturnRequest, ReturnRequestLine
from saleor_support_plugin.surveys.models import SurveyAnswer
from saleor_support_plugin.tickets import MessageAuthorType, TicketChannel, access, actions
from saleor_support_plugin.tickets.access_tokens import issue_access_token, revoke_access_tokens
from saleor_support_plugin.tickets.actors import Actor
from saleor_support_plugin.tickets.customer import open_customer_ticket
from saleor_support_plugin.tickets.customer_orders import order_info
from saleor_support_plugin.tickets.models import (
    Ticket,
    TicketAccessToken,
    TicketEvent,
    TicketMessage,
)
from sandbox.store import actions as store
from sandbox.store.models import Order
from tests.graphql.conftest import ApiClient

SEED = 20_251_104
RANDOM_IDS = 1_000
MAX_MUTATIONS_PER_REQUEST = 4
QUERY_SLOTS_PER_REQUEST = 4
"""Aliased ``supportTicket`` reads per request (about 25 selections each, 500 allowed)."""
LEAN_QUERY_SLOTS_PER_REQUEST = 25
"""Aliased ``supportTicket { id }`` reads per request (validation grows with the square)."""
STRANGER_EMAIL = "mallory@example.net"
"""The e-mail guests and anonymous visitors give when they name an order."""

MISSING_TICKET = to_global_id("SupportTicket", 9_000_000_000_000_000)
MISSING_ORDER = to_global_id("Order", uuid.UUID("00000000-0000-4000-8000-000000000000"))
MISSING_LINE = to_global_id("OrderLine", uuid.UUID("00000000-0000-4000-8000-000000000001"))
MISSING_RETURN_REQUEST = to_global_id("SupportReturnRequest", 9_000_000_000_000_000)
MISSING_MACRO = to_global_id("SupportMacro", 9_000_000_000_000_000)
MISSING_ORDER_NUMBER = "999999999"
MISSING_EMAIL = "nobody-at-all@example.org"
MISSING_USER = to_global_id("User", 9_000_000_000_000_000)

TICKET_ERRORS = "errors { field code message }"

# What each operation asks for: enough that anything leaking would show.
TICKET_READ = """supportTicket(id: $v) {
  __typename id number subject status
  ... on CustomerTicket { reopenUntil order { id number } }
  messages { edges { node { id body authorType } } }
  returnRequest { id lines { orderLineId productName sku quantity } }
}"""
TICKET_READ_LEAN = "supportTicket(id: $v) { id }"
REPLY = (
    'supportTicketReply(id: $v, input: {body: "Probe"}) {'
    " ticket { id subject status } message { id body } " + TICKET_ERRORS + " }"
)
CLOSE = "supportTicketClose(id: $v) { ticket { id subject status closedAt } " + TICKET_ERRORS + " }"
REOPEN = "supportTicketReopen(id: $v) { ticket { id subject status } " + TICKET_ERRORS + " }"
SURVEY = (
    'supportSurveyAnswer(ticket: $v, answers: [{question: NPS, score: 10, comment: "Probe"}])'
    " { ticket { id subject } survey { isOpen questions { score comment } } " + TICKET_ERRORS + " }"
)
CREATE = (
    "supportTicketCreate(input: $v) {"
    " ticket { id subject ... on CustomerTicket { order { id number } } } accessToken "
    + TICKET_ERRORS
    + " }"
)
RETURN = (
    "supportReturnRequest(input: $v) {"
    " returnRequest { id status lines { orderLineId productName sku quantity } }"
    " ticket { id subject } accessToken " + TICKET_ERRORS + " }"
)
LIST = "supportTickets(first: 100, filter: $v) { edges { node { id number subject } } }"
SEARCH = "supportTickets(first: 100, search: $v) { edges { node { id number subject } } }"
UPDATE = (
    'supportTicketUpdate(id: $v, input: {status: SOLVED, priority: URGENT, tags: ["probe"]})'
    " { ticket { id customerEmail } " + TICKET_ERRORS + " }"
)
ASSIGN = (
    "supportTicketAssign(id: $v, assigneeId: $assignee) { ticket { id } " + TICKET_ERRORS + " }"
)
TOKEN_CREATE = (
    "supportTicketAccessTokenCreate(id: $v) { accessToken ticket { id } " + TICKET_ERRORS + " }"
)
TOKENS_REVOKE = (
    "supportTicketAccessTokensRevoke(id: $v) { revoked ticket { id } " + TICKET_ERRORS + " }"
)
DECIDE = (
    'supportReturnRequestDecide(id: $v, decision: APPROVE, message: "Probe")'
    " { returnRequest { id status } ticket { id } " + TICKET_ERRORS + " }"
)
BULK = "results { ticket { id } errors { code } } count errors { code }"
BULK_STATUS = "supportTicketBulkStatus(ids: $v, status: SOLVED) { " + BULK + " }"
BULK_ASSIGN = "supportTicketBulkAssign(ids: $v, assigneeId: $assignee) { " + BULK + " }"
BULK_TAG = 'supportTicketBulkTag(ids: $v, add: ["probe"]) { ' + BULK + " }"
MACRO_PREVIEW = (
    "supportMacroPreview(ticketId: $v, macroId: $macro) { preview { __typename } "
    + TICKET_ERRORS
    + " }"
)
APPLY_MACRO = (
    "supportTicketApplyMacro(ticketId: $v, macroId: $macro)"
    " { ticket { id } message { id } macro { id } " + TICKET_ERRORS + " }"
)
MACRO_UPDATE = 'supportMacroUpdate(id: $v, input: {name: "Probe"}) { macro { id } errors { code } }'
MACRO_DELETE = "supportMacroDelete(id: $v) { deletedId errors { code } }"
CUSTOMER_OPERATIONS = {
    "supportTicket": TICKET_READ,
    "supportTickets": LIST,
    "supportTicketReply": REPLY,
    "supportTicketClose": CLOSE,
    "supportTicketReopen": REOPEN,
    "supportSurveyAnswer": SURVEY,
    "supportTicketCreate": CREATE,
    "supportReturnRequest": RETURN,
}
AGENT_OPERATIONS = {
    # The agents' operations that name a customer's object, probed with real ids; every
    # other operation of the schema is probed as agents-only by ``agents_only_probes``.
    "supportTicketUpdate": UPDATE,
    "supportTicketAssign": ASSIGN,
    "supportTicketAccessTokenCreate": TOKEN_CREATE,
    "supportTicketAccessTokensRevoke": TOKENS_REVOKE,
    "supportReturnRequestDecide": DECIDE,
    "supportTicketBulkStatus": BULK_STATUS,
    "supportTicketBulkAssign": BULK_ASSIGN,
    "supportTicketBulkTag": BULK_TAG,
    "supportMacroPreview": MACRO_PREVIEW,
    "supportTicketApplyMacro": APPLY_MACRO,
    "supportMacroUpdate": MACRO_UPDATE,
    "supportMacroDelete": MACRO_DELETE,
}
NOT_ABOUT_OTHERS = {"supportViewer", "supportCategories"}
"""Operations for everyone that name no object: only checked for leaks."""

NOT_FOUND = {
    "ticket": [{"field": "id", "code": "NOT_FOUND", "message": "Ticket not found."}],
    "survey": [{"field": "ticket", "code": "NOT_FOUND", "message": "Ticket not found."}],
    "order": [{"field": "order", "code": "NOT_FOUND", "message": "Order not found."}],
    "line": [{"field": "lines", "code": "NOT_FOUND", "message": "The order has no such line."}],
}


@dataclass(frozen=True)
class Denied:
    """A top-level PERMISSION_DENIED with this message, the field's data null."""

    message: str

    def error(self) -> dict[str, Any]:
        return {"message": self.message, "extensions": {"exception": {"code": "PERMISSION_DENIED"}}}


PERMISSION_DENIED = Denied("You need the following permissions to do this: MANAGE_ORDERS.")
UNAUTHENTICATED = {
    "errors": [
        {
            "message": "The token is not valid.",
            "extensions": {"exception": {"code": "UNAUTHENTICATED"}},
        }
    ]
}


# The world: who owns what.


@dataclass
class Party:
    """Someone whose data nobody else may see."""

    email: str = ""
    names: tuple[str, ...] = ()
    texts: tuple[str, ...] = ()
    order_numbers: tuple[int, ...] = ()
    ticket_numbers: tuple[int, ...] = ()

    def strings(self) -> list[str]:
        return [self.email, *self.names, *self.texts, *(f"#{n}" for n in self.order_numbers)]

    def numbers(self) -> list[int]:
        return [*self.order_numbers, *self.ticket_numbers]


@dataclass(frozen=True)
class Bearer:
    """One way of calling the API, and what is its own."""

    token: str | None
    own_tickets: frozenset[int] = frozenset()
    own_parties: frozenset[str] = frozenset()
    own_order: Order | None = None
    email: str | None = STRANGER_EMAIL
    """What the caller puts in ``email`` when naming an order; ``None`` when signed in."""
    forged: bool = False
    """A token that opens nothing: it gets the lighter matrix (canonical ids, no random ids)."""
    unauthenticated: bool = False
    """The token is refused as a whole (401): every request gets the same refusal."""


@dataclass
class World:
    tickets: dict[str, Ticket]
    orders: dict[str, Order]
    return_requests: dict[str, ReturnRequest]
    parties: dict[str, Party]
    bearers: dict[str, Bearer]
    agent_gid: str

    def secrets_for(self, bearer: Bearer) -> tuple[list[str], list[int]]:
        others = [p for name, p in self.parties.items() if name not in bearer.own_parties]
        strings = [s for p in others for s in p.strings() if s]
        numbers = [n for p in others for n in p.numbers()]
        return strings, numbers


BEARERS = [
    "customer A",
    "customer B",
    "guest G",
    "guest holding a token of A's ticket",
    "staff without MANAGE_ORDERS",
    "app without MANAGE_ORDERS",
    "anonymous",
    "random spt_ token 1",
    "random spt_ token 2",
    "random spt_ token 3",
    "G's token cut short",
    "G's token with its last character changed",
    "G's token with a character added",
    "G's revoked token",
    "spt_ alone",
    "G's token with an upper-case prefix",
    "spt_ token too long to be one",
    "the stored hash of G's token",
]


def _buyer(user: Any, language: str) -> store.Buyer:
    return store.Buyer(
        email=user.email,
        first_name=user.first_name,
        last_name=user.last_name,
        language_code=language,
        user=user,
    )


def _delivered(order_generator: Callable[..., Order], capture: Any, **kwargs: Any) -> Order:
    order = order_generator(**kwargs)
    with capture(execute=True):
        store.fulfill_order(order, at=timezone.now())
    return order


def _customer_ticket(
    order: Order,
    *,
    user_id: int | None,
    email: str,
    name: str,
    texts: tuple[str, str, str],
    agent: Any,
) -> Ticket:
    """A ticket about ``order``: the customer's message, an agent's answer and a note."""
    snapshot = StandaloneHost().read_order(order.pk)
    assert snapshot is not None
    ticket, _ = open_customer_ticket(
        customer=actions.CustomerInfo(user_id=user_id, email=email, name=name),
        body=texts[0],
        subject=f"Subject {texts[0]}",
        category=actions.category_by_slug("delivery"),
        order=order_info(snapshot),
        actor=Actor.user(user_id) if user_id else Actor.system(),
    )
    actions.add_message(
        ticket, author_type=MessageAuthorType.AGENT, actor=Actor.user(agent.pk), body=texts[1]
    )
    actions.add_message(
        ticket,
        author_type=MessageAuthorType.AGENT,
        actor=Actor.user(agent.pk),
        body=texts[2],
        is_internal=True,
    )
    return Ticket.objects.get(pk=ticket.pk)


def _return_request(order: Order, *, user_id: int | None, email: str, name: str) -> ReturnRequest:
    snapshot = StandaloneHost().read_order(order.pk)
    assert snapshot is not None
    shoes = order.lines.get(product_sku="SHOE-1")
    return request_return(
        customer=actions.CustomerInfo(user_id=user_id, email=email, name=name),
        snapshot=snapshot,
        lines=[ReturnLine(order_line_id=str(shoes.pk), quantity=1)],
        reason=ReturnReason.DAMAGED,
        comment="",
        actor=Actor.user(user_id) if user_id else Actor.system(),
    )


@pytest.fixture(autouse=True)
def _lift_customer_cost(settings):
    """The matrix batches aliased reads: it checks access, so the customers' cost cap is lifted."""
    settings.SUPPORT_DESK = {**settings.SUPPORT_DESK, "MAX_CUSTOMER_QUERY_COST": 50_000}


@pytest.fixture
def world(
    customer_user: Any,
    buyer: store.Buyer,
    guest_buyer: store.Buyer,
    agent: Any,
    order_generator: Callable[..., Order],
    django_capture_on_commit_callbacks: Any,
    monkeypatch: pytest.MonkeyPatch,
) -> World:
    user_model = get_user_model()
    zofia = user_model.objects.create_user(
        username="zofia",
        email="zofia.nowak@example.com",
        password="x",
        first_name="Zofia",
        last_name="Nowak",
    )
    staff = user_model.objects.create_user(
        username="stefan", email="stefan.staff@example.com", password="x", is_staff=True
    )
    app_user = user_model.objects.create_user(username="app-7", email="app-7@example.com")
    capture = django_capture_on_commit_callbacks
    orders = {
        "A": _delivered(order_generator, capture, who=buyer),
        "B": _delivered(order_generator, capture, who=_buyer(zofia, "pl")),
        "G": _delivered(order_generator, capture, who=guest_buyer),
    }
    texts = {
        "A": ("Rochia A-7731 nu vine", "Răspuns A-5512 pentru Ana", "Notă internă A-9034"),
        "B": ("Paczka B-4418 zaginęła", "Odpowiedź B-2290 dla Zofii", "Notatka B-6071"),
        "G": ("سفارش G-3357 کجاست", "پاسخ G-8124 برای مریم", "یادداشت G-1650"),
    }
    tickets = {
        "A": _customer_ticket(
            orders["A"],
            user_id=customer_user.pk,
            email=customer_user.email,
            name="Ana Popescu",
            texts=texts["A"],
            agent=agent,
        ),
        "B": _customer_ticket(
            orders["B"],
            user_id=zofia.pk,
            email=zofia.email,
            name="Zofia Nowak",
            texts=texts["B"],
            agent=agent,
        ),
        "G": _customer_ticket(
            orders["G"],
            user_id=None,
            email=guest_buyer.email,
            name="مریم احمدی",
            texts=texts["G"],
            agent=agent,
        ),
    }
    internal = actions.open_ticket(
        subject="Internal I-4402 stock check",
        category=actions.category_by_slug("other"),
        channel=TicketChannel.PHONE,
        actor=Actor.user(agent.pk),
    )
    actions.add_message(
        internal,
        author_type=MessageAuthorType.AGENT,
        actor=Actor.user(agent.pk),
        body="Only for agents I-7719",
        is_internal=True,
    )
    tickets["I"] = Ticket.objects.get(pk=internal.pk)
    return_requests = {
        "A": _return_request(
            orders["A"], user_id=customer_user.pk, email=customer_user.email, name="Ana Popescu"
        ),
        "B": _return_request(orders["B"], user_id=zofia.pk, email=zofia.email, name="Zofia Nowak"),
        "G": _return_request(orders["G"], user_id=None, email=guest_buyer.email, name="مریم احمدی"),
    }
    for key, request in return_requests.items():
        tickets[f"{key} return"] = request.ticket

    # G's first token is revoked before the one G holds is issued.
    revoked = issue_access_token(tickets["G"])
    revoke_access_tokens(tickets["G"], actor=Actor.user(agent.pk))
    guest_token = issue_access_token(tickets["G"])
    token_of_a = issue_access_token(tickets["A"])
    tickets = {key: Ticket.objects.get(pk=ticket.pk) for key, ticket in tickets.items()}

    def numbers(*keys: str) -> tuple[int, ...]:
        return tuple(tickets[k].number for k in keys)

    parties = {
        "A": Party(
            email=customer_user.email,
            names=("Ana Popescu", "Popescu"),
            texts=texts["A"],
            order_numbers=(orders["A"].number,),
            ticket_numbers=numbers("A", "A return"),
        ),
        "B": Party(
            email=zofia.email,
            names=("Zofia Nowak", "Nowak"),
            texts=texts["B"],
            order_numbers=(orders["B"].number,),
            ticket_numbers=numbers("B", "B return"),
        ),
        "G": Party(
            email=guest_buyer.email,
            names=("مریم احمدی", "احمدی"),
            texts=texts["G"],
            order_numbers=(orders["G"].number,),
            ticket_numbers=numbers("G", "G return"),
        ),
        "I": Party(
            texts=("Internal I-4402 stock check", "Only for agents I-7719"),
            ticket_numbers=numbers("I"),
        ),
        # Everyone's notes stay with the agents, even on the customer's own ticket.
        "notes": Party(texts=(texts["A"][2], texts["B"][2], texts["G"][2])),
    }
    a_tickets = frozenset({tickets["A"].pk, tickets["A return"].pk})
    b_tickets = frozenset({tickets["B"].pk, tickets["B return"].pk})
    rng = random.Random(SEED)  # noqa: S311  # reproducible test ids, not secrets
    alphabet = string.ascii_letters + string.digits + "-_"

    def random_token() -> str:
        return "spt_" + "".join(rng.choice(alphabet) for _ in range(43))

    bearers = {
        "customer A": Bearer(
            token=issue_sandbox_token(customer_user),
            own_tickets=a_tickets,
            own_parties=frozenset({"A"}),
            own_order=orders["A"],
            email=None,
        ),
        "customer B": Bearer(
            token=issue_sandbox_token(zofia),
            own_tickets=b_tickets,
            own_parties=frozenset({"B"}),
            own_order=orders["B"],
            email=None,
        ),
        "guest G": Bearer(
            token=guest_token,
            own_tickets=frozenset({tickets["G"].pk}),
            own_parties=frozenset({"G"}),
            own_order=orders["G"],
            email=guest_buyer.email,
        ),
        "guest holding a token of A's ticket": Bearer(
            token=token_of_a, own_tickets=frozenset({tickets["A"].pk}), own_parties=frozenset({"A"})
        ),
        "staff without MANAGE_ORDERS": Bearer(token=issue_sandbox_token(staff), email=None),
        "app without MANAGE_ORDERS": Bearer(token=issue_sandbox_token(app_user)),
        "anonymous": Bearer(token=None),
        "random spt_ token 1": Bearer(token=random_token(), forged=True),
        "random spt_ token 2": Bearer(token=random_token(), forged=True),
        "random spt_ token 3": Bearer(token=random_token(), forged=True),
        "G's token cut short": Bearer(token=guest_token[:-1], forged=True),
        "G's token with its last character changed": Bearer(
            token=guest_token[:-1] + ("A" if guest_token[-1] != "A" else "B"), forged=True
        ),
        "G's token with a character added": Bearer(token=guest_token + "A", forged=True),
        "G's revoked token": Bearer(token=revoked, forged=True),
        "spt_ alone": Bearer(token="spt_", forged=True),
        "G's token with an upper-case prefix": Bearer(
            token="SPT_" + guest_token[4:], forged=True, unauthenticated=True
        ),
        "spt_ token too long to be one": Bearer(
            token="spt_" + "A" * 200, forged=True, unauthenticated=True
        ),
        "the stored hash of G's token": Bearer(
            token=TicketAccessToken.objects.get(
                revoked_at__isnull=True, ticket=tickets["G"]
            ).token_hash,
            forged=True,
            unauthenticated=True,
        ),
    }
    assert list(bearers) == BEARERS
    remap = {
        staff.pk: Requestor(kind=RequestorKind.STAFF, user_id=staff.pk, email=staff.email),
        app_user.pk: Requestor(kind=RequestorKind.APP, app_id=7),
    }
    _requestors_without_permissions(monkeypatch, remap)
    return World(
        tickets=tickets,
        orders=orders,
        return_requests=return_requests,
        parties=parties,
        bearers=bearers,
        agent_gid=to_global_id("User", agent.pk),
    )


def _requestors_without_permissions(
    monkeypatch: pytest.MonkeyPatch, remap: dict[int, Requestor]
) -> None:
    """Let the sandbox tokens of the users in ``remap`` stand for those requestors."""
    original = StandaloneHost.requestor_from_request

    def requestor_from_request(self: StandaloneHost, request: Any) -> Requestor:
        requestor = original(self, request)
        if requestor.user_id is not None and requestor.user_id in remap:
            return remap[requestor.user_id]
        return requestor

    monkeypatch.setattr(StandaloneHost, "requestor_from_request", requestor_from_request)


# Id forms.


def _b64(text: str | bytes) -> str:
    raw = text.encode() if isinstance(text, str) else text
    return base64.b64encode(raw).decode()


def ticket_id_forms(pk: int) -> list[Any]:
    """Ways of naming the ticket ``pk``: canonical, raw, other types, non-canonical."""
    canonical = to_global_id("SupportTicket", pk)
    return [
        canonical,
        str(pk),
        pk,
        *(
            to_global_id(type_name, pk)
            for type_name in (
                "Order",
                "User",
                "OrderLine",
                "SupportTicketMessage",
                "SupportReturnRequest",
                "StaffTicket",
                "CustomerTicket",
                "supportticket",
            )
        ),
        to_global_id("SupportTicket", f"0{pk}"),
        to_global_id("SupportTicket", f"{pk} "),
        to_global_id("SupportTicket", f"+{pk}"),
        to_global_id("SupportTicket", f"{pk}.0"),
        _b64(f"SupportTicket:{pk}\n"),
        canonical.rstrip("="),
        canonical + "\n",
        " " + canonical,
        base64.urlsafe_b64encode(f"SupportTicket:{pk}".encode()).decode(),
        _b64(f"SupportTicket:{pk}".encode("utf-16")),
        f"SupportTicket:{pk}",
    ]


GARBAGE_IDS: list[Any] = [
    "",
    " ",
    "=",
    "====",
    "!!!!",
    "null",
    "0",
    "-1",
    "9" * 40,
    "U3VwcG9ydFRpY2tldDo",
    _b64("SupportTicket:"),
    _b64("SupportTicket:-1"),
    _b64("SupportTicket:0"),
    _b64("SupportTicket:1e3"),
    _b64("SupportTicket:" + "9" * 19),
    _b64("SupportTicket:" + "9" * 400),
    _b64("SupportTicket:١٢٣"),
    _b64("SupportTicket:²"),
    _b64("SupportTicket:1\x00"),
    _b64("SupportTicket:1:2"),
    _b64(b"\xff\xfe\xfd"),
    _b64("\x00" * 12),
    "A" * 10_000,
    "' OR 1=1 --",
    "%",
    "\\",
]


def order_id_forms(order: Order) -> list[Any]:
    return [
        to_global_id("Order", order.pk),
        str(order.pk),
        to_global_id("Order", str(order.pk).upper()),
        to_global_id("Order", order.pk.hex),
        to_global_id("Order", f"{{{order.pk}}}"),
        to_global_id("Order", order.number),
        to_global_id("OrderLine", order.pk),
        to_global_id("SupportTicket", order.pk),
        to_global_id("order", order.pk),
    ]


def line_id_forms(line_pk: uuid.UUID) -> list[Any]:
    return [
        to_global_id("OrderLine", line_pk),
        str(line_pk),
        to_global_id("OrderLine", str(line_pk).upper()),
        to_global_id("Order", line_pk),
    ]


def random_ticket_ids(world: World) -> list[Any]:
    """1,000 reproducible random ids.

    A third are pks around the world's own (so some name real tickets), a fifth pks
    anywhere up to 10**18, a tenth raw pks, and the rest base64 noise, some of it shaped
    like a ticket id.
    """
    rng = random.Random(SEED)  # noqa: S311  # reproducible test ids, not secrets
    low = min(t.pk for t in world.tickets.values())
    ids: list[Any] = []
    for _ in range(RANDOM_IDS):
        kind = rng.random()
        if kind < 0.35:
            ids.append(to_global_id("SupportTicket", rng.randint(max(1, low - 50), low + 500)))
        elif kind < 0.55:
            ids.append(to_global_id("SupportTicket", rng.randint(1, 10**18)))
        elif kind < 0.65:
            ids.append(str(rng.randint(1, low + 500)))
        elif kind < 0.8:
            noise = "".join(rng.choice(string.printable) for _ in range(rng.randint(1, 12)))
            ids.append(_b64("SupportTicket:" + noise))
        else:
            ids.append(_b64(bytes(rng.getrandbits(8) for _ in range(rng.randint(1, 48)))))
    return ids


# Requests: slots of one operation each, run in batches, compared with their references.


@dataclass(frozen=True)
class Slot:
    """One probe: an operation's text (``$v`` is the target), the target and its stand-in."""

    label: str
    operation: str
    variable_type: str
    value: Any
    missing: Any
    expected_missing: Any
    """The pinned answer to the stand-in: the field's data, or ``Denied``."""

    @property
    def is_mutation(self) -> bool:
        return not self.operation.startswith(("supportTicket(", "supportTickets("))


@dataclass
class Result:
    cases: int = 0
    requests: int = 0
    failures: list[str] = field(default_factory=list)
    bodies: list[bytes] = field(default_factory=list)


class Runner:
    def __init__(self, world: World, bearer: Bearer) -> None:
        self.world = world
        self.bearer = bearer
        self.client = ApiClient(Client(), bearer.token)
        self.references: dict[tuple[str, str], tuple[int, Any]] = {}
        self.result = Result()

    def _document(self, slots: list[Slot]) -> tuple[str, dict[str, Any], dict[str, Any]]:
        kind = "mutation" if slots[0].is_mutation else "query"
        declared = [f"$v{i}: {s.variable_type}" for i, s in enumerate(slots)]
        values = {f"v{i}": s.value for i, s in enumerate(slots)}
        missing = {f"v{i}": s.missing for i, s in enumerate(slots)}
        constants = {"assignee": self.world.agent_gid, "macro": MISSING_MACRO}
        for name, value in constants.items():
            if any(f"${name}" in s.operation for s in slots):
                declared.append(f"${name}: ID!")
                values[name] = missing[name] = value
        fields = [f"s{i}: " + s.operation.replace("$v", f"$v{i}") for i, s in enumerate(slots)]
        document = f"{kind} Probe({', '.join(declared)}) {{\n" + "\n".join(fields) + "\n}"
        return document, values, missing

    def _post(self, document: str, variables: dict[str, Any]) -> tuple[int, Any]:
        response = self.client.post(document, variables)
        self.result.requests += 1
        self.result.bodies.append(response.content)
        return response.status_code, response.json()

    def run(self, slots: Iterable[Slot]) -> None:
        slots = list(slots)
        if not slots:
            return
        size = MAX_MUTATIONS_PER_REQUEST if slots[0].is_mutation else QUERY_SLOTS_PER_REQUEST
        if slots[0].operation == TICKET_READ_LEAN:
            size = LEAN_QUERY_SLOTS_PER_REQUEST
        for start in range(0, len(slots), size):
            self._run_batch(slots[start : start + size])

    def _run_batch(self, slots: list[Slot]) -> None:
        document, values, missing = self._document(slots)
        key = (document, json.dumps(missing, sort_keys=True))
        if key not in self.references:
            self.references[key] = self._post(document, missing)
            self._check_reference(slots, *self.references[key])
        answer = self._post(document, values)
        self.result.cases += len(slots)
        if answer != self.references[key]:
            labels = ", ".join(s.label for s in slots)
            self.result.failures.append(
                f"[{labels}]\n  got      {answer}\n  expected {self.references[key]}"
            )

    def _check_reference(self, slots: list[Slot], status: int, payload: Any) -> None:
        """The answer about objects that do not exist is the pinned not-found (or refusal)."""
        if self.bearer.unauthenticated:
            expected: Any = (401, UNAUTHENTICATED)
        else:
            denied = [i for i, s in enumerate(slots) if isinstance(s.expected_missing, Denied)]
            data = {
                f"s{i}": None if i in denied else s.expected_missing for i, s in enumerate(slots)
            }
            expected = (200, {"data": data})
            if denied:
                expected[1]["errors"] = [
                    {
                        **slots[i].expected_missing.error(),
                        "locations": error.get("locations"),
                        "path": [f"s{i}"],
                    }
                    for i, error in zip(denied, payload.get("errors", []), strict=False)
                ]
        if (status, payload) != expected:
            self.result.failures.append(
                f"reference of [{', '.join(s.label for s in slots)}]\n"
                f"  got      {(status, payload)}\n  expected {expected}"
            )


def _ticket_slots(label: str, operation: str, ids: Iterable[tuple[str, Any]]) -> Iterator[Slot]:
    expected = {
        TICKET_READ: None,
        TICKET_READ_LEAN: None,
        REPLY: {"ticket": None, "message": None, "errors": NOT_FOUND["ticket"]},
        CLOSE: {"ticket": None, "errors": NOT_FOUND["ticket"]},
        REOPEN: {"ticket": None, "errors": NOT_FOUND["ticket"]},
        SURVEY: {"ticket": None, "survey": None, "errors": NOT_FOUND["survey"]},
    }[operation]
    for form, value in ids:
        yield Slot(f"{label} {form}", operation, "ID!", value, MISSING_TICKET, expected)


def _agent_slots(
    label: str, operation: str, ids: Iterable[tuple[str, Any]], missing: Any = MISSING_TICKET
) -> Iterator[Slot]:
    many = "(ids:" in operation
    for form, value in ids:
        yield Slot(
            f"{label} {form}",
            operation,
            "[ID!]!" if many else "ID!",
            value,
            [missing] * len(value) if many else missing,
            PERMISSION_DENIED,
        )


def others_tickets(world: World, bearer: Bearer) -> list[tuple[str, Ticket]]:
    return [(k, t) for k, t in world.tickets.items() if t.pk not in bearer.own_tickets]


def every_form(world: World, bearer: Bearer) -> list[tuple[str, Any]]:
    """Every form of every ticket that is not ``bearer``'s, plus the garbage ids."""
    cases: list[tuple[str, Any]] = []
    for key, ticket in others_tickets(world, bearer):
        cases += [(f"ticket {key} #{i}", form) for i, form in enumerate(ticket_id_forms(ticket.pk))]
    cases += [(f"garbage #{i}", form) for i, form in enumerate(GARBAGE_IDS)]
    return cases


def main_forms(world: World, bearer: Bearer) -> list[tuple[str, Any]]:
    """The global id of each ticket that is not ``bearer``'s; for people also raw and `User:`."""
    cases: list[tuple[str, Any]] = []
    for key, ticket in others_tickets(world, bearer):
        cases.append((f"ticket {key}", to_global_id("SupportTicket", ticket.pk)))
        if not bearer.forged:
            cases.append((f"ticket {key} raw", str(ticket.pk)))
            cases.append((f"ticket {key} as User", to_global_id("User", ticket.pk)))
    return cases


def _create_input(bearer: Bearer, order: Any) -> dict[str, Any]:
    values = {"message": "Probe", "order": order}
    if bearer.email is not None:
        values["email"] = bearer.email
    return values


def _return_input(bearer: Bearer, order: Any, lines: list[Any]) -> dict[str, Any]:
    values = {
        "order": order,
        "lines": [{"line": line, "quantity": 1} for line in lines],
        "reason": "DAMAGED",
    }
    if bearer.email is not None:
        values["email"] = bearer.email
    return values


def order_slots(world: World, bearer: Bearer) -> Iterator[Slot]:
    """``supportTicketCreate`` and ``supportReturnRequest`` naming others' orders."""
    created = {"ticket": None, "accessToken": None, "errors": NOT_FOUND["order"]}
    returned = {
        "returnRequest": None,
        "ticket": None,
        "accessToken": None,
        "errors": NOT_FOUND["order"],
    }
    for key, order in world.orders.items():
        if order == bearer.own_order:
            continue
        lines = [to_global_id("OrderLine", line.pk) for line in order.lines.all()]
        forms = order_id_forms(order)[: 1 if bearer.forged else None]
        for i, form in enumerate(forms):
            label = f"order {key} #{i}"
            yield Slot(
                f"create {label}",
                CREATE,
                "SupportTicketCreateInput!",
                _create_input(bearer, form),
                _create_input(bearer, MISSING_ORDER),
                created,
            )
        for i, form in enumerate(forms[:2]):
            label = f"order {key} #{i}"
            yield Slot(
                f"return {label}",
                RETURN,
                "SupportReturnRequestInput!",
                _return_input(bearer, form, lines),
                _return_input(bearer, MISSING_ORDER, lines),
                returned,
            )


def line_slots(world: World, bearer: Bearer) -> Iterator[Slot]:
    """``supportReturnRequest`` on the bearer's own order, naming lines of others' orders."""
    if bearer.own_order is None:
        return
    own = to_global_id("Order", bearer.own_order.pk)
    expected = {
        "returnRequest": None,
        "ticket": None,
        "accessToken": None,
        "errors": NOT_FOUND["line"],
    }
    for key, order in world.orders.items():
        if order == bearer.own_order:
            continue
        for line in order.lines.all()[:1]:
            for i, form in enumerate(line_id_forms(line.pk)):
                yield Slot(
                    f"return lines of order {key} ({line.product_sku} #{i})",
                    RETURN,
                    "SupportReturnRequestInput!",
                    _return_input(bearer, own, [form]),
                    _return_input(bearer, own, [MISSING_LINE]),
                    expected,
                )


def list_slots(world: World, bearer: Bearer) -> Iterator[Slot]:
    """``supportTickets`` filtered by the orders only others' tickets are about."""
    own = {t.order_id for t in world.tickets.values() if t.pk in bearer.own_tickets}
    for key, order in world.orders.items():
        if order.pk in own:
            continue
        for i, number in enumerate([str(order.number), f" {order.number} "]):
            yield Slot(
                f"list by order number of {key} #{i}",
                LIST,
                "SupportTicketFilterInput",
                {"orderNumber": number},
                {"orderNumber": MISSING_ORDER_NUMBER},
                {"edges": []},
            )
    if bearer.forged:
        return
    for key, party in world.parties.items():
        if key in bearer.own_parties or not party.email:
            continue
        ticket = world.tickets[key]
        refused: list[tuple[str, Any, Any]] = [
            ("customerEmail", party.email, MISSING_EMAIL),
            ("order", to_global_id("Order", ticket.order_id), MISSING_ORDER),
        ]
        if ticket.customer_user_id is not None:
            refused.append(
                ("customer", to_global_id("User", ticket.customer_user_id), MISSING_USER)
            )
        for name, value, missing in refused:
            snake = re.sub("[A-Z]", lambda m: "_" + m.group().lower(), name)
            yield Slot(
                f"list by {name} of {key}",
                LIST,
                "SupportTicketFilterInput",
                {name: value},
                {name: missing},
                Denied(f"Only agents can filter tickets by {snake}."),
            )
        for text in (party.email, party.names[0], party.texts[0]):
            yield Slot(
                f"search for {key}'s {text!r}",
                SEARCH,
                "String",
                text,
                MISSING_EMAIL,
                PERMISSION_DENIED,
            )


def agent_slots(world: World, bearer: Bearer) -> Iterator[Slot]:
    """The agents' mutations on every ticket and return request, the bearer's own too.

    A forged token tries them on G's ticket and return request only.
    """
    keys = ["G"] if bearer.forged else list(world.tickets)
    tickets = [(f"ticket {k}", to_global_id("SupportTicket", world.tickets[k].pk)) for k in keys]
    for name in (
        "supportTicketUpdate",
        "supportTicketAssign",
        "supportTicketAccessTokenCreate",
        "supportTicketAccessTokensRevoke",
        "supportMacroPreview",
        "supportTicketApplyMacro",
    ):
        yield from _agent_slots(name, AGENT_OPERATIONS[name], tickets)
    everything = [("tickets " + ", ".join(keys), [gid for _, gid in tickets])]
    for name in ("supportTicketBulkStatus", "supportTicketBulkAssign", "supportTicketBulkTag"):
        yield from _agent_slots(name, AGENT_OPERATIONS[name], everything)
    requests = [
        (f"return request {k}", to_global_id("SupportReturnRequest", world.return_requests[k].pk))
        for k in (["G"] if bearer.forged else list(world.return_requests))
    ]
    yield from _agent_slots("supportReturnRequestDecide", DECIDE, requests, MISSING_RETURN_REQUEST)
    macros = [("macro 1", to_global_id("SupportMacro", 1))]
    for name in ("supportMacroUpdate", "supportMacroDelete"):
        yield from _agent_slots(name, AGENT_OPERATIONS[name], macros, MISSING_MACRO)


def matrix(world: World, bearer: Bearer) -> list[list[Slot]]:
    """Every probe of ``bearer``, in groups of one operation (batched per request).

    People (not forged tokens) also try every id form and garbage id, lines of others'
    orders and their share of the random ids.
    """
    agent = list(agent_slots(world, bearer))
    groups = [
        list(_ticket_slots("read", TICKET_READ, main_forms(world, bearer))),
        *(
            list(_ticket_slots(name, operation, main_forms(world, bearer)))
            for name, operation in (
                ("reply", REPLY),
                ("close", CLOSE),
                ("reopen", REOPEN),
                ("survey", SURVEY),
            )
        ),
        list(order_slots(world, bearer)),
        list(list_slots(world, bearer)),
    ]
    if bearer.forged:
        groups.append(agent)
    else:
        groups += [
            list(_ticket_slots("read", TICKET_READ_LEAN, every_form(world, bearer))),
            list(line_slots(world, bearer)),
            *(list(group) for _, group in groupby(agent, key=lambda s: s.operation)),
            *random_groups(world, bearer),
        ]
    return [group for group in groups if group]


def random_groups(world: World, bearer: Bearer) -> list[list[Slot]]:
    """The bearer's share of the 1,000 random ids: each is read, then written to.

    The ids are dealt to the people in turn; each id also goes to one of reply, close and
    reopen, in turn. An id that happens to name one of the bearer's own tickets is left out.
    """
    people = [b for b in world.bearers.values() if not b.forged]
    share = people.index(bearer)
    own = {to_global_id("SupportTicket", pk) for pk in bearer.own_tickets}
    dealt = [
        (i, value)
        for i, value in enumerate(random_ticket_ids(world))
        if i % len(people) == share and value not in own
    ]
    reads = list(_ticket_slots("read random", TICKET_READ_LEAN, [(f"#{i}", v) for i, v in dealt]))
    writes = [
        next(_ticket_slots(f"{name} random", operation, [(f"#{i}", value)]))
        for i, value in dealt
        for name, operation in [(("reply", REPLY), ("close", CLOSE), ("reopen", REOPEN))[i % 3]]
    ]
    return [reads, writes]


def _state() -> dict[str, Any]:
    return {
        "tickets": sorted(
            Ticket.objects.values_list(
                "pk", "version", "status", "priority", "assignee_id", "tags", "closed_at"
            )
        ),
        "messages": TicketMessage.objects.count(),
        "events": TicketEvent.objects.count(),
        "tokens": sorted(TicketAccessToken.objects.values_list("pk", "revoked_at")),
        "return requests": sorted(ReturnRequest.objects.values_list("pk", "status")),
        "return lines": ReturnRequestLine.objects.count(),
        "survey answers": SurveyAnswer.objects.count(),
    }


def _leaves(value: Any) -> Iterator[Any]:
    if isinstance(value, dict):
        for item in value.values():
            yield from _leaves(item)
    elif isinstance(value, list):
        for item in value:
            yield from _leaves(item)
    else:
        yield value


def _leaks(body: bytes, strings: list[str], numbers: list[int]) -> list[str]:
    """Return what of ``strings`` and ``numbers`` appears in one raw answer."""
    found = []
    lowered = body.lower()
    for secret in strings:
        escaped = json.dumps(secret)[1:-1].encode().lower()
        if secret.encode().lower() in lowered or escaped in lowered:
            found.append(secret)
    payload = json.loads(body)
    for leaf in _leaves(payload):
        if leaf in numbers or (isinstance(leaf, str) and leaf in {str(n) for n in numbers}):
            found.append(str(leaf))
    return found


def _literal(type_: Any, some_id: str) -> str:
    """A GraphQL literal of ``type_``: ids are ``some_id``, input objects their required fields."""
    if isinstance(type_, GraphQLNonNull):
        return _literal(type_.of_type, some_id)
    if isinstance(type_, GraphQLList):
        return f"[{_literal(type_.of_type, some_id)}]"
    if isinstance(type_, GraphQLEnumType):
        return str(type_.values[0].name)
    if isinstance(type_, GraphQLInputObjectType):
        fields = [
            f"{name}: {_literal(f.type, some_id)}"
            for name, f in type_.fields.items()
            if isinstance(f.type, GraphQLNonNull)
        ]
        return "{" + ", ".join(fields) + "}"
    return {
        "ID": json.dumps(some_id),
        "Int": "1",
        "Float": "1.5",
        "Boolean": "false",
        "DateTime": '"2026-01-01T00:00:00+00:00"',
        "Date": '"2026-01-01"',
        "JSONString": '"{}"',
    }.get(type_.name, '"probe"')


def agents_only_probes(world: World) -> dict[str, tuple[str, bool]]:
    """For every operation not named for customers: a call, and whether its result is required.

    Every id argument names A's ticket, so an operation that forgot its permission check
    would act on it (and the state check would notice).
    """
    some_id = to_global_id("SupportTicket", world.tickets["A"].pk)
    probes = {}
    for kind, root in (
        ("query", schema.get_query_type()),
        ("mutation", schema.get_mutation_type()),
    ):
        for name, operation in root.fields.items():
            if name in CUSTOMER_OPERATIONS or name in NOT_ABOUT_OTHERS:
                continue
            arguments = ", ".join(
                f"{argument}: {_literal(a.type, some_id)}"
                for argument, a in operation.args.items()
                if isinstance(a.type, GraphQLNonNull)
            )
            leaf = isinstance(get_named_type(operation.type), (GraphQLScalarType, GraphQLEnumType))
            selection = "" if leaf else " { __typename }"
            call = f"{name}({arguments})" if arguments else name
            probes[name] = (
                f"{kind} {{ {call}{selection} }}",
                isinstance(operation.type, GraphQLNonNull),
            )
    return probes


@pytest.mark.parametrize("bearer_name", BEARERS)
def test_nobody_reaches_what_is_not_theirs(world, bearer_name):
    # given
    bearer = world.bearers[bearer_name]
    runner = Runner(world, bearer)
    before = _state()

    # when
    for group in matrix(world, bearer):
        runner.run(group)
    listed = runner.client.post("{ supportTickets(first: 100) { edges { node { id } } } }")
    viewer = runner.client.post("{ supportViewer { kind permissions user { email } } }")
    probes = {} if bearer.forged else agents_only_probes(world)
    agents_only = {name: runner.client.post(document) for name, (document, _) in probes.items()}

    # then
    assert runner.result.failures == []
    assert _state() == before
    strings, numbers = world.secrets_for(bearer)
    bodies = [
        *runner.result.bodies,
        listed.content,
        viewer.content,
        *(answer.content for answer in agents_only.values()),
    ]
    assert {leak for body in bodies for leak in _leaks(body, strings, numbers)} == set()
    if bearer.unauthenticated:
        assert {a.status_code for a in [listed, viewer, *agents_only.values()]} == {401}
        return
    assert sorted(e["node"]["id"] for e in listed.json()["data"]["supportTickets"]["edges"]) == (
        sorted(to_global_id("SupportTicket", pk) for pk in bearer.own_tickets)
    )
    assert {
        name: {
            "data": answer.json()["data"],
            "errors": [
                {"code": e["extensions"]["exception"]["code"], "path": e["path"]}
                for e in answer.json()["errors"]
            ],
        }
        for name, answer in agents_only.items()
    } == {
        name: {
            "data": None if required else {name: None},
            "errors": [{"code": "PERMISSION_DENIED", "path": [name]}],
        }
        for name, (_, required) in probes.items()
    }


def test_the_operations_probed_by_name_are_in_the_schema():
    operations = {*schema.get_query_type().fields, *schema.get_mutation_type().fields}

    assert {*CUSTOMER_OPERATIONS, *AGENT_OPERATIONS, *NOT_ABOUT_OTHERS} - operations == set()


def test_the_matrix_notices_a_scope_that_lets_others_in(world, monkeypatch):
    # given: a broken access check that lets everyone see every ticket
    monkeypatch.setattr(access, "tickets_visible_to", lambda requestor: Ticket.objects.all())
    bearer = world.bearers["customer A"]
    runner = Runner(world, bearer)

    # when
    runner.run(_ticket_slots("read", TICKET_READ, main_forms(world, bearer)))

    # then
    strings, numbers = world.secrets_for(bearer)
    leaks = {leak for body in runner.result.bodies for leak in _leaks(body, strings, numbers)}
    assert len(runner.result.failures) == 4  # the batches holding a canonical id
    assert set(world.parties["B"].texts[:2]) <= leaks
    assert world.parties["I"].texts[0] in leaks


FILTER = "query($f: SupportTicketFilterInput) { supportTickets(filter: $f) { edges { cursor } } }"
CREATE_WITH = (
    "mutation($i: SupportTicketCreateInput!) { supportTicketCreate(input: $i) { errors { code } } }"
)
UNSTORABLE_TEXT = (
    "Text cannot contain NUL characters (U+0000) or unpaired surrogates (U+D800 to U+DFFF)."
)


@pytest.mark.parametrize(
    ("query", "variables"),
    [
        (FILTER, {"f": {"orderNumber": "\x00"}}),
        (FILTER, {"f": {"orderNumber": "12\ud800"}}),
        (CREATE_WITH, {"i": {"message": "Hi\x00", "email": "ana@example.com"}}),
        (CREATE_WITH, {"i": {"message": "Hi", "name": "A\x00", "email": "ana@example.com"}}),
        (CREATE_WITH, {"i": {"message": "Hi", "subject": "\udfff", "email": "ana@example.com"}}),
        (CREATE_WITH, {"i": {"message": "Hi", "category": "x\x00", "email": "ana@example.com"}}),
        (CREATE_WITH, {"i\x00": {"message": "Hi", "email": "ana@example.com"}}),
        ('{ supportTickets(filter: {orderNumber: "\\u0000"}) { edges { cursor } } }', None),
        ('{ supportTickets(filter: {orderNumber: "\\uD83D\\uDE00"}) { edges { cursor } } }', None),
    ],
)
@pytest.mark.parametrize("signed_in", [True, False])
def test_text_no_column_can_hold_is_refused_before_the_database(
    api_client_for, customer_user, query, variables, signed_in
):
    client = api_client_for(customer_user if signed_in else None)

    response = client.post(query, variables)

    assert (response.status_code, response.json()) == (
        400,
        {
            "errors": [
                {"message": UNSTORABLE_TEXT, "extensions": {"exception": {"code": "BAD_REQUEST"}}}
            ]
        },
    )
    assert Ticket.objects.count() == 0


def test_paired_surrogates_and_other_control_characters_are_text_like_any_other(api_client, db):
    payload = api_client.execute(
        CREATE_WITH.replace("errors { code }", "ticket { subject } errors { code }"),
        {"i": {"message": "Paczka 😀\x01\t", "email": "ana@example.com"}},
    )

    assert payload["data"]["supportTicketCreate"] == {
        "ticket": {"subject": "Paczka 😀\x01"},
        "errors": [],
    }


def test_a_body_nested_too_deeply_is_refused(api_client, db):
    body = '{"query": "{ supportViewer { kind } }", "variables": {"a": ' + "[" * 50_000
    body += "]" * 50_000 + "}}"

    response = api_client.client.post("/graphql/", data=body, content_type="application/json")

    assert (response.status_code, response.json()) == (
        400,
        {
            "errors": [
                {
                    "message": "The request body is nested too deeply.",
                    "extensions": {"exception": {"code": "BAD_REQUEST"}},
                }
            ]
        },
    )

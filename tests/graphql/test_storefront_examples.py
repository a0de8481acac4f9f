"""The storefront's example operations (graphql/storefront) are valid and do what they say.

The story test runs the files' own text, so the examples are proven to work: a guest opens
a ticket, reads and answers it with the access token, closes and reopens it; a signed-in
customer opens tickets about an order and without one, pages through them and asks for a
return.
"""

from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone
from graphql.language import ast
from graphql.language.parser import parse
from graphql.validation import validate

from saleor_support_plugin.graphql.api import schema
from saleor_support_plugin.graphql.core.ids import to_global_id
from saleor_support_plugin.returns.models import ReturnRequest
from saleor_support_plugin.surveys.models import SurveyAnswer
from saleor_support_plugin.tickets import MessageAuthorType, TicketStatus
from saleor_support_plugin.tickets.actions import add_message, change_status
from saleor_support_plugin.tickets.actors import Actor
from saleor_support_plugin.tickets.models import Ticket, TicketMessage
from sandbox.store import actions as store
from tests.graphql.conftest import ApiClient

STOREFRONT = Path(__file__).resolve().parents[2] / "graphql" / "storefront"
STOREFRONT_OPERATIONS = sorted(STOREFRONT.glob("*.graphql"))
REOPEN_DAYS = 7
"""The store's reopen window when it sets none."""
GUEST_STORY = {
    "ticket_create_guest.graphql",
    "ticket_reply.graphql",
    "ticket.graphql",
    "ticket_close.graphql",
    "ticket_reopen.graphql",
    "my_tickets.graphql",
}
CUSTOMER_STORY = {
    "ticket_create.graphql",
    "my_tickets.graphql",
    "return_request.graphql",
    "ticket.graphql",
}
SURVEY_STORY = {"survey_answer.graphql"}
SURVEY_WINDOW_DAYS = 30
"""The desk's survey window when the settings set none."""


def test_there_are_storefront_examples():
    assert [p.name for p in STOREFRONT_OPERATIONS] == [
        "my_tickets.graphql",
        "return_request.graphql",
        "survey_answer.graphql",
        "ticket.graphql",
        "ticket_close.graphql",
        "ticket_create.graphql",
        "ticket_create_guest.graphql",
        "ticket_reopen.graphql",
        "ticket_reply.graphql",
    ]


@pytest.mark.parametrize("path", STOREFRONT_OPERATIONS, ids=lambda p: p.name)
def test_storefront_examples_are_valid_against_the_schema(path):
    errors = validate(schema, parse(path.read_text()))

    assert [error.message for error in errors] == []


@pytest.mark.parametrize("path", STOREFRONT_OPERATIONS, ids=lambda p: p.name)
def test_each_example_is_one_named_operation_after_a_comment(path):
    text = path.read_text()

    definitions = parse(text).definitions

    assert text.startswith("# ")
    assert len(definitions) == 1
    assert isinstance(definitions[0], ast.OperationDefinition)
    assert definitions[0].name is not None


class Storefront:
    """Runs the example files' text, and remembers which ran."""

    def __init__(self) -> None:
        self.ran: set[str] = set()

    def run(self, client: ApiClient, name: str, variables: dict[str, Any]) -> Any:
        self.ran.add(f"{name}.graphql")
        return client.execute((STOREFRONT / f"{name}.graphql").read_text(), variables)


def _iso(value: Any) -> Any:
    return value.isoformat() if value is not None else None


def _message(message: TicketMessage, body: str, author_name: str | None = None) -> dict[str, Any]:
    return {
        "node": {
            "id": to_global_id("SupportTicketMessage", message.pk),
            "authorType": message.author_type.upper(),
            "body": body,
            "isRedacted": False,
            "createdAt": _iso(message.created_at),
            "authorName": author_name,
        }
    }


def test_a_guest_opens_reads_answers_closes_and_reopens_a_ticket(api_client, agent):
    storefront = Storefront()

    # A guest opens a ticket and keeps the token.
    created = storefront.run(
        api_client,
        "ticket_create_guest",
        {
            "email": "jan.kowalski@example.com",
            "name": "Jan Kowalski",
            "message": "Gdzie jest moja paczka?\nZamówiłem tydzień temu.",
            "languageCode": "pl",
        },
    )
    ticket = Ticket.objects.get()
    token = created["data"]["supportTicketCreate"]["accessToken"]
    assert created == {
        "data": {
            "supportTicketCreate": {
                "accessToken": token,
                "ticket": {
                    "id": to_global_id("SupportTicket", ticket.pk),
                    "number": ticket.number,
                    "subject": "Gdzie jest moja paczka?",
                    "status": "NEW",
                    "createdAt": _iso(ticket.created_at),
                },
                "errors": [],
            }
        }
    }
    assert token.startswith("spt_")
    guest = ApiClient(Client(), token)
    ticket_id = to_global_id("SupportTicket", ticket.pk)

    # With the token the guest answers; an agent replies and leaves a note.
    replied = storefront.run(guest, "ticket_reply", {"id": ticket_id, "body": "Numer: 123 <b>"})
    reply = TicketMessage.objects.filter(ticket=ticket).latest("pk")
    agent.first_name = "Ioana"
    agent.save()
    answer = add_message(
        ticket,
        author_type=MessageAuthorType.AGENT,
        actor=Actor.user(agent.pk),
        body="<p>Paczka jest w drodze.</p>",
    )
    add_message(
        ticket,
        author_type=MessageAuthorType.AGENT,
        actor=Actor.user(agent.pk),
        body="Kurier potwierdził.",
        is_internal=True,
    )
    assert replied == {
        "data": {
            "supportTicketReply": {
                "message": {
                    "id": to_global_id("SupportTicketMessage", reply.pk),
                    "authorType": "CUSTOMER",
                    "body": "<p>Numer: 123 &lt;b&gt;</p>",
                    "createdAt": _iso(reply.created_at),
                },
                "ticket": {"id": ticket_id, "status": "NEW", "updatedAt": _iso(reply.created_at)},
                "errors": [],
            }
        }
    }

    # The guest reads the ticket: the same query a signed-in customer sends.
    read = storefront.run(guest, "ticket", {"id": ticket_id})
    ticket.refresh_from_db()
    first, *_ = TicketMessage.objects.filter(ticket=ticket).order_by("pk")
    assert read == {
        "data": {
            "supportTicket": {
                "id": ticket_id,
                "number": ticket.number,
                "subject": "Gdzie jest moja paczka?",
                "status": "NEW",
                "createdAt": _iso(ticket.created_at),
                "updatedAt": _iso(ticket.updated_at),
                "solvedAt": None,
                "closedAt": None,
                "category": {"slug": "other", "name": ticket.category.name},
                "messages": {
                    "edges": [
                        _message(
                            first, "<p>Gdzie jest moja paczka?<br>Zamówiłem tydzień temu.</p>"
                        ),
                        _message(reply, "<p>Numer: 123 &lt;b&gt;</p>"),
                        _message(answer, "<p>Paczka jest w drodze.</p>", "Ioana"),
                    ],
                    "pageInfo": {
                        "hasNextPage": False,
                        "endCursor": read["data"]["supportTicket"]["messages"]["pageInfo"][
                            "endCursor"
                        ],
                    },
                },
                "returnRequest": None,
                "reopenUntil": None,
                "order": None,
            }
        }
    }

    # Settled: the guest closes the ticket, then thinks better of it and reopens it.
    closed = storefront.run(guest, "ticket_close", {"id": ticket_id})
    ticket.refresh_from_db()
    assert ticket.closed_at is not None
    reopened = storefront.run(guest, "ticket_reopen", {"id": ticket_id})
    listed = storefront.run(guest, "my_tickets", {})

    assert closed == {
        "data": {
            "supportTicketClose": {
                "ticket": {
                    "id": ticket_id,
                    "status": "CLOSED",
                    "closedAt": _iso(ticket.closed_at),
                    "reopenUntil": _iso(ticket.closed_at + timedelta(days=REOPEN_DAYS)),
                },
                "errors": [],
            }
        }
    }
    assert reopened == {
        "data": {
            "supportTicketReopen": {
                "ticket": {
                    "id": ticket_id,
                    "status": "OPEN",
                    "closedAt": None,
                    "reopenUntil": None,
                },
                "errors": [],
            }
        }
    }
    ticket.refresh_from_db()
    assert listed == {
        "data": {
            "supportTickets": {
                "edges": [
                    {
                        "node": {
                            "id": ticket_id,
                            "number": ticket.number,
                            "subject": "Gdzie jest moja paczka?",
                            "status": "OPEN",
                            "updatedAt": _iso(ticket.updated_at),
                            "order": None,
                        }
                    }
                ],
                "pageInfo": {
                    "hasNextPage": False,
                    "endCursor": listed["data"]["supportTickets"]["pageInfo"]["endCursor"],
                },
            }
        }
    }
    assert storefront.ran == GUEST_STORY


def test_a_customer_asks_about_an_order_pages_through_tickets_and_returns_items(
    customer_api_client, order_generator, django_capture_on_commit_callbacks
):
    storefront = Storefront()
    order = order_generator()
    with django_capture_on_commit_callbacks(execute=True):
        store.fulfill_order(order, at=timezone.now())
    order_id = to_global_id("Order", order.pk)

    # Two tickets: one about the order, one general question.
    about_order = storefront.run(
        customer_api_client,
        "ticket_create",
        {"message": "Coletul a ajuns deteriorat.", "category": "delivery", "order": order_id},
    )
    general = storefront.run(
        customer_api_client,
        "ticket_create",
        {"message": "Aveți și mărimi mai mari?", "subject": "Mărimi"},
    )
    first, second = Ticket.objects.order_by("pk")
    assert about_order == {
        "data": {
            "supportTicketCreate": {
                "ticket": {
                    "id": to_global_id("SupportTicket", first.pk),
                    "number": first.number,
                    "subject": "Coletul a ajuns deteriorat.",
                    "status": "NEW",
                    "createdAt": _iso(first.created_at),
                    "category": {"slug": "delivery", "name": first.category.name},
                    "order": {"id": order_id, "number": str(order.number)},
                },
                "errors": [],
            }
        }
    }
    assert general["data"]["supportTicketCreate"]["ticket"]["subject"] == "Mărimi"
    assert general["data"]["supportTicketCreate"]["errors"] == []

    # A page of one ticket at a time, newest change first.
    page_one = storefront.run(customer_api_client, "my_tickets", {"first": 1})
    after = page_one["data"]["supportTickets"]["pageInfo"]["endCursor"]
    page_two = storefront.run(customer_api_client, "my_tickets", {"first": 1, "after": after})
    closed_only = storefront.run(customer_api_client, "my_tickets", {"status": ["CLOSED"]})

    def node(ticket: Ticket, order_number: str | None) -> dict[str, Any]:
        return {
            "node": {
                "id": to_global_id("SupportTicket", ticket.pk),
                "number": ticket.number,
                "subject": ticket.subject,
                "status": "NEW",
                "updatedAt": _iso(ticket.updated_at),
                "order": {"number": order_number} if order_number else None,
            }
        }

    assert page_one["data"]["supportTickets"] == {
        "edges": [node(second, None)],
        "pageInfo": {"hasNextPage": True, "endCursor": after},
    }
    assert page_two["data"]["supportTickets"] == {
        "edges": [node(first, str(order.number))],
        "pageInfo": {
            "hasNextPage": False,
            "endCursor": page_two["data"]["supportTickets"]["pageInfo"]["endCursor"],
        },
    }
    assert closed_only == {
        "data": {
            "supportTickets": {"edges": [], "pageInfo": {"hasNextPage": False, "endCursor": None}}
        }
    }

    # One pair of shoes goes back; the return ticket shows what was asked.
    shoes = order.lines.get(product_sku="SHOE-1")
    line = {"line": to_global_id("OrderLine", shoes.pk), "quantity": 1}
    returned = storefront.run(
        customer_api_client,
        "return_request",
        {"order": order_id, "lines": [line], "reason": "SIZE_OR_FIT"},
    )
    too_many = storefront.run(
        customer_api_client,
        "return_request",
        {"order": order_id, "lines": [{**line, "quantity": 2}], "reason": "SIZE_OR_FIT"},
    )
    request = ReturnRequest.objects.get()
    return_ticket = request.ticket
    read = storefront.run(
        customer_api_client, "ticket", {"id": to_global_id("SupportTicket", return_ticket.pk)}
    )

    shoe_line = {
        "orderLineId": to_global_id("OrderLine", shoes.pk),
        "productName": "Pantofi sport",
        "variantName": "",
        "sku": "SHOE-1",
        "quantity": 1,
    }
    assert returned == {
        "data": {
            "supportReturnRequest": {
                "returnRequest": {
                    "status": "REQUESTED",
                    "reason": "SIZE_OR_FIT",
                    "createdAt": _iso(request.created_at),
                    "lines": [shoe_line],
                },
                "ticket": {
                    "id": to_global_id("SupportTicket", return_ticket.pk),
                    "number": return_ticket.number,
                    "subject": f"Return request: order #{order.number}",
                    "status": "NEW",
                },
                "accessToken": None,
                "errors": [],
            }
        }
    }
    assert too_many["data"]["supportReturnRequest"]["errors"] == [
        {
            "field": "lines",
            "code": "QUANTITY_UNAVAILABLE",
            "message": "Pantofi sport: 1 can be returned, not 2.",
        }
    ]
    ticket_read = read["data"]["supportTicket"]
    assert ticket_read["returnRequest"] == {
        "status": "REQUESTED",
        "reason": "SIZE_OR_FIT",
        "createdAt": _iso(request.created_at),
        "decidedAt": None,
        "lines": [{k: v for k, v in shoe_line.items() if k != "orderLineId"}],
    }
    assert (ticket_read["category"]["slug"], ticket_read["order"]) == (
        "return",
        {"id": order_id, "number": str(order.number)},
    )
    assert [e["node"]["body"] for e in ticket_read["messages"]["edges"]] == [
        "<p>1 × Pantofi sport (SHOE-1)</p>"
    ]
    assert storefront.ran == CUSTOMER_STORY


def test_a_customer_answers_the_survey_of_a_solved_ticket(
    customer_api_client, customer_user, ticket_generator, agent
):
    storefront = Storefront()
    ticket = ticket_generator(email=customer_user.email, user_id=customer_user.pk)
    ticket = change_status(ticket, TicketStatus.SOLVED, actor=Actor.user(agent.pk))
    ticket_id = to_global_id("SupportTicket", ticket.pk)

    # Satisfied with the agent, with a word of thanks, and would recommend the shop.
    answered = storefront.run(
        customer_api_client,
        "survey_answer",
        {
            "ticket": ticket_id,
            "answers": [
                {"question": "CSAT_AGENT", "score": 5, "comment": "Mulțumesc, Ioana!"},
                {"question": "NPS", "score": 9},
            ],
        },
    )
    # A score off the scale, then a question answered already: nothing more is stored.
    off_scale = storefront.run(
        customer_api_client,
        "survey_answer",
        {"ticket": ticket_id, "answers": [{"question": "CSAT_RESOLUTION", "score": 6}]},
    )
    again = storefront.run(
        customer_api_client,
        "survey_answer",
        {"ticket": ticket_id, "answers": [{"question": "CSAT_AGENT", "score": 1}]},
    )

    def question(name: str, low: int, high: int, score: Any = None, comment: Any = None) -> Any:
        return {
            "question": name,
            "scaleMin": low,
            "scaleMax": high,
            "answered": score is not None,
            "score": score,
            "comment": comment,
        }

    assert ticket.solved_at is not None
    assert answered == {
        "data": {
            "supportSurveyAnswer": {
                "survey": {
                    "isOpen": True,
                    "closesAt": _iso(ticket.solved_at + timedelta(days=SURVEY_WINDOW_DAYS)),
                    "questions": [
                        question("CSAT_AGENT", 1, 5, 5, "<p>Mulțumesc, Ioana!</p>"),
                        question("CSAT_RESOLUTION", 1, 5),
                        question("NPS", 0, 10, 9),
                    ],
                },
                "errors": [],
            }
        }
    }
    assert off_scale["data"]["supportSurveyAnswer"] == {
        "survey": None,
        "errors": [
            {
                "field": "answers[0].score",
                "code": "OUT_OF_RANGE",
                "message": "The score must be from 1 to 5.",
            }
        ],
    }
    assert again["data"]["supportSurveyAnswer"]["errors"] == [
        {
            "field": "answers[0].question",
            "code": "ALREADY_ANSWERED",
            "message": "This question was already answered.",
        }
    ]
    assert sorted(SurveyAnswer.objects.values_list("question", "score")) == [
        ("csat_agent", 5),
        ("nps", 9),
    ]
    assert storefront.ran == SURVEY_STORY


def test_the_stories_run_every_example():
    assert GUEST_STORY | CUSTOMER_STORY | SURVEY_STORY == {p.name for p in STOREFRONT_OPERATIONS}

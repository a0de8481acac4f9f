"""supportTicketReply: public answers and internal notes."""

import pytest

from saleor_support_plugin.graphql.core.ids import to_global_id
from saleor_support_plugin.tickets import TicketEventType
from saleor_support_plugin.tickets.models import TicketEvent, TicketMessage

REPLY = """
mutation Reply($id: ID!, $input: SupportTicketReplyInput!) {
  supportTicketReply(id: $id, input: $input) {
    ticket { ... on StaffTicket { version firstResponseAt } }
    message { authorType body ... on StaffTicketMessage { author { email } isInternal } }
    errors { field message code }
  }
}
"""


def _gid(ticket):
    return to_global_id("SupportTicket", ticket.pk)


def test_a_public_reply_is_the_first_response(staff_api_client, ticket, agent):
    # when
    result = staff_api_client.execute(
        REPLY,
        {"id": _gid(ticket), "input": {"body": '<p>On its way <a href="javascript:x()">x</a></p>'}},
    )

    # then
    ticket.refresh_from_db()
    assert result == {
        "data": {
            "supportTicketReply": {
                "ticket": {"version": 2, "firstResponseAt": ticket.first_response_at.isoformat()},
                "message": {
                    "authorType": "AGENT",
                    "author": {"email": "agent@example.com"},
                    "isInternal": False,
                    "body": '<p>On its way <a rel="noopener noreferrer nofollow">x</a></p>',
                },
                "errors": [],
            }
        }
    }
    assert list(TicketEvent.objects.filter(ticket=ticket).values_list("type", "user_id")) == [
        (TicketEventType.OPENED, None),
        (TicketEventType.MESSAGE_ADDED, agent.pk),
    ]


def test_an_internal_note_is_not_a_response(staff_api_client, ticket):
    result = staff_api_client.execute(
        REPLY, {"id": _gid(ticket), "input": {"body": "Call the carrier", "isInternal": True}}
    )

    payload = result["data"]["supportTicketReply"]
    assert payload["errors"] == []
    assert payload["ticket"] == {"version": 2, "firstResponseAt": None}
    assert payload["message"]["isInternal"] is True
    assert TicketEvent.objects.filter(ticket=ticket).latest("id").type == TicketEventType.NOTE_ADDED


@pytest.mark.parametrize(
    ("body", "message", "code"),
    [
        ("   ", "A message cannot be empty.", "REQUIRED"),
        ("x" * 10_001, "A message can have at most 10000 characters.", "TOO_LONG"),
    ],
)
def test_a_bad_body_is_refused_and_nothing_is_stored(staff_api_client, ticket, body, message, code):
    result = staff_api_client.execute(REPLY, {"id": _gid(ticket), "input": {"body": body}})

    assert result == {
        "data": {
            "supportTicketReply": {
                "ticket": None,
                "message": None,
                "errors": [{"field": "body", "message": message, "code": code}],
            }
        }
    }
    assert TicketMessage.objects.count() == 0


def test_replying_to_an_unknown_ticket_is_not_found(staff_api_client, ticket):
    result = staff_api_client.execute(
        REPLY, {"id": to_global_id("SupportTicket", ticket.pk + 1), "input": {"body": "Hi"}}
    )

    assert result["data"]["supportTicketReply"]["errors"] == [
        {"field": "id", "message": "Ticket not found.", "code": "NOT_FOUND"}
    ]
    assert TicketMessage.objects.count() == 0


def test_a_customer_cannot_reply_on_someone_elses_ticket(customer_api_client, ticket):
    result = customer_api_client.execute(REPLY, {"id": _gid(ticket), "input": {"body": "Hi"}})

    assert result == {
        "data": {
            "supportTicketReply": {
                "ticket": None,
                "message": None,
                "errors": [{"field": "id", "message": "Ticket not found.", "code": "NOT_FOUND"}],
            }
        }
    }
    assert TicketMessage.objects.count() == 0

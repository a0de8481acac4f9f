"""supportTicketAssign: give a ticket to an agent, or take it back."""

import pytest

from saleor_support_plugin.graphql.core.ids import to_global_id
from saleor_support_plugin.tickets.actions import assign_ticket
from saleor_support_plugin.tickets.actors import Actor
from saleor_support_plugin.tickets.models import TicketEvent

ASSIGN = """
mutation Assign($id: ID!, $assigneeId: ID, $expectedVersion: Int) {
  supportTicketAssign(id: $id, assigneeId: $assigneeId, expectedVersion: $expectedVersion) {
    ticket { assignee { id email } version }
    errors { field message code }
  }
}
"""


def _gid(ticket):
    return to_global_id("SupportTicket", ticket.pk)


def test_an_agent_assigns_a_colleague(staff_api_client, ticket, agent, second_agent):
    # when
    result = staff_api_client.execute(
        ASSIGN, {"id": _gid(ticket), "assigneeId": to_global_id("User", second_agent.pk)}
    )

    # then
    assert result == {
        "data": {
            "supportTicketAssign": {
                "ticket": {
                    "assignee": {
                        "id": to_global_id("User", second_agent.pk),
                        "email": "agent2@example.com",
                    },
                    "version": 2,
                },
                "errors": [],
            }
        }
    }
    event = TicketEvent.objects.filter(ticket=ticket).latest("id")
    assert (event.type, event.user_id, event.parameters) == (
        "assigned",
        agent.pk,
        {"old_assignee_id": None, "new_assignee_id": second_agent.pk},
    )


def test_leaving_out_the_assignee_unassigns(staff_api_client, ticket, agent):
    assign_ticket(ticket, agent.pk, actor=Actor.system())

    result = staff_api_client.execute(ASSIGN, {"id": _gid(ticket), "expectedVersion": 2})

    assert result["data"]["supportTicketAssign"] == {
        "ticket": {"assignee": None, "version": 3},
        "errors": [],
    }


@pytest.mark.parametrize(
    "assignee",
    [
        lambda users: to_global_id("User", users["customer"].pk),
        lambda users: to_global_id("User", 10**9),
        lambda users: to_global_id("SupportTicket", users["agent"].pk),
        lambda users: str(users["agent"].pk),
    ],
    ids=["customer", "missing", "other-type", "raw"],
)
def test_only_staff_can_own_tickets(staff_api_client, ticket, agent, customer_user, assignee):
    # when
    result = staff_api_client.execute(
        ASSIGN,
        {"id": _gid(ticket), "assigneeId": assignee({"agent": agent, "customer": customer_user})},
    )

    # then
    assert result == {
        "data": {
            "supportTicketAssign": {
                "ticket": None,
                "errors": [
                    {
                        "field": "assigneeId",
                        "message": "The assignee must be an active staff member who works on"
                        " tickets.",
                        "code": "INVALID",
                    }
                ],
            }
        }
    }
    ticket.refresh_from_db()
    assert ticket.assignee_id is None
    assert TicketEvent.objects.filter(ticket=ticket).count() == 1


def test_a_stale_version_is_a_conflict(staff_api_client, ticket, agent):
    assign_ticket(ticket, agent.pk, actor=Actor.system())

    result = staff_api_client.execute(ASSIGN, {"id": _gid(ticket), "expectedVersion": 1})

    assert result["data"]["supportTicketAssign"]["errors"] == [
        {
            "field": "expectedVersion",
            "message": "The ticket was changed by someone else (now at version 2).",
            "code": "CONFLICT",
        }
    ]
    ticket.refresh_from_db()
    assert ticket.assignee_id == agent.pk


def test_assigning_an_unknown_ticket_is_not_found(staff_api_client, agent):
    result = staff_api_client.execute(
        ASSIGN,
        {"id": to_global_id("SupportTicket", 1), "assigneeId": to_global_id("User", agent.pk)},
    )

    assert result["data"]["supportTicketAssign"]["errors"] == [
        {"field": "id", "message": "Ticket not found.", "code": "NOT_FOUND"}
    ]


def test_a_customer_cannot_assign(customer_api_client, ticket, customer_user):
    result = customer_api_client.execute(
        ASSIGN, {"id": _gid(ticket), "assigneeId": to_global_id("User", customer_user.pk)}
    )

    assert result["data"] == {"supportTicketAssign": None}
    assert result["errors"][0]["extensions"] == {"exception": {"code": "PERMISSION_DENIED"}}
    ticket.refresh_from_db()
    assert ticket.assignee_id is None
    assert TicketEvent.objects.filter(ticket=ticket).count() == 1

"""supportTicketSetTeam, Escalate, DeEscalate, Merge and Split; routing of customers' tickets."""

import pytest

from saleor_support_plugin.agents.routing import route_new_ticket
from saleor_support_plugin.graphql.core.ids import to_global_id
from saleor_support_plugin.tickets import MessageAuthorType, TicketStatus
from saleor_support_plugin.tickets.actions import (
    CustomerInfo,
    add_message,
    category_by_slug,
    change_status,
    open_ticket,
)
from saleor_support_plugin.tickets.actors import Actor
from saleor_support_plugin.tickets.models import Ticket, TicketEvent, TicketMessage

SET_TEAM = """
mutation SetTeam($id: ID!, $teamId: ID, $expectedVersion: Int) {
  supportTicketSetTeam(id: $id, teamId: $teamId, expectedVersion: $expectedVersion) {
    ticket { team { slug } assignee { email } version }
    errors { field message code }
  }
}
"""
ESCALATE = """
mutation Escalate($id: ID!, $reason: String!, $expectedVersion: Int) {
  supportTicketEscalate(id: $id, reason: $reason, expectedVersion: $expectedVersion) {
    ticket { tier team { slug } assignee { email } }
    errors { field message code }
  }
}
"""
DE_ESCALATE = """
mutation DeEscalate($id: ID!, $reason: String!) {
  supportTicketDeEscalate(id: $id, reason: $reason) {
    ticket { tier team { slug } }
    errors { field message code }
  }
}
"""
MERGE = """
mutation Merge($sourceId: ID!, $targetId: ID!) {
  supportTicketMerge(sourceId: $sourceId, targetId: $targetId) {
    ticket { id messages { edges { node { body } } } }
    mergedTicket { id status mergedIntoId }
    errors { field message code }
  }
}
"""
SPLIT = """
mutation Split($messageId: ID!, $subject: String!) {
  supportTicketSplit(messageId: $messageId, subject: $subject) {
    ticket { subject customerEmail team { slug } messages { edges { node { body } } } }
    sourceTicket { messages { edges { node { body } } } }
    errors { field message code }
  }
}
"""
CUSTOMER_CREATE = """
mutation Create($input: SupportTicketCreateInput!) {
  supportTicketCreate(input: $input) { ticket { id } errors { code } }
}
"""
TICKET = """
query Ticket($id: ID!) {
  supportTicket(id: $id) { ... on StaffTicket { team { slug tier } mergedIntoId } }
}
"""
NEEDS_AGENT = "You need the following permissions to do this: MANAGE_ORDERS."


def _gid(ticket):
    return to_global_id("SupportTicket", ticket.pk)


def _team_gid(team):
    return to_global_id("SupportTeam", team.pk)


def _open(email="jan@example.com", user_id=None):
    return open_ticket(
        subject="Parcel",
        category=category_by_slug("delivery"),
        channel="web",
        actor=Actor.system(),
        customer=CustomerInfo(user_id=user_id, email=email, name="Jan"),
    )


def _say(ticket, body):
    return add_message(
        ticket,
        author_type=MessageAuthorType.CUSTOMER,
        actor=Actor.system(),
        body=body,
        plain_text=True,
    )


def _state():
    return (
        list(Ticket.objects.order_by("pk").values_list("pk", "version", "team_id", "tier")),
        TicketEvent.objects.count(),
        TicketMessage.objects.count(),
    )


def _denied(field, message=NEEDS_AGENT):
    return {
        "data": {field: None},
        "errors": [
            {
                "message": message,
                "locations": [{"line": 3, "column": 3}],
                "path": [field],
                "extensions": {"exception": {"code": "PERMISSION_DENIED"}},
            }
        ],
    }


@pytest.fixture
def tiers(staff_generator, team_generator):
    agents = {tier: staff_generator(tier=tier, name=f"l{tier}") for tier in (1, 2, 3)}
    teams = {
        tier: team_generator(tier=tier, members=[agents[tier]], is_default=tier == 1)
        for tier in (1, 2, 3)
    }
    return teams, agents


def test_an_agent_moves_a_ticket_to_another_team_of_its_tier(
    staff_api_client, staff_generator, team_generator, tiers
):
    # given
    other_member = staff_generator()
    other = team_generator(members=[other_member])
    ticket = route_new_ticket(_open())

    # when
    result = staff_api_client.execute(
        SET_TEAM, {"id": _gid(ticket), "teamId": _team_gid(other), "expectedVersion": 3}
    )

    # then
    assert result["data"]["supportTicketSetTeam"] == {
        "ticket": {
            "team": {"slug": other.slug},
            "assignee": {"email": other_member.email},
            "version": 5,
        },
        "errors": [],
    }


@pytest.mark.parametrize(
    ("team", "version", "error"),
    [
        (
            "l2",
            None,
            {
                "field": "teamId",
                "message": (
                    "The team works at tier L2 and the ticket is at L1; escalate or de-escalate"
                    " it instead."
                ),
                "code": "INVALID",
            },
        ),
        (
            "missing",
            None,
            {"field": "teamId", "message": "Team not found.", "code": "NOT_FOUND"},
        ),
        (
            "l1",
            1,
            {
                "field": "expectedVersion",
                "message": "The ticket was changed by someone else (now at version 3).",
                "code": "CONFLICT",
            },
        ),
    ],
)
def test_set_team_errors_change_nothing(staff_api_client, tiers, team, version, error):
    # given
    teams, _ = tiers
    ticket = route_new_ticket(_open())
    team_gid = {
        "l1": _team_gid(teams[1]),
        "l2": _team_gid(teams[2]),
        "missing": to_global_id("SupportTeam", 10**9),
    }[team]
    before = _state()

    # when
    result = staff_api_client.execute(
        SET_TEAM, {"id": _gid(ticket), "teamId": team_gid, "expectedVersion": version}
    )

    # then
    assert result["data"]["supportTicketSetTeam"] == {"ticket": None, "errors": [error]}
    assert _state() == before


def test_an_agent_escalates_then_de_escalates(staff_api_client, tiers):
    # given
    teams, agents = tiers
    ticket = route_new_ticket(_open())

    # when
    up = staff_api_client.execute(
        ESCALATE, {"id": _gid(ticket), "reason": "Double charge", "expectedVersion": 3}
    )
    down = staff_api_client.execute(DE_ESCALATE, {"id": _gid(ticket), "reason": "Refunded"})

    # then
    assert up["data"]["supportTicketEscalate"] == {
        "ticket": {
            "tier": "L2",
            "team": {"slug": teams[2].slug},
            "assignee": {"email": agents[2].email},
        },
        "errors": [],
    }
    assert down["data"]["supportTicketDeEscalate"] == {
        "ticket": {"tier": "L1", "team": {"slug": teams[1].slug}},
        "errors": [],
    }
    notes = TicketMessage.objects.filter(ticket=ticket, is_internal=True)
    assert list(notes.values_list("body_raw", flat=True)) == ["Double charge", "Refunded"]


@pytest.mark.parametrize(
    ("operation", "field", "reason", "error"),
    [
        (
            ESCALATE,
            "supportTicketEscalate",
            "",
            {"field": "reason", "message": "Say why the ticket changes tier.", "code": "REQUIRED"},
        ),
        (
            DE_ESCALATE,
            "supportTicketDeEscalate",
            "Back",
            {
                "field": "id",
                "message": "The ticket is already at the lowest tier (L1).",
                "code": "TIER_LIMIT",
            },
        ),
    ],
)
def test_tier_change_errors_change_nothing(
    staff_api_client, tiers, operation, field, reason, error
):
    # given
    ticket = route_new_ticket(_open())
    before = _state()

    # when
    result = staff_api_client.execute(operation, {"id": _gid(ticket), "reason": reason})

    # then
    assert result["data"][field] == {"ticket": None, "errors": [error]}
    assert _state() == before


def test_escalating_a_solved_ticket(staff_api_client, tiers):
    ticket = change_status(route_new_ticket(_open()), TicketStatus.SOLVED, actor=Actor.system())

    result = staff_api_client.execute(ESCALATE, {"id": _gid(ticket), "reason": "x"})

    assert result["data"]["supportTicketEscalate"]["errors"] == [
        {
            "field": "id",
            "message": "The ticket is solved; reopen it first.",
            "code": "INVALID_TRANSITION",
        }
    ]


def test_an_agent_merges_two_tickets(staff_api_client):
    # given
    target, source = _open(), _open()
    _say(target, "First")
    _say(source, "Second")

    # when
    result = staff_api_client.execute(MERGE, {"sourceId": _gid(source), "targetId": _gid(target)})

    # then
    assert result["data"]["supportTicketMerge"] == {
        "ticket": {
            "id": _gid(target),
            "messages": {
                "edges": [{"node": {"body": "<p>First</p>"}}, {"node": {"body": "<p>Second</p>"}}]
            },
        },
        "mergedTicket": {"id": _gid(source), "status": "CLOSED", "mergedIntoId": _gid(target)},
        "errors": [],
    }
    shown = staff_api_client.execute(TICKET, {"id": _gid(source)})["data"]["supportTicket"]
    assert shown == {"team": None, "mergedIntoId": _gid(target)}


@pytest.mark.parametrize(
    ("case", "error"),
    [
        (
            "other customer",
            {
                "field": "targetId",
                "message": (
                    "The tickets belong to different customers; each would see the other's"
                    " conversation."
                ),
                "code": "NOT_MERGEABLE",
            },
        ),
        (
            "itself",
            {
                "field": "targetId",
                "message": "A ticket cannot be merged into itself.",
                "code": "NOT_MERGEABLE",
            },
        ),
        (
            "missing source",
            {"field": "sourceId", "message": "Ticket not found.", "code": "NOT_FOUND"},
        ),
    ],
)
def test_merge_errors_change_nothing(staff_api_client, case, error):
    # given
    source, target = _open(), _open()
    source_gid = _gid(source)
    if case == "other customer":
        target = _open(email="other@example.com")
    elif case == "itself":
        target = source
    else:
        source_gid = to_global_id("SupportTicket", 10**9)
    before = _state()

    # when
    result = staff_api_client.execute(MERGE, {"sourceId": source_gid, "targetId": _gid(target)})

    # then
    assert result["data"]["supportTicketMerge"] == {
        "ticket": None,
        "mergedTicket": None,
        "errors": [error],
    }
    assert _state() == before


def test_an_agent_splits_a_message_out(staff_api_client, team_generator):
    # given
    team = team_generator(is_default=True)
    ticket = route_new_ticket(_open())
    _say(ticket, "Parcel late")
    other = _say(ticket, "Invoice wrong")

    # when
    result = staff_api_client.execute(
        SPLIT,
        {"messageId": to_global_id("SupportTicketMessage", other.pk), "subject": "Invoice"},
    )

    # then
    assert result["data"]["supportTicketSplit"] == {
        "ticket": {
            "subject": "Invoice",
            "customerEmail": "jan@example.com",
            "team": {"slug": team.slug},
            "messages": {"edges": [{"node": {"body": "<p>Invoice wrong</p>"}}]},
        },
        "sourceTicket": {"messages": {"edges": [{"node": {"body": "<p>Parcel late</p>"}}]}},
        "errors": [],
    }


@pytest.mark.parametrize(
    ("case", "error"),
    [
        (
            "only message",
            {
                "field": "messageId",
                "message": "The ticket's only message cannot be split out; nothing would be left.",
                "code": "INVALID",
            },
        ),
        ("missing", {"field": "messageId", "message": "Message not found.", "code": "NOT_FOUND"}),
        (
            "no subject",
            {"field": "subject", "message": "A subject is required.", "code": "REQUIRED"},
        ),
    ],
)
def test_split_errors_change_nothing(staff_api_client, case, error):
    # given
    ticket = _open()
    message = _say(ticket, "Only one")
    if case == "no subject":
        _say(ticket, "Another")
    message_gid = to_global_id("SupportTicketMessage", 10**9 if case == "missing" else message.pk)
    before = _state()

    # when
    result = staff_api_client.execute(
        SPLIT, {"messageId": message_gid, "subject": "" if case == "no subject" else "New"}
    )

    # then
    assert result["data"]["supportTicketSplit"] == {
        "ticket": None,
        "sourceTicket": None,
        "errors": [error],
    }
    assert _state() == before


@pytest.mark.parametrize(
    ("operation", "field", "variables"),
    [
        (SET_TEAM, "supportTicketSetTeam", lambda t, m: {"id": _gid(t), "teamId": None}),
        (ESCALATE, "supportTicketEscalate", lambda t, m: {"id": _gid(t), "reason": "x"}),
        (DE_ESCALATE, "supportTicketDeEscalate", lambda t, m: {"id": _gid(t), "reason": "x"}),
        (MERGE, "supportTicketMerge", lambda t, m: {"sourceId": _gid(t), "targetId": _gid(t)}),
        (
            SPLIT,
            "supportTicketSplit",
            lambda t, m: {
                "messageId": to_global_id("SupportTicketMessage", m.pk),
                "subject": "x",
            },
        ),
    ],
)
def test_customers_cannot_use_agent_mutations(
    customer_api_client, customer_user, operation, field, variables
):
    # given: the customer's own ticket
    ticket = _open(email=customer_user.email, user_id=customer_user.pk)
    message = _say(ticket, "Hello")
    _say(ticket, "Again")
    before = _state()

    # when
    result = customer_api_client.execute(operation, variables(ticket, message))

    # then
    assert result == _denied(field)
    assert _state() == before


def test_a_customers_new_ticket_is_routed(customer_api_client, team_generator, staff_generator):
    # given
    agent = staff_generator()
    team = team_generator(members=[agent], is_default=True)

    # when
    result = customer_api_client.execute(CUSTOMER_CREATE, {"input": {"message": "Hello"}})

    # then
    assert result["data"]["supportTicketCreate"]["errors"] == []
    ticket = Ticket.objects.get()
    assert (ticket.team_id, ticket.assignee_id) == (team.pk, agent.pk)

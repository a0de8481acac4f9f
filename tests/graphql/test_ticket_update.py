"""supportTicketUpdate: subject, status, priority, category and tags, all or nothing."""

import pytest

from saleor_support_plugin import ratelimit
from saleor_support_plugin.graphql.core.ids import to_global_id
from saleor_support_plugin.graphql.tickets.mutations import ticket_update
from saleor_support_plugin.tickets import TicketEventType
from saleor_support_plugin.tickets.models import TicketEvent

UPDATE = """
mutation Update($id: ID!, $input: SupportTicketUpdateInput!, $expectedVersion: Int) {
  supportTicketUpdate(id: $id, input: $input, expectedVersion: $expectedVersion) {
    ticket { status priority category { slug } tags version }
    errors { field message code }
  }
}
"""


def _gid(ticket):
    return to_global_id("SupportTicket", ticket.pk)


def _timeline(ticket):
    return list(
        TicketEvent.objects.filter(ticket=ticket).order_by("id").values_list("type", "user_id")
    )


def _snapshot(ticket):
    ticket.refresh_from_db()
    fields = ("status", "priority", "category_id", "tags", "version", "updated_at")
    return {name: getattr(ticket, name) for name in fields}


def test_an_agent_changes_everything_at_once(staff_api_client, ticket, agent):
    # when
    result = staff_api_client.execute(
        UPDATE,
        {
            "id": _gid(ticket),
            "input": {
                "status": "OPEN",
                "priority": "HIGH",
                "category": "refund",
                "tags": ["VIP", "late parcel"],
            },
            "expectedVersion": 1,
        },
    )

    # then
    assert result == {
        "data": {
            "supportTicketUpdate": {
                "ticket": {
                    "status": "OPEN",
                    "priority": "HIGH",
                    "category": {"slug": "refund"},
                    "tags": ["vip", "late-parcel"],
                    "version": 5,
                },
                "errors": [],
            }
        }
    }
    assert _timeline(ticket) == [
        (TicketEventType.OPENED, None),
        (TicketEventType.CATEGORY_CHANGED, agent.pk),
        (TicketEventType.PRIORITY_CHANGED, agent.pk),
        (TicketEventType.TAGS_CHANGED, agent.pk),
        (TicketEventType.STATUS_CHANGED, agent.pk),
    ]


def test_an_empty_update_changes_nothing(staff_api_client, ticket):
    result = staff_api_client.execute(UPDATE, {"id": _gid(ticket), "input": {}})

    assert result["data"]["supportTicketUpdate"]["errors"] == []
    assert result["data"]["supportTicketUpdate"]["ticket"]["version"] == 1
    assert _timeline(ticket) == [(TicketEventType.OPENED, None)]


def _refused(field, message, code):
    return {
        "data": {
            "supportTicketUpdate": {
                "ticket": None,
                "errors": [{"field": field, "message": message, "code": code}],
            }
        }
    }


def test_a_refused_status_move_undoes_the_whole_update(staff_api_client, ticket):
    # given
    before = _snapshot(ticket)

    # when
    result = staff_api_client.execute(
        UPDATE,
        {"id": _gid(ticket), "input": {"priority": "URGENT", "tags": ["x"], "status": "CLOSED"}},
    )

    # then
    assert result == _refused(
        "status", "A ticket cannot move from new to closed.", "INVALID_TRANSITION"
    )
    assert _snapshot(ticket) == before
    assert _timeline(ticket) == [(TicketEventType.OPENED, None)]


@pytest.mark.parametrize("input_", [{"priority": "LOW"}, {}])
def test_a_stale_version_is_a_conflict(staff_api_client, ticket, input_):
    # given
    staff_api_client.execute(UPDATE, {"id": _gid(ticket), "input": {"priority": "HIGH"}})
    before = _snapshot(ticket)

    # when
    result = staff_api_client.execute(
        UPDATE, {"id": _gid(ticket), "input": input_, "expectedVersion": 1}
    )

    # then
    assert result == _refused(
        "expectedVersion",
        "The ticket was changed by someone else (now at version 2).",
        "CONFLICT",
    )
    assert _snapshot(ticket) == before


def test_an_unknown_category_is_invalid(staff_api_client, ticket):
    before = _snapshot(ticket)

    result = staff_api_client.execute(
        UPDATE, {"id": _gid(ticket), "input": {"priority": "LOW", "category": "nope"}}
    )

    assert result == _refused("category", "Unknown category 'nope'.", "INVALID")
    assert _snapshot(ticket) == before


@pytest.mark.parametrize(
    "global_id",
    [to_global_id("SupportTicket", 10**9), to_global_id("User", 1), "1"],
    ids=["missing", "other-type", "raw"],
)
def test_an_unknown_ticket_is_not_found(staff_api_client, ticket, global_id):
    result = staff_api_client.execute(UPDATE, {"id": global_id, "input": {"status": "OPEN"}})

    assert result == _refused("id", "Ticket not found.", "NOT_FOUND")
    assert _timeline(ticket) == [(TicketEventType.OPENED, None)]


@pytest.mark.parametrize("who", ["customer_api_client", "api_client"])
def test_only_agents_update_and_a_denied_update_changes_nothing(request, ticket, who):
    # given
    before = _snapshot(ticket)

    # when
    result = request.getfixturevalue(who).execute(
        UPDATE, {"id": _gid(ticket), "input": {"status": "SOLVED"}}
    )

    # then
    assert result == {
        "data": {"supportTicketUpdate": None},
        "errors": [
            {
                "message": "You need the following permissions to do this: MANAGE_ORDERS.",
                "locations": [{"line": 3, "column": 3}],
                "path": ["supportTicketUpdate"],
                "extensions": {"exception": {"code": "PERMISSION_DENIED"}},
            }
        ],
    }
    assert _snapshot(ticket) == before
    assert _timeline(ticket) == [(TicketEventType.OPENED, None)]


SUBJECT = """
mutation Update($id: ID!, $input: SupportTicketUpdateInput!) {
  supportTicketUpdate(id: $id, input: $input) {
    ticket { subject version }
    errors { field message code }
  }
}
"""


def test_an_agent_rewrites_the_subject_and_search_finds_the_new_one(staff_api_client, ticket):
    # when
    result = staff_api_client.execute(
        SUBJECT, {"id": _gid(ticket), "input": {"subject": "  Colet  deteriorat la livrare "}}
    )
    found = staff_api_client.execute(
        '{ supportTickets(search: "deteriorat") { edges { node { number } } } }'
    )

    # then
    assert result["data"]["supportTicketUpdate"] == {
        "ticket": {"subject": "Colet deteriorat la livrare", "version": 2},
        "errors": [],
    }
    assert _timeline(ticket)[-1][0] == TicketEventType.SUBJECT_CHANGED
    assert [e.parameters for e in TicketEvent.objects.filter(ticket=ticket)][-1] == {}
    assert found["data"]["supportTickets"]["edges"] == [{"node": {"number": ticket.number}}]


@pytest.mark.parametrize(("subject", "code"), [("   ", "REQUIRED"), ("x" * 256, "TOO_LONG")])
def test_a_bad_subject_changes_nothing(staff_api_client, ticket, subject, code):
    before = _snapshot(ticket)

    result = staff_api_client.execute(
        SUBJECT, {"id": _gid(ticket), "input": {"subject": subject, "priority": "HIGH"}}
    )

    errors = result["data"]["supportTicketUpdate"]["errors"]
    assert [(e["field"], e["code"]) for e in errors] == [("subject", code)]
    assert _snapshot(ticket) == before


RATE_LIMIT_NOW = 1_700_000_000.0
"""200 s into a 10-minute window: 400 s, 7 minutes started, are left."""


def test_the_31st_update_of_a_ticket_in_10_minutes_is_refused(
    monkeypatch, staff_api_client, ticket_generator
):
    # given: one clock for all updates, so the window cannot end halfway
    monkeypatch.setattr(
        ticket_update,
        "hit",
        lambda name, key: ratelimit.hit(name, key, clock=lambda: RATE_LIMIT_NOW),
    )
    busy, other = ticket_generator(), ticket_generator(subject="Another parcel")
    for number in range(30):
        priority = "HIGH" if number % 2 == 0 else "LOW"
        result = staff_api_client.execute(
            UPDATE, {"id": _gid(busy), "input": {"priority": priority}}
        )
        assert result["data"]["supportTicketUpdate"]["errors"] == [], number
    before = _snapshot(busy)

    # when
    refused = staff_api_client.execute(
        UPDATE, {"id": _gid(busy), "input": {"priority": "URGENT", "tags": ["x"]}}
    )
    elsewhere = staff_api_client.execute(UPDATE, {"id": _gid(other), "input": {"priority": "HIGH"}})

    # then
    assert refused == _refused(
        None, "Too many requests: try again in 7 minutes.", "TOO_MANY_REQUESTS"
    )
    assert _snapshot(busy) == before
    assert before["version"] == 31
    assert elsewhere["data"]["supportTicketUpdate"] == {
        "ticket": {
            "status": "NEW",
            "priority": "HIGH",
            "category": {"slug": "delivery"},
            "tags": [],
            "version": 2,
        },
        "errors": [],
    }


def test_the_update_limit_comes_from_the_settings(settings, staff_api_client, ticket):
    # given
    settings.SUPPORT_DESK = {
        **settings.SUPPORT_DESK,
        "RATE_LIMITS": {ratelimit.TICKET_UPDATE_TICKET_10_MINUTES: (2, 600)},
    }
    variables = {"id": _gid(ticket), "input": {"tags": ["a"]}}

    # when
    codes = [
        [
            e["code"]
            for e in staff_api_client.execute(UPDATE, variables)["data"]["supportTicketUpdate"][
                "errors"
            ]
        ]
        for _ in range(3)
    ]

    # then
    assert codes == [[], [], ["TOO_MANY_REQUESTS"]]

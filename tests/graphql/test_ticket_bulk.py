"""Bulk status, assign and tag: each ticket succeeds or fails on its own, at most 100 at once."""

from pathlib import Path

import pytest

from saleor_support_plugin.graphql.core.ids import to_global_id
from saleor_support_plugin.tickets import TicketEventType, TicketStatus
from saleor_support_plugin.tickets.actions import assign_ticket, change_status, set_tags
from saleor_support_plugin.tickets.actors import Actor
from saleor_support_plugin.tickets.models import Ticket, TicketEvent
from tests.graphql.requestors import act_as, staff_without_permissions
from tests.query_counts import assert_statements

RESULTS = "count results { ticket { number status tags version assignee { email } } errors { field message code index } } errors { field message code index }"  # noqa: E501

DASHBOARD = Path(__file__).resolve().parents[2] / "graphql" / "dashboard"

BULK_STATUS = f"""
mutation BulkStatus($ids: [ID!]!, $status: SupportTicketStatusEnum!) {{
  supportTicketBulkStatus(ids: $ids, status: $status) {{ {RESULTS} }}
}}
"""
BULK_ASSIGN = f"""
mutation BulkAssign($ids: [ID!]!, $assigneeId: ID) {{
  supportTicketBulkAssign(ids: $ids, assigneeId: $assigneeId) {{ {RESULTS} }}
}}
"""
BULK_TAG = f"""
mutation BulkTag($ids: [ID!]!, $add: [String!], $remove: [String!]) {{
  supportTicketBulkTag(ids: $ids, add: $add, remove: $remove) {{ {RESULTS} }}
}}
"""


def _gid(ticket):
    return to_global_id("SupportTicket", ticket.pk)


def _state(tickets):
    return [
        Ticket.objects.values_list("status", "assignee_id", "tags", "version").get(pk=t.pk)
        for t in tickets
    ]


def _event_count():
    return TicketEvent.objects.count()


def _result(ticket, **changes):
    ticket.refresh_from_db()
    values = {
        "number": ticket.number,
        "status": ticket.status.upper(),
        "tags": ticket.tags,
        "version": ticket.version,
        "assignee": None,
    }
    values.update(changes)
    return {"ticket": values, "errors": []}


def _refused(field, message, code, index):
    return {
        "ticket": None,
        "errors": [{"field": field, "message": message, "code": code, "index": index}],
    }


@pytest.fixture
def three(ticket_generator):
    return [ticket_generator(subject=f"Question {i}") for i in range(3)]


def test_bulk_status_moves_each_ticket_and_reports_the_refused_ones(staff_api_client, three, agent):
    # given: the middle one is solved and closed, so it cannot move to OPEN
    change_status(three[1], TicketStatus.SOLVED, actor=Actor.system())
    change_status(three[1], TicketStatus.CLOSED, actor=Actor.system())
    closed_before = _state([three[1]])
    ids = [_gid(three[0]), _gid(three[1]), to_global_id("SupportTicket", 10**9), _gid(three[2])]

    # when
    result = staff_api_client.execute(BULK_STATUS, {"ids": ids, "status": "OPEN"})

    # then
    assert result == {
        "data": {
            "supportTicketBulkStatus": {
                "count": 2,
                "results": [
                    _result(three[0]),
                    _refused(
                        "status",
                        "A ticket cannot move from closed to open.",
                        "INVALID_TRANSITION",
                        1,
                    ),
                    _refused("ids", "Ticket not found.", "NOT_FOUND", 2),
                    _result(three[2]),
                ],
                "errors": [],
            }
        }
    }
    assert _state(three) == [
        ("open", None, [], 2),
        *closed_before,
        ("open", None, [], 2),
    ]
    changes = TicketEvent.objects.filter(type=TicketEventType.STATUS_CHANGED, user=agent)
    assert sorted(changes.values_list("ticket_id", flat=True)) == [three[0].pk, three[2].pk]


def test_a_ticket_already_in_the_status_is_not_counted(staff_api_client, three):
    change_status(three[0], TicketStatus.OPEN, actor=Actor.system())

    result = staff_api_client.execute(
        BULK_STATUS, {"ids": [_gid(three[0]), _gid(three[1])], "status": "OPEN"}
    )

    payload = result["data"]["supportTicketBulkStatus"]
    assert payload["count"] == 1
    assert [r["ticket"]["version"] for r in payload["results"]] == [2, 2]


def test_a_ticket_named_twice_changes_once(staff_api_client, three):
    result = staff_api_client.execute(
        BULK_STATUS, {"ids": [_gid(three[0]), _gid(three[0])], "status": "PENDING"}
    )

    payload = result["data"]["supportTicketBulkStatus"]
    assert payload["count"] == 1
    assert [r["ticket"]["status"] for r in payload["results"]] == ["PENDING", "PENDING"]
    assert TicketEvent.objects.filter(type=TicketEventType.STATUS_CHANGED).count() == 1


@pytest.mark.parametrize(
    "bad_id",
    [to_global_id("User", 1), "1", "not base64"],
    ids=["other-type", "raw", "garbage"],
)
def test_ids_that_name_no_ticket_are_not_found(staff_api_client, three, bad_id):
    result = staff_api_client.execute(
        BULK_STATUS, {"ids": [bad_id, _gid(three[0])], "status": "OPEN"}
    )

    payload = result["data"]["supportTicketBulkStatus"]
    assert payload["count"] == 1
    assert payload["results"][0] == _refused("ids", "Ticket not found.", "NOT_FOUND", 0)


def test_an_empty_list_changes_nothing(staff_api_client):
    result = staff_api_client.execute(BULK_STATUS, {"ids": [], "status": "OPEN"})

    assert result == {
        "data": {"supportTicketBulkStatus": {"count": 0, "results": [], "errors": []}}
    }


def test_more_than_100_tickets_are_refused_whole(staff_api_client, three):
    # given
    ids = [_gid(three[0])] * 100 + [_gid(three[1])]
    before = _state(three)

    # when
    result = staff_api_client.execute(BULK_STATUS, {"ids": ids, "status": "OPEN"})

    # then
    assert result == {
        "data": {
            "supportTicketBulkStatus": {
                "count": 0,
                "results": [],
                "errors": [
                    {
                        "field": "ids",
                        "message": "At most 100 tickets can be changed at once; 101 were given.",
                        "code": "INVALID",
                        "index": None,
                    }
                ],
            }
        }
    }
    assert _state(three) == before


def test_bulk_assign_gives_every_ticket_to_the_agent(staff_api_client, three, agent, second_agent):
    # given
    assign_ticket(three[0], second_agent.pk, actor=Actor.system())

    # when
    result = staff_api_client.execute(
        BULK_ASSIGN,
        {"ids": [_gid(t) for t in three], "assigneeId": to_global_id("User", second_agent.pk)},
    )

    # then
    payload = result["data"]["supportTicketBulkAssign"]
    assert payload["count"] == 2
    assert payload["results"] == [
        _result(t, assignee={"email": "agent2@example.com"}) for t in three
    ]
    events = TicketEvent.objects.filter(type=TicketEventType.ASSIGNED, user=agent)
    assert sorted(events.values_list("ticket_id", "parameters")) == [
        (three[1].pk, {"old_assignee_id": None, "new_assignee_id": second_agent.pk}),
        (three[2].pk, {"old_assignee_id": None, "new_assignee_id": second_agent.pk}),
    ]


def test_bulk_assign_without_an_assignee_unassigns(staff_api_client, three, agent):
    for t in three:
        assign_ticket(t, agent.pk, actor=Actor.system())

    result = staff_api_client.execute(BULK_ASSIGN, {"ids": [_gid(t) for t in three]})

    assert result["data"]["supportTicketBulkAssign"]["count"] == 3
    assert [s[1] for s in _state(three)] == [None, None, None]


def test_bulk_assign_to_someone_who_cannot_own_tickets_changes_nothing(
    staff_api_client, three, customer_user
):
    # given
    before, events = _state(three), _event_count()

    # when
    result = staff_api_client.execute(
        BULK_ASSIGN,
        {"ids": [_gid(t) for t in three], "assigneeId": to_global_id("User", customer_user.pk)},
    )

    # then
    assert result["data"]["supportTicketBulkAssign"] == {
        "count": 0,
        "results": [],
        "errors": [
            {
                "field": "assigneeId",
                "message": "The assignee must be an active staff member who works on tickets.",
                "code": "INVALID",
                "index": None,
            }
        ],
    }
    assert (_state(three), _event_count()) == (before, events)


def test_bulk_tag_adds_and_removes_keeping_other_tags(staff_api_client, three):
    # given
    set_tags(three[0], ["vip", "late-parcel"], actor=Actor.system())
    set_tags(three[1], ["refund"], actor=Actor.system())

    # when
    result = staff_api_client.execute(
        BULK_TAG,
        {
            "ids": [_gid(t) for t in three],
            "add": ["Needs Refund", "VIP"],
            "remove": ["late parcel"],
        },
    )

    # then
    payload = result["data"]["supportTicketBulkTag"]
    assert payload["count"] == 3
    assert [r["ticket"]["tags"] for r in payload["results"]] == [
        ["vip", "needs-refund"],
        ["refund", "needs-refund", "vip"],
        ["needs-refund", "vip"],
    ]
    events = TicketEvent.objects.filter(ticket=three[0], type=TicketEventType.TAGS_CHANGED)
    assert events.latest("id").parameters == {
        "added": ["needs-refund"],
        "removed": ["late-parcel"],
    }


def test_a_ticket_that_would_get_too_many_tags_is_refused_alone(staff_api_client, three):
    # given
    set_tags(three[0], [f"tag-{i}" for i in range(19)], actor=Actor.system())

    # when
    result = staff_api_client.execute(
        BULK_TAG, {"ids": [_gid(three[0]), _gid(three[1])], "add": ["one", "two"]}
    )

    # then
    payload = result["data"]["supportTicketBulkTag"]
    assert payload["count"] == 1
    assert payload["results"][0] == _refused(
        "tags", "A ticket can have at most 20 tags.", "INVALID", 0
    )
    assert _state(three[:2]) == [
        ("new", None, [f"tag-{i}" for i in range(19)], 2),
        ("new", None, ["one", "two"], 2),
    ]


@pytest.mark.parametrize(
    ("arguments", "field", "message", "code"),
    [
        (
            {"add": ["x"], "remove": ["X"]},
            "remove",
            "A tag cannot be both added and removed: x.",
            "INVALID",
        ),  # noqa: E501
        ({"add": ["x" * 65]}, "add", "A tag can have at most 64 characters.", "TOO_LONG"),
        ({"remove": ["y" * 65]}, "remove", "A tag can have at most 64 characters.", "TOO_LONG"),
    ],
)
def test_bad_tags_refuse_the_whole_request(
    staff_api_client, three, arguments, field, message, code
):
    before, events = _state(three), _event_count()

    result = staff_api_client.execute(BULK_TAG, {"ids": [_gid(t) for t in three], **arguments})

    assert result["data"]["supportTicketBulkTag"] == {
        "count": 0,
        "results": [],
        "errors": [{"field": field, "message": message, "code": code, "index": None}],
    }
    assert (_state(three), _event_count()) == (before, events)


@pytest.mark.parametrize(
    ("mutation", "name", "variables"),
    [
        (BULK_STATUS, "supportTicketBulkStatus", {"status": "SOLVED"}),
        (BULK_ASSIGN, "supportTicketBulkAssign", {}),
        (BULK_TAG, "supportTicketBulkTag", {"add": ["x"]}),
    ],
    ids=["status", "assign", "tag"],
)
@pytest.mark.parametrize("who", ["customer_api_client", "api_client", "staff_without_permission"])
def test_only_agents_change_tickets_in_bulk(
    request, monkeypatch, three, agent, mutation, name, variables, who
):
    # given
    for t in three:
        assign_ticket(t, agent.pk, actor=Actor.system())
    before, events = _state(three), _event_count()
    if who == "staff_without_permission":
        act_as(monkeypatch, staff_without_permissions(agent))
        who = "api_client"

    # when
    result = request.getfixturevalue(who).execute(
        mutation, {"ids": [_gid(t) for t in three], **variables}
    )

    # then
    assert result["data"] == {name: None}
    assert [e["extensions"]["exception"]["code"] for e in result["errors"]] == ["PERMISSION_DENIED"]
    assert (_state(three), _event_count()) == (before, events)


BULK_BASE_STATEMENTS = 2
"""The token's user and one SELECT ... FOR UPDATE locking every named ticket in pk order."""
BULK_STATEMENTS_PER_TICKET = 3
"""Per ticket, through the single-ticket action: its row lock (already held, so it does not
wait), the UPDATE and the timeline entry."""


@pytest.mark.parametrize("number_of_tickets", [1, 50])
def test_bulk_status_costs_two_statements_plus_three_per_ticket(
    staff_api_client, ticket_generator, number_of_tickets
):
    # given
    tickets = [ticket_generator(subject=f"Q{i}") for i in range(number_of_tickets)]

    # when
    with assert_statements(BULK_BASE_STATEMENTS + BULK_STATEMENTS_PER_TICKET * number_of_tickets):
        result = staff_api_client.execute(
            BULK_STATUS.replace(" assignee { email }", ""),
            {"ids": [_gid(t) for t in tickets], "status": "OPEN"},
        )

    # then
    assert result["data"]["supportTicketBulkStatus"]["count"] == number_of_tickets


@pytest.mark.parametrize("number_of_tickets", [1, 50])
def test_bulk_assign_costs_three_statements_plus_three_per_ticket(
    staff_api_client, ticket_generator, second_agent, number_of_tickets
):
    # given
    tickets = [ticket_generator(subject=f"Q{i}") for i in range(number_of_tickets)]

    # when: one more statement checks the assignee is an agent, one loads them for the payload
    with assert_statements(
        BULK_BASE_STATEMENTS + 2 + BULK_STATEMENTS_PER_TICKET * number_of_tickets
    ):
        result = staff_api_client.execute(
            BULK_ASSIGN,
            {
                "ids": [_gid(t) for t in tickets],
                "assigneeId": to_global_id("User", second_agent.pk),
            },
        )

    # then
    assert result["data"]["supportTicketBulkAssign"]["count"] == number_of_tickets


@pytest.mark.parametrize(
    ("name", "field", "variables"),
    [
        ("ticket_bulk_status", "supportTicketBulkStatus", {"status": "OPEN"}),
        ("ticket_bulk_assign", "supportTicketBulkAssign", {}),
        ("ticket_bulk_tag", "supportTicketBulkTag", {"add": ["vip"]}),
    ],
)
def test_the_dashboard_operations_run(staff_api_client, three, agent, name, field, variables):
    # given
    operation = (DASHBOARD / f"{name}.graphql").read_text()
    if name == "ticket_bulk_assign":
        variables = {"assigneeId": to_global_id("User", agent.pk)}

    # when
    result = staff_api_client.execute(operation, {"ids": [_gid(t) for t in three], **variables})

    # then
    assert "errors" not in result
    assert result["data"][field]["count"] == 3

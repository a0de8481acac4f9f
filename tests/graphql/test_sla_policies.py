"""supportSlaPolicyCreate, Update, Delete, Reorder, supportSlaPolicies and reporting targets."""

import pytest

from saleor_support_plugin.graphql.core.ids import to_global_id
from saleor_support_plugin.sla.models import SlaPolicy, SlaReportingTarget, TicketSla
from saleor_support_plugin.sla.sync import sync_ticket_clocks
from tests.fixtures.sla import MONDAY_9
from tests.query_counts import assert_statements

CREATE = """
mutation Create($input: SupportSlaPolicyInput!) {
  supportSlaPolicyCreate(input: $input) {
    policy {
      name position isActive priorities channels categories { slug } orderChannels
      calendar { name } firstResponseMinutes nextResponseMinutes resolutionMinutes
      warningPercent breachActions notifyUser { email }
    }
    errors { field message code }
  }
}
"""
UPDATE = """
mutation Update($id: ID!, $input: SupportSlaPolicyInput!) {
  supportSlaPolicyUpdate(id: $id, input: $input) {
    policy { name priorities firstResponseMinutes resolutionMinutes notifyUser { email } }
    errors { field message code }
  }
}
"""
DELETE = """
mutation Delete($id: ID!) { supportSlaPolicyDelete(id: $id) { id errors { code } } }
"""
REORDER = """
mutation Reorder($ids: [ID!]!) {
  supportSlaPolicyReorder(ids: $ids) { policies { name position } errors { field code } }
}
"""
POLICIES = """
query {
  supportSlaPolicies {
    name position categories { slug } calendar { name intervals { start } } notifyUser { email }
  }
}
"""
TARGETS = """
query { supportSlaReportingTargets { channel answerWithinSeconds sharePercent } }
"""
SET_TARGET = """
mutation Set($channel: SupportTicketChannelEnum!, $seconds: Int!, $share: Int!) {
  supportSlaReportingTargetUpdate(
    channel: $channel, answerWithinSeconds: $seconds, sharePercent: $share
  ) {
    reportingTarget { channel answerWithinSeconds sharePercent }
    errors { field message code }
  }
}
"""
DENIED = "Only team leads, managers and holders of MANAGE_SETTINGS can do this."


@pytest.fixture
def lead_client(api_client_for, team_lead):
    return api_client_for(team_lead)


@pytest.fixture
def calendar_id(db):
    from saleor_support_plugin.sla.models import BusinessCalendar

    return to_global_id("SupportBusinessCalendar", BusinessCalendar.objects.get().pk)


def _gid(policy):
    return to_global_id("SupportSlaPolicy", policy.pk)


def _state():
    return list(SlaPolicy.objects.order_by("pk").values())


def test_a_team_lead_creates_a_policy_tried_last(lead_client, calendar_id, agent):
    # when
    result = lead_client.execute(
        CREATE,
        {
            "input": {
                "name": "VIP refunds",
                "calendar": calendar_id,
                "priorities": ["HIGH", "URGENT"],
                "channels": ["EMAIL", "WEB"],
                "categories": ["refund", "payment"],
                "orderChannels": ["vip"],
                "firstResponseMinutes": 30,
                "resolutionMinutes": 240,
                "warningPercent": 50,
                "breachActions": ["ESCALATE", "NOTIFY_LEAD"],
                "notifyUser": to_global_id("User", agent.pk),
            }
        },
    )

    # then
    assert result == {
        "data": {
            "supportSlaPolicyCreate": {
                "policy": {
                    "name": "VIP refunds",
                    "position": 3,
                    "isActive": True,
                    "priorities": ["HIGH", "URGENT"],
                    "channels": ["EMAIL", "WEB"],
                    "categories": [{"slug": "refund"}, {"slug": "payment"}],
                    "orderChannels": ["vip"],
                    "calendar": {"name": "Business hours"},
                    "firstResponseMinutes": 30,
                    "nextResponseMinutes": None,
                    "resolutionMinutes": 240,
                    "warningPercent": 50,
                    "breachActions": ["ESCALATE", "NOTIFY_LEAD"],
                    "notifyUser": {"email": "agent@example.com"},
                },
                "errors": [],
            }
        }
    }


@pytest.mark.parametrize(
    ("values", "error"),
    [
        (
            {"calendar": None},
            {"field": "calendar", "message": "A calendar is required.", "code": "REQUIRED"},
        ),
        (
            {"calendar": to_global_id("SupportBusinessCalendar", 0)},
            {"field": "calendar", "message": "No such calendar.", "code": "NOT_FOUND"},
        ),
        (
            {"firstResponseMinutes": None},
            {
                "field": "firstResponseMinutes",
                "message": "A policy needs at least one target.",
                "code": "REQUIRED",
            },
        ),
        (
            {"resolutionMinutes": 0},
            {
                "field": "resolutionMinutes",
                "message": "A target is between 1 and 527,040 business minutes.",
                "code": "INVALID",
            },
        ),
        (
            {"warningPercent": 100},
            {
                "field": "warningPercent",
                "message": "The warning threshold is a share of the target from 1 to 99 %.",
                "code": "INVALID",
            },
        ),
        (
            {"categories": ["refund", "teleportation"]},
            {
                "field": "categories",
                "message": "Unknown category 'teleportation'.",
                "code": "INVALID",
            },
        ),
        (
            {"notifyUser": to_global_id("User", 0)},
            {"field": "notifyUser", "message": "No such user.", "code": "NOT_FOUND"},
        ),
        (
            {"name": "Urgent"},
            {"field": "name", "message": "Another policy has this name.", "code": "UNIQUE"},
        ),
    ],
)
def test_bad_policies_are_refused_with_nothing_stored(lead_client, calendar_id, values, error):
    # given
    before = _state()

    # when
    result = lead_client.execute(
        CREATE,
        {
            "input": {
                "name": "Night shift",
                "calendar": calendar_id,
                "firstResponseMinutes": 30,
                **values,
            }
        },
    )

    # then
    assert result["data"]["supportSlaPolicyCreate"] == {"policy": None, "errors": [error]}
    assert _state() == before


def test_an_agent_who_does_not_lead_is_denied_with_nothing_stored(staff_api_client):
    before = _state()
    urgent = SlaPolicy.objects.get(name="Urgent")

    result = staff_api_client.execute(
        UPDATE, {"id": _gid(urgent), "input": {"firstResponseMinutes": 5}}
    )

    assert result["data"] == {"supportSlaPolicyUpdate": None}
    assert [e["message"] for e in result["errors"]] == [DENIED]
    assert _state() == before


def test_an_update_changes_what_is_given_and_null_clears_a_target(lead_client):
    # given
    urgent = SlaPolicy.objects.get(name="Urgent")

    # when
    result = lead_client.execute(
        UPDATE,
        {"id": _gid(urgent), "input": {"firstResponseMinutes": 30, "resolutionMinutes": None}},
    )

    # then
    assert result["data"]["supportSlaPolicyUpdate"] == {
        "policy": {
            "name": "Urgent",
            "priorities": ["URGENT"],
            "firstResponseMinutes": 30,
            "resolutionMinutes": None,
            "notifyUser": None,
        },
        "errors": [],
    }


def test_changing_a_policy_asks_for_a_new_sync_of_open_tickets(lead_client, sla_ticket_generator):
    # given
    ticket = sla_ticket_generator()
    sync_ticket_clocks(ticket, now=MONDAY_9)
    standard = SlaPolicy.objects.get(name="Standard")

    # when
    lead_client.execute(UPDATE, {"id": _gid(standard), "input": {"firstResponseMinutes": 60}})

    # then
    assert TicketSla.objects.get(ticket=ticket).synced_version == 0


def test_policies_are_reordered_the_rest_following(lead_client):
    urgent, high, standard = SlaPolicy.objects.order_by("position")

    result = lead_client.execute(REORDER, {"ids": [_gid(standard), _gid(urgent)]})

    assert result["data"]["supportSlaPolicyReorder"] == {
        "policies": [
            {"name": "Standard", "position": 0},
            {"name": "Urgent", "position": 1},
            {"name": "High", "position": 2},
        ],
        "errors": [],
    }


def test_reordering_with_an_unknown_policy_changes_nothing(lead_client):
    before = _state()

    result = lead_client.execute(REORDER, {"ids": [to_global_id("SupportSlaPolicy", 0)]})

    assert result["data"]["supportSlaPolicyReorder"]["errors"] == [
        {"field": "ids", "code": "NOT_FOUND"}
    ]
    assert _state() == before


def test_a_policy_is_deleted(lead_client):
    high = SlaPolicy.objects.get(name="High")

    result = lead_client.execute(DELETE, {"id": _gid(high)})

    assert result["data"]["supportSlaPolicyDelete"] == {"id": _gid(high), "errors": []}
    assert list(SlaPolicy.objects.values_list("name", flat=True)) == ["Urgent", "Standard"]


@pytest.mark.parametrize("extra", [0, 20])
def test_the_policy_list_costs_the_same_statements_however_many(lead_client, calendar_id, extra):
    # given
    for index in range(extra):
        lead_client.execute(
            CREATE,
            {
                "input": {
                    "name": f"Policy {index}",
                    "calendar": calendar_id,
                    "categories": ["refund"],
                    "firstResponseMinutes": 10,
                }
            },
        )

    # when: the token's user, policies, their categories, calendars, intervals
    with assert_statements(5):
        result = lead_client.execute(POLICIES)

    # then
    assert len(result["data"]["supportSlaPolicies"]) == 3 + extra


def test_reporting_targets_are_read_and_set(lead_client):
    result = lead_client.execute(SET_TARGET, {"channel": "PHONE", "seconds": 30, "share": 90})

    assert result["data"]["supportSlaReportingTargetUpdate"] == {
        "reportingTarget": {"channel": "PHONE", "answerWithinSeconds": 30, "sharePercent": 90},
        "errors": [],
    }
    assert lead_client.execute(TARGETS)["data"]["supportSlaReportingTargets"] == [
        {"channel": "CHAT", "answerWithinSeconds": 10, "sharePercent": 100},
        {"channel": "PHONE", "answerWithinSeconds": 30, "sharePercent": 90},
    ]


def test_a_bad_reporting_target_is_refused(lead_client):
    before = list(SlaReportingTarget.objects.values())

    result = lead_client.execute(SET_TARGET, {"channel": "CHAT", "seconds": 10, "share": 0})

    assert result["data"]["supportSlaReportingTargetUpdate"]["errors"] == [
        {"field": "sharePercent", "message": "The share is from 1 to 100 %.", "code": "INVALID"}
    ]
    assert list(SlaReportingTarget.objects.values()) == before

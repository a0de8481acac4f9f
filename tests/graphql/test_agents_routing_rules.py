"""Routing rule mutations and supportRoutingRules."""

import pytest

from saleor_support_plugin.agents.models import RoutingRule
from saleor_support_plugin.graphql.core.ids import to_global_id
from tests.query_counts import assert_statements

CREATE = """
mutation Create($input: SupportRoutingRuleInput!) {
  supportRoutingRuleCreate(input: $input) {
    routingRule {
      name position isActive categories channels languageCodes orderChannels tags
      team { slug }
    }
    errors { field message code }
  }
}
"""
UPDATE = """
mutation Update($id: ID!, $input: SupportRoutingRuleInput!) {
  supportRoutingRuleUpdate(id: $id, input: $input) {
    routingRule { name isActive categories tags team { slug } }
    errors { field message code }
  }
}
"""
DELETE = """
mutation Delete($id: ID!) {
  supportRoutingRuleDelete(id: $id) { id errors { field message code } }
}
"""
REORDER = """
mutation Reorder($ids: [ID!]!) {
  supportRoutingRuleReorder(ids: $ids) {
    routingRules { name position }
    errors { field message code }
  }
}
"""
RULES = """
query { supportRoutingRules { id name position team { slug members { id } } } }
"""
DENIED = "Only team leads, managers and holders of MANAGE_SETTINGS can do this."


def _gid(rule):
    return to_global_id("SupportRoutingRule", rule.pk)


def _team_gid(team):
    return to_global_id("SupportTeam", team.pk)


def _state():
    return list(RoutingRule.objects.order_by("pk").values())


@pytest.fixture
def lead_client(api_client_for, team_lead):
    return api_client_for(team_lead)


def test_a_lead_adds_a_rule(lead_client, team_generator):
    # given
    team = team_generator()

    # when
    result = lead_client.execute(
        CREATE,
        {
            "input": {
                "name": "Romanian refunds",
                "teamId": _team_gid(team),
                "categories": ["refund"],
                "channels": ["EMAIL", "WEB"],
                "languageCodes": ["ro"],
                "orderChannels": ["eu"],
                "tags": ["VIP customer"],
            }
        },
    )

    # then
    assert result == {
        "data": {
            "supportRoutingRuleCreate": {
                "routingRule": {
                    "name": "Romanian refunds",
                    "position": 0,
                    "isActive": True,
                    "categories": ["refund"],
                    "channels": ["EMAIL", "WEB"],
                    "languageCodes": ["ro"],
                    "orderChannels": ["eu"],
                    "tags": ["vip-customer"],
                    "team": {"slug": team.slug},
                },
                "errors": [],
            }
        }
    }


@pytest.mark.parametrize(
    ("values", "error"),
    [
        (
            {"teamId": "team"},
            {"field": "name", "message": "A name is required.", "code": "REQUIRED"},
        ),
        ({"name": "X"}, {"field": "teamId", "message": "A team is required.", "code": "REQUIRED"}),
        (
            {"name": "X", "teamId": to_global_id("SupportTeam", 10**9)},
            {"field": "teamId", "message": "Team not found.", "code": "NOT_FOUND"},
        ),
        (
            {"name": "X", "teamId": "team", "categories": ["made-up"]},
            {"field": "categories", "message": "Unknown category 'made-up'.", "code": "INVALID"},
        ),
        (
            {"name": "X", "teamId": "team", "tags": ["t" * 65]},
            {
                "field": "tags",
                "message": "A tag can have at most 64 characters.",
                "code": "INVALID",
            },
        ),
    ],
)
def test_rule_input_errors_change_nothing(lead_client, team_generator, values, error):
    # given
    team = team_generator()
    if values.get("teamId") == "team":
        values = {**values, "teamId": _team_gid(team)}
    before = _state()

    # when
    result = lead_client.execute(CREATE, {"input": values})

    # then
    assert result == {
        "data": {"supportRoutingRuleCreate": {"routingRule": None, "errors": [error]}}
    }
    assert _state() == before


def test_a_lead_updates_and_deletes_a_rule(lead_client, team_generator, routing_rule_generator):
    # given
    first, second = team_generator(), team_generator()
    rule = routing_rule_generator(first, category_slugs=["refund"], tags=["vip"])

    # when
    updated = lead_client.execute(
        UPDATE,
        {
            "id": _gid(rule),
            "input": {"teamId": _team_gid(second), "categories": [], "isActive": False},
        },
    )
    deleted = lead_client.execute(DELETE, {"id": _gid(rule)})

    # then
    assert updated["data"]["supportRoutingRuleUpdate"] == {
        "routingRule": {
            "name": "Rule",
            "isActive": False,
            "categories": [],
            "tags": ["vip"],
            "team": {"slug": second.slug},
        },
        "errors": [],
    }
    assert deleted["data"]["supportRoutingRuleDelete"] == {"id": _gid(rule), "errors": []}
    assert not RoutingRule.objects.exists()


def test_missing_rules(lead_client):
    # given
    missing = to_global_id("SupportRoutingRule", 10**9)
    error = {"field": "id", "message": "Routing rule not found.", "code": "NOT_FOUND"}

    # when
    updated = lead_client.execute(UPDATE, {"id": missing, "input": {"name": "X"}})
    deleted = lead_client.execute(DELETE, {"id": missing})
    reordered = lead_client.execute(REORDER, {"ids": [missing]})

    # then
    assert updated["data"]["supportRoutingRuleUpdate"] == {"routingRule": None, "errors": [error]}
    assert deleted["data"]["supportRoutingRuleDelete"] == {"id": None, "errors": [error]}
    assert reordered["data"]["supportRoutingRuleReorder"] == {
        "routingRules": None,
        "errors": [{**error, "field": "ids"}],
    }


def test_a_lead_reorders_rules(lead_client, team_generator, routing_rule_generator):
    # given
    team = team_generator()
    a, b, c = (routing_rule_generator(team, name=name) for name in "abc")

    # when
    result = lead_client.execute(REORDER, {"ids": [_gid(c), _gid(a)]})

    # then
    assert result["data"]["supportRoutingRuleReorder"] == {
        "routingRules": [
            {"name": "c", "position": 0},
            {"name": "a", "position": 1},
            {"name": "b", "position": 2},
        ],
        "errors": [],
    }


@pytest.mark.parametrize(
    ("operation", "variables"),
    [
        (CREATE, lambda rule, team: {"input": {"name": "X", "teamId": _team_gid(team)}}),
        (UPDATE, lambda rule, team: {"id": _gid(rule), "input": {"name": "X"}}),
        (DELETE, lambda rule, team: {"id": _gid(rule)}),
        (REORDER, lambda rule, team: {"ids": [_gid(rule)]}),
    ],
    ids=["create", "update", "delete", "reorder"],
)
def test_agents_cannot_change_rules(
    staff_api_client, team_generator, routing_rule_generator, operation, variables
):
    # given
    team = team_generator()
    rule = routing_rule_generator(team, position=4)
    before = _state()

    # when
    result = staff_api_client.execute(operation, variables(rule, team))

    # then
    assert [e["message"] for e in result["errors"]] == [DENIED]
    assert [e["extensions"] for e in result["errors"]] == [
        {"exception": {"code": "PERMISSION_DENIED"}}
    ]
    assert _state() == before


@pytest.mark.parametrize("rules", [1, 7])
def test_listing_rules_costs_the_same_statements_however_many(
    staff_api_client, team_generator, routing_rule_generator, staff_generator, rules
):
    # given
    teams = [team_generator(members=[staff_generator()]) for _ in range(3)]
    for index in range(rules):
        routing_rule_generator(teams[index % 3], name=f"rule {index}")

    # when: the token's user, rules, teams, members
    with assert_statements(4):
        result = staff_api_client.execute(RULES)

    # then
    assert [r["name"] for r in result["data"]["supportRoutingRules"]] == [
        f"rule {i}" for i in range(rules)
    ]

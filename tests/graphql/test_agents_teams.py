"""supportTeamCreate, supportTeamUpdate, supportTeamDelete and supportTeams."""

import pytest
from django.contrib.auth import get_user_model

from saleor_support_plugin.agents.models import AgentProfile, RoutingRule, Team, TeamMembership
from saleor_support_plugin.graphql.core.ids import to_global_id
from tests.query_counts import assert_statements

CREATE = """
mutation Create($input: SupportTeamInput!) {
  supportTeamCreate(input: $input) {
    team {
      name slug tier strategy autoAssign isDefault isActive position
      members { user { email } role }
    }
    errors { field message code }
  }
}
"""
UPDATE = """
mutation Update($id: ID!, $input: SupportTeamInput!) {
  supportTeamUpdate(id: $id, input: $input) {
    team { name tier isActive members { user { email } } }
    errors { field message code }
  }
}
"""
DELETE = """
mutation Delete($id: ID!) {
  supportTeamDelete(id: $id) { id errors { field message code } }
}
"""
TEAMS = """
query {
  supportTeams {
    id name tier strategy
    members { id role capacity availability activeTicketCount user { email } teams { slug } }
  }
}
"""
DENIED = "Only team leads, managers and holders of MANAGE_SETTINGS can do this."


def _gid(team):
    return to_global_id("SupportTeam", team.pk)


def _user_gid(user):
    return to_global_id("User", user.pk)


@pytest.fixture
def lead_client(api_client_for, team_lead):
    return api_client_for(team_lead)


def _state():
    return (
        list(Team.objects.order_by("pk").values()),
        list(TeamMembership.objects.order_by("pk").values()),
        list(AgentProfile.objects.order_by("pk").values()),
    )


def test_a_team_lead_creates_a_team_with_members(lead_client, agent):
    # when
    result = lead_client.execute(
        CREATE,
        {
            "input": {
                "name": "Payments",
                "slug": "payments-l2",
                "tier": "L2",
                "strategy": "LEAST_LOADED",
                "autoAssign": False,
                "isDefault": True,
                "position": 3,
                "memberIds": [_user_gid(agent)],
            }
        },
    )

    # then
    assert result == {
        "data": {
            "supportTeamCreate": {
                "team": {
                    "name": "Payments",
                    "slug": "payments-l2",
                    "tier": "L2",
                    "strategy": "LEAST_LOADED",
                    "autoAssign": False,
                    "isDefault": True,
                    "isActive": True,
                    "position": 3,
                    "members": [{"user": {"email": "agent@example.com"}, "role": "AGENT"}],
                },
                "errors": [],
            }
        }
    }


def test_holders_of_manage_settings_create_teams(api_client_for):
    # given
    admin = get_user_model().objects.create_user(
        username="admin", email="admin@example.com", password="x", is_staff=True, is_superuser=True
    )

    # when
    result = api_client_for(admin).execute(CREATE, {"input": {"name": "L1", "slug": "l1"}})

    # then
    assert result["data"]["supportTeamCreate"]["errors"] == []
    assert Team.objects.get().slug == "l1"


@pytest.mark.parametrize(
    ("values", "error"),
    [
        ({"slug": "x"}, {"field": "name", "message": "A name is required.", "code": "REQUIRED"}),
        (
            {"name": "X", "slug": "Not A Slug"},
            {
                "field": "slug",
                "message": "A slug is up to 64 lower-case letters, digits and single dashes.",
                "code": "INVALID",
            },
        ),
        (
            {"name": "X", "slug": "taken"},
            {"field": "slug", "message": "Another team has this slug.", "code": "UNIQUE"},
        ),
        (
            {"name": "X" * 129, "slug": "x"},
            {
                "field": "name",
                "message": "A name can have at most 128 characters.",
                "code": "TOO_LONG",
            },
        ),
        (
            {"name": "X", "slug": "x", "memberIds": ["customer"]},
            {
                "field": "memberIds",
                "message": "Every member must be an active staff member who works on tickets.",
                "code": "NOT_FOUND",
            },
        ),
    ],
)
def test_team_input_errors_change_nothing(
    lead_client, team_generator, customer_user, values, error
):
    # given
    team_generator(name="Taken")
    Team.objects.update(slug="taken")
    if values.get("memberIds") == ["customer"]:
        values = {**values, "memberIds": [_user_gid(customer_user)]}
    before = _state()

    # when
    result = lead_client.execute(CREATE, {"input": values})

    # then
    assert result == {"data": {"supportTeamCreate": {"team": None, "errors": [error]}}}
    assert _state() == before


@pytest.mark.parametrize("who", ["staff_api_client", "customer_api_client", "api_client"])
def test_only_leads_create_teams(request, who):
    # when
    result = request.getfixturevalue(who).execute(CREATE, {"input": {"name": "X", "slug": "x"}})

    # then
    message = (
        DENIED
        if who == "staff_api_client"
        else "You need the following permissions to do this: MANAGE_ORDERS."
    )
    assert result == {
        "data": {"supportTeamCreate": None},
        "errors": [
            {
                "message": message,
                "locations": [{"line": 3, "column": 3}],
                "path": ["supportTeamCreate"],
                "extensions": {"exception": {"code": "PERMISSION_DENIED"}},
            }
        ],
    }
    assert not Team.objects.exists()


def test_a_lead_updates_a_team_and_its_members(lead_client, team_generator, staff_generator, agent):
    # given
    old_member = staff_generator()
    team = team_generator(name="Old", members=[old_member])

    # when
    result = lead_client.execute(
        UPDATE,
        {
            "id": _gid(team),
            "input": {
                "name": "New",
                "tier": "L3",
                "isActive": False,
                "memberIds": [_user_gid(agent)],
            },
        },
    )

    # then
    assert result["data"]["supportTeamUpdate"] == {
        "team": {
            "name": "New",
            "tier": "L3",
            "isActive": False,
            "members": [{"user": {"email": "agent@example.com"}}],
        },
        "errors": [],
    }


def test_updating_a_missing_team(lead_client, team_generator):
    # given
    team = team_generator()
    gid = _gid(team)
    team.delete()

    # when
    result = lead_client.execute(UPDATE, {"id": gid, "input": {"name": "New"}})

    # then
    assert result["data"]["supportTeamUpdate"] == {
        "team": None,
        "errors": [{"field": "id", "message": "Team not found.", "code": "NOT_FOUND"}],
    }


def test_an_agent_cannot_update_a_team(staff_api_client, team_generator):
    # given
    team = team_generator(name="Old")
    before = _state()

    # when
    result = staff_api_client.execute(UPDATE, {"id": _gid(team), "input": {"name": "New"}})

    # then
    assert result["errors"][0]["extensions"] == {"exception": {"code": "PERMISSION_DENIED"}}
    assert _state() == before


def test_a_lead_deletes_a_team_with_its_rules(lead_client, team_generator, routing_rule_generator):
    # given
    team = team_generator()
    routing_rule_generator(team)

    # when
    result = lead_client.execute(DELETE, {"id": _gid(team)})

    # then
    assert result["data"]["supportTeamDelete"] == {"id": _gid(team), "errors": []}
    assert not Team.objects.exists()
    assert not RoutingRule.objects.exists()


def test_deleting_errors_and_permissions(lead_client, staff_api_client, team_generator):
    # given
    team = team_generator()

    # when
    missing = lead_client.execute(DELETE, {"id": to_global_id("SupportTeam", 10**9)})
    denied = staff_api_client.execute(DELETE, {"id": _gid(team)})

    # then
    assert missing["data"]["supportTeamDelete"] == {
        "id": None,
        "errors": [{"field": "id", "message": "Team not found.", "code": "NOT_FOUND"}],
    }
    assert denied["errors"][0]["message"] == DENIED
    assert Team.objects.filter(pk=team.pk).exists()


@pytest.mark.parametrize("teams", [1, 6])
def test_listing_teams_costs_the_same_statements_however_many(
    staff_api_client, team_generator, staff_generator, teams
):
    # given: members shared between teams
    people = [staff_generator() for _ in range(3)]
    for index in range(teams):
        team_generator(members=people[: 1 + index % 3])

    # when: the token's user, teams, members, their teams, their loads, their accounts
    with assert_statements(6):
        result = staff_api_client.execute(TEAMS)

    # then
    listed = result["data"]["supportTeams"]
    assert len(listed) == teams
    assert listed[0]["members"][0]["user"]["email"] == people[0].email
    assert listed[0]["members"][0]["activeTicketCount"] == 0


def test_customers_cannot_list_teams(customer_api_client, team_generator):
    team_generator()

    result = customer_api_client.execute(TEAMS)

    assert result["data"] is None
    assert result["errors"][0]["extensions"] == {"exception": {"code": "PERMISSION_DENIED"}}

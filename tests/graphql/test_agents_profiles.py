"""supportAgentProfileUpdate and supportAgents."""

import pytest

from saleor_support_plugin.agents import Availability
from saleor_support_plugin.agents.models import AgentProfile, TeamMembership
from saleor_support_plugin.graphql.core.ids import to_global_id
from tests.query_counts import assert_statements

UPDATE = """
mutation Update($userId: ID!, $input: SupportAgentProfileInput!) {
  supportAgentProfileUpdate(userId: $userId, input: $input) {
    agentProfile {
      user { email } role tier languageCodes capacity availability teams { slug }
    }
    errors { field message code }
  }
}
"""
AGENTS = """
query Agents($teamId: ID) {
  supportAgents(teamId: $teamId) {
    id role tier capacity availability activeTicketCount user { email } teams { slug }
  }
}
"""


def _user_gid(user):
    return to_global_id("User", user.pk)


def _state():
    return (
        list(AgentProfile.objects.order_by("pk").values()),
        list(TeamMembership.objects.order_by("pk").values()),
    )


@pytest.fixture
def lead_client(api_client_for, team_lead):
    return api_client_for(team_lead)


def test_a_lead_sets_up_an_agent(lead_client, agent, team_generator):
    # given
    team = team_generator()

    # when
    result = lead_client.execute(
        UPDATE,
        {
            "userId": _user_gid(agent),
            "input": {
                "role": "DISPATCHER",
                "tier": "L2",
                "languageCodes": ["ro", "pl"],
                "capacity": 12,
                "availability": "AWAY",
                "teamIds": [to_global_id("SupportTeam", team.pk)],
            },
        },
    )

    # then
    assert result == {
        "data": {
            "supportAgentProfileUpdate": {
                "agentProfile": {
                    "user": {"email": "agent@example.com"},
                    "role": "DISPATCHER",
                    "tier": "L2",
                    "languageCodes": ["ro", "pl"],
                    "capacity": 12,
                    "availability": "AWAY",
                    "teams": [{"slug": team.slug}],
                },
                "errors": [],
            }
        }
    }


def test_an_agent_sets_their_own_availability(staff_api_client, agent):
    # when
    result = staff_api_client.execute(
        UPDATE, {"userId": _user_gid(agent), "input": {"availability": "AWAY"}}
    )

    # then
    profile = result["data"]["supportAgentProfileUpdate"]["agentProfile"]
    assert (profile["availability"], profile["role"], profile["capacity"]) == ("AWAY", "AGENT", 20)
    assert AgentProfile.objects.get(user=agent).availability == Availability.AWAY


@pytest.mark.parametrize(
    ("target", "values"),
    [
        ("self", {"capacity": 100}),
        ("self", {"availability": "AWAY", "role": "MANAGER"}),
        ("other", {"availability": "AWAY"}),
    ],
)
def test_agents_change_nothing_else(staff_api_client, agent, staff_generator, target, values):
    # given
    user = agent if target == "self" else staff_generator()
    before = _state()

    # when
    result = staff_api_client.execute(UPDATE, {"userId": _user_gid(user), "input": values})

    # then
    assert result == {
        "data": {"supportAgentProfileUpdate": None},
        "errors": [
            {
                "message": (
                    "Only team leads, managers and holders of MANAGE_SETTINGS can change agent"
                    " profiles; agents can change their own availability."
                ),
                "locations": [{"line": 3, "column": 3}],
                "path": ["supportAgentProfileUpdate"],
                "extensions": {"exception": {"code": "PERMISSION_DENIED"}},
            }
        ],
    }
    assert _state() == before


def test_customers_cannot_touch_profiles(customer_api_client, customer_user):
    result = customer_api_client.execute(
        UPDATE, {"userId": _user_gid(customer_user), "input": {"availability": "AWAY"}}
    )

    assert result["errors"][0]["message"] == (
        "You need the following permissions to do this: MANAGE_ORDERS."
    )
    assert not AgentProfile.objects.exists()


@pytest.mark.parametrize(
    ("user", "values", "error"),
    [
        (
            "customer",
            {"capacity": 3},
            {
                "field": "userId",
                "message": "Every member must be an active staff member who works on tickets.",
                "code": "NOT_FOUND",
            },
        ),
        (
            "agent",
            {"capacity": 1001},
            {
                "field": "capacity",
                "message": "Capacity is between 0 and 1000 tickets.",
                "code": "INVALID",
            },
        ),
        (
            "agent",
            {"languageCodes": ["english please"]},
            {
                "field": "languageCodes",
                "message": "'english please' is not a language code.",
                "code": "INVALID",
            },
        ),
        (
            "agent",
            {"teamIds": ["bm90IGEgdGVhbQ=="]},
            {"field": "teamIds", "message": "Team not found.", "code": "NOT_FOUND"},
        ),
    ],
)
def test_profile_errors_change_nothing(lead_client, agent, customer_user, user, values, error):
    # given
    target = customer_user if user == "customer" else agent
    before = _state()

    # when
    result = lead_client.execute(UPDATE, {"userId": _user_gid(target), "input": values})

    # then
    assert result == {
        "data": {"supportAgentProfileUpdate": {"agentProfile": None, "errors": [error]}}
    }
    assert _state() == before


@pytest.mark.parametrize("agents", [1, 8])
def test_listing_agents_costs_the_same_statements_however_many(
    staff_api_client, staff_generator, team_generator, agents
):
    # given
    people = [staff_generator() for _ in range(agents)]
    team = team_generator(members=people)
    team_generator(members=people[:1])

    # when: the token's user, profiles, their teams, loads, accounts
    with assert_statements(5):
        result = staff_api_client.execute(AGENTS, {"teamId": to_global_id("SupportTeam", team.pk)})

    # then
    listed = result["data"]["supportAgents"]
    assert [a["user"]["email"] for a in listed] == [p.email for p in people]
    assert len(listed[0]["teams"]) == 2

from saleor_support_plugin.agents import AgentRole
from saleor_support_plugin.agents.models import RoutingRule, Team
from saleor_support_plugin.agents.routing import route_new_ticket
from saleor_support_plugin.agents.starter import StarterAgent, create_starter_teams
from tests.fixtures.agents import profile_of

from .helpers import new_ticket


def test_starter_teams_cover_the_three_tiers_once(agent, staff_generator):
    # given
    specialist = staff_generator()

    # when
    teams = create_starter_teams(
        [
            StarterAgent(agent.pk, AgentRole.AGENT, 1, ("ro",)),
            StarterAgent(specialist.pk, AgentRole.TEAM_LEAD, 3, ()),
        ]
    )
    again = create_starter_teams()

    # then
    assert [(t.slug, t.tier, t.is_default) for t in teams] == [
        ("l1-general", 1, True),
        ("l2-technical", 2, False),
        ("l3-specialists", 3, False),
    ]
    assert again == []
    assert Team.objects.count() == 3
    assert list(profile_of(agent).teams.values_list("slug", flat=True)) == ["l1-general"]
    assert profile_of(specialist).teams.count() == 3
    assert RoutingRule.objects.get().category_slugs == ["payment"]
    assert route_new_ticket(new_ticket(category="payment")).team_id == teams[1].pk
    assert route_new_ticket(new_ticket(category="refund")).team_id == teams[0].pk

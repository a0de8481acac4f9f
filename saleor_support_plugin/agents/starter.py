"""Teams a desk can start from: one per tier, as the usual L1/L2/L3 practice goes.

L1 answers general questions and takes whatever no rule sends elsewhere; L2 takes payment
problems (routed there) and what L1 escalates; L3 takes what L2 escalates. A merchant edits,
renames or deletes them like any other team. The sandbox seeds them.
"""

from dataclasses import dataclass

from django.db import transaction

from . import AssignmentStrategy
from .configuration import (
    ProfileValues,
    RuleValues,
    TeamValues,
    create_routing_rule,
    create_team,
    save_agent_profile,
)
from .models import Team


@dataclass(frozen=True)
class StarterAgent:
    user_id: int
    role: str
    tier: int
    language_codes: tuple[str, ...]
    capacity: int = 40


STARTER_TEAMS = (
    TeamValues(
        name="L1 General questions",
        slug="l1-general",
        tier=1,
        strategy=AssignmentStrategy.ROUND_ROBIN,
        is_default=True,
        position=0,
    ),
    TeamValues(
        name="L2 Payments and technical",
        slug="l2-technical",
        tier=2,
        strategy=AssignmentStrategy.LEAST_LOADED,
        position=1,
    ),
    TeamValues(
        name="L3 Specialists",
        slug="l3-specialists",
        tier=3,
        strategy=AssignmentStrategy.LEAST_LOADED,
        position=2,
    ),
)


@transaction.atomic
def create_starter_teams(agents: list[StarterAgent] | None = None) -> list[Team]:
    """Create the three tier teams and the payment routing rule, once (none when teams exist).

    Each of ``agents`` gets a profile and joins every team from L1 up to their tier.
    """
    if Team.objects.exists():
        return []
    teams = [create_team(values) for values in STARTER_TEAMS]
    create_routing_rule(
        RuleValues(name="Payment problems", team_id=teams[1].pk, category_slugs=["payment"])
    )
    for agent in agents or []:
        save_agent_profile(
            agent.user_id,
            ProfileValues(
                role=agent.role,
                tier=agent.tier,
                language_codes=list(agent.language_codes),
                capacity=agent.capacity,
                team_ids=[team.pk for team in teams if team.tier <= agent.tier],
            ),
        )
    return teams

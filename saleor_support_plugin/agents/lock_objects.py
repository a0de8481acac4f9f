"""Row locks of the agents domain, always taken here.

Order, so that no two transactions wait for each other in a circle: a ticket first (from
``tickets.lock_objects``), then its team, then agent profiles in pk order.
"""

from django.db.models import QuerySet

from .models import AgentProfile, Team


def team_select_for_update(team_id: int) -> QuerySet[Team]:
    """Lock one team: assignments inside it run one at a time."""
    return Team.objects.filter(pk=team_id).select_for_update(of=("self",))


def members_select_for_update(team_id: int) -> QuerySet[AgentProfile]:
    """Lock the team's member profiles in pk order (an agent may be in several teams)."""
    return (
        AgentProfile.objects.filter(memberships__team_id=team_id)
        .order_by("pk")
        .select_for_update(of=("self",))
    )

from typing import Any

import graphene

from ...agents.models import AgentProfile, RoutingRule, Team
from ..core.context import RequestContext
from ..core.ids import pk_from_global_id
from ..core.permissions import AGENT_PERMISSIONS, permissions_description, require_permissions
from .mutations.agent_profile_update import SupportAgentProfileUpdate
from .mutations.routing_rule_create import SupportRoutingRuleCreate
from .mutations.routing_rule_delete import SupportRoutingRuleDelete
from .mutations.routing_rule_reorder import SupportRoutingRuleReorder
from .mutations.routing_rule_update import SupportRoutingRuleUpdate
from .mutations.team_create import SupportTeamCreate
from .mutations.team_delete import SupportTeamDelete
from .mutations.team_update import SupportTeamUpdate
from .mutations.ticket_de_escalate import SupportTicketDeEscalate
from .mutations.ticket_escalate import SupportTicketEscalate
from .mutations.ticket_merge import SupportTicketMerge
from .mutations.ticket_set_team import SupportTicketSetTeam
from .mutations.ticket_split import SupportTicketSplit
from .types import TEAM_TYPE_NAME, SupportAgentProfile, SupportRoutingRule, SupportTeam

MAX_LIST_LENGTH = 500
"""Most teams, agents or rules one list returns; desks have far fewer."""


class AgentQueries(graphene.ObjectType):
    support_teams = graphene.Field(
        graphene.NonNull(graphene.List(graphene.NonNull(SupportTeam))),
        description=permissions_description(
            f"Every team, inactive ones included, by position (at most {MAX_LIST_LENGTH}).",
            AGENT_PERMISSIONS,
        ),
    )
    support_agents = graphene.Field(
        graphene.NonNull(graphene.List(graphene.NonNull(SupportAgentProfile))),
        team_id=graphene.Argument(
            graphene.ID, description="Only members of this team (`SupportTeam`)."
        ),
        description=permissions_description(
            f"Staff members with an agent profile, by user id (at most {MAX_LIST_LENGTH}).",
            AGENT_PERMISSIONS,
        ),
    )
    support_routing_rules = graphene.Field(
        graphene.NonNull(graphene.List(graphene.NonNull(SupportRoutingRule))),
        description=permissions_description(
            "Every routing rule in the order they are tried, inactive ones included (at most"
            f" {MAX_LIST_LENGTH}).",
            AGENT_PERMISSIONS,
        ),
    )

    @staticmethod
    def resolve_support_teams(root: Any, info: Any) -> Any:
        context: RequestContext = info.context
        require_permissions(context.requestor, AGENT_PERMISSIONS)
        return list(Team.objects.order_by("position", "pk")[:MAX_LIST_LENGTH])

    @staticmethod
    def resolve_support_agents(root: Any, info: Any, team_id: str | None = None) -> Any:
        context: RequestContext = info.context
        require_permissions(context.requestor, AGENT_PERMISSIONS)
        profiles = AgentProfile.objects.order_by("user_id")
        if team_id is not None:
            pk = pk_from_global_id(team_id, TEAM_TYPE_NAME)
            if pk is None:
                return []
            profiles = profiles.filter(memberships__team_id=pk)
        return list(profiles[:MAX_LIST_LENGTH])

    @staticmethod
    def resolve_support_routing_rules(root: Any, info: Any) -> Any:
        context: RequestContext = info.context
        require_permissions(context.requestor, AGENT_PERMISSIONS)
        return list(RoutingRule.objects.order_by("position", "pk")[:MAX_LIST_LENGTH])


class AgentMutations(graphene.ObjectType):
    support_team_create = SupportTeamCreate.Field()
    support_team_update = SupportTeamUpdate.Field()
    support_team_delete = SupportTeamDelete.Field()
    support_agent_profile_update = SupportAgentProfileUpdate.Field()
    support_routing_rule_create = SupportRoutingRuleCreate.Field()
    support_routing_rule_update = SupportRoutingRuleUpdate.Field()
    support_routing_rule_delete = SupportRoutingRuleDelete.Field()
    support_routing_rule_reorder = SupportRoutingRuleReorder.Field()
    support_ticket_set_team = SupportTicketSetTeam.Field()
    support_ticket_escalate = SupportTicketEscalate.Field()
    support_ticket_de_escalate = SupportTicketDeEscalate.Field()
    support_ticket_merge = SupportTicketMerge.Field()
    support_ticket_split = SupportTicketSplit.Field()

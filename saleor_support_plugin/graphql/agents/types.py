"""Teams, agent profiles and routing rules as staff see them."""

from typing import Any

import graphene

from ...agents.models import AgentProfile, RoutingRule, Team
from ..core.ids import to_global_id
from ..tickets.enums import SupportTicketChannelEnum, SupportTicketTierEnum
from ..users.dataloaders import UserByIdLoader
from ..users.types import SupportUser
from .dataloaders import (
    ActiveTicketCountByUserLoader,
    MembersByTeamLoader,
    TeamByIdLoader,
    TeamsByAgentLoader,
)
from .enums import (
    SupportAgentAvailabilityEnum,
    SupportAgentRoleEnum,
    SupportTeamAssignmentStrategyEnum,
)

TEAM_TYPE_NAME = "SupportTeam"
AGENT_PROFILE_TYPE_NAME = "SupportAgentProfile"
ROUTING_RULE_TYPE_NAME = "SupportRoutingRule"


class SupportAgentProfile(graphene.ObjectType):
    id = graphene.ID(required=True, description="Global id of the profile.")
    user = graphene.Field(SupportUser, description="The staff account; null if it is gone.")
    role = graphene.Field(
        SupportAgentRoleEnum, required=True, description="What the agent does on the desk."
    )
    tier = graphene.Field(
        SupportTicketTierEnum, required=True, description="The support level the agent works at."
    )
    language_codes = graphene.List(
        graphene.NonNull(graphene.String),
        required=True,
        description="Languages the agent answers in (`ro`, `pt-BR`); empty for any.",
    )
    capacity = graphene.Int(
        required=True,
        description=(
            "Most active tickets automatic assignment gives the agent; 0 for none. Agents can"
            " still take tickets themselves beyond it."
        ),
    )
    availability = graphene.Field(
        SupportAgentAvailabilityEnum,
        required=True,
        description="Whether the agent receives new tickets now.",
    )
    teams = graphene.List(
        graphene.NonNull(lambda: SupportTeam),
        required=True,
        description="Teams the agent is a member of, by position.",
    )
    active_ticket_count = graphene.Int(
        required=True,
        description="Tickets assigned to the agent in status NEW, OPEN, PENDING or ON_HOLD.",
    )

    class Meta:
        description = "How a staff member works on the desk: role, tier, languages, capacity."

    @staticmethod
    def resolve_id(root: AgentProfile, info: Any) -> str:
        return to_global_id(AGENT_PROFILE_TYPE_NAME, root.pk)

    @staticmethod
    def resolve_user(root: AgentProfile, info: Any) -> Any:
        return UserByIdLoader(info.context).load(root.user_id)

    @staticmethod
    def resolve_teams(root: AgentProfile, info: Any) -> Any:
        return TeamsByAgentLoader(info.context).load(root.pk)

    @staticmethod
    def resolve_active_ticket_count(root: AgentProfile, info: Any) -> Any:
        return ActiveTicketCountByUserLoader(info.context).load(root.user_id)


class SupportTeam(graphene.ObjectType):
    id = graphene.ID(required=True, description="Global id of the team.")
    name = graphene.String(required=True, description="Name shown to agents.")
    slug = graphene.String(required=True, description="Stable identifier, e.g. `payments-l2`.")
    tier = graphene.Field(
        SupportTicketTierEnum,
        required=True,
        description="Support level of the team; tickets routed to it take this tier.",
    )
    strategy = graphene.Field(
        SupportTeamAssignmentStrategyEnum,
        required=True,
        description="How the team gives tickets to its members.",
    )
    auto_assign = graphene.Boolean(
        required=True,
        description=(
            "True when each ticket landing in the team goes to a member right away; false"
            " leaves it in the team's queue for members to take."
        ),
    )
    is_default = graphene.Boolean(
        required=True, description="True for the team that receives tickets no rule matches."
    )
    is_active = graphene.Boolean(
        required=True,
        description="False for a team that receives no tickets from routing or escalation.",
    )
    position = graphene.Int(
        required=True,
        description="Order among teams; escalation picks the first active team of a tier.",
    )
    members = graphene.List(
        graphene.NonNull(SupportAgentProfile),
        required=True,
        description="Profiles of the team's members, by user.",
    )

    class Meta:
        description = "A team (queue) of agents working at one tier."

    @staticmethod
    def resolve_id(root: Team, info: Any) -> str:
        return to_global_id(TEAM_TYPE_NAME, root.pk)

    @staticmethod
    def resolve_members(root: Team, info: Any) -> Any:
        return MembersByTeamLoader(info.context).load(root.pk)


class SupportRoutingRule(graphene.ObjectType):
    id = graphene.ID(required=True, description="Global id of the routing rule.")
    name = graphene.String(required=True, description="Name shown to team leads.")
    position = graphene.Int(
        required=True, description="Order of evaluation: lower first; the first match wins."
    )
    is_active = graphene.Boolean(required=True, description="False for a rule that is skipped.")
    categories = graphene.List(
        graphene.NonNull(graphene.String),
        required=True,
        description="Category slugs the ticket must be in one of; empty for any.",
    )
    channels = graphene.List(
        graphene.NonNull(SupportTicketChannelEnum),
        required=True,
        description="Channels the ticket must come from one of; empty for any.",
    )
    language_codes = graphene.List(
        graphene.NonNull(graphene.String),
        required=True,
        description=(
            "Languages the customer must write in one of (`pt` also matches `pt-BR`); empty"
            " for any."
        ),
    )
    order_channels = graphene.List(
        graphene.NonNull(graphene.String),
        required=True,
        description=(
            "Slugs of the sales channels the ticket's order must be from one of; empty for"
            " any (tickets about no order match only an empty list)."
        ),
    )
    tags = graphene.List(
        graphene.NonNull(graphene.String),
        required=True,
        description="Tags of which the ticket must carry at least one when routed; empty for any.",
    )
    team = graphene.Field(SupportTeam, required=True, description="Where matching tickets go.")

    class Meta:
        description = (
            "Sends new tickets that meet every condition to a team. Rules are tried by"
            " position; with none matching, the default team takes the ticket."
        )

    @staticmethod
    def resolve_id(root: RoutingRule, info: Any) -> str:
        return to_global_id(ROUTING_RULE_TYPE_NAME, root.pk)

    @staticmethod
    def resolve_categories(root: RoutingRule, info: Any) -> list[str]:
        return list(root.category_slugs)

    @staticmethod
    def resolve_team(root: RoutingRule, info: Any) -> Any:
        return TeamByIdLoader(info.context).load(root.team_id)


def team_of_ticket(info: Any, team_id: int | None) -> Any:
    """Load a ticket's team for ``StaffTicket.team``; ``None`` without one."""
    if team_id is None:
        return None
    return TeamByIdLoader(info.context).load(team_id)

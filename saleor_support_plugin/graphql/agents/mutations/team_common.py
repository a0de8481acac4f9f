"""The input the team mutations share."""

from typing import Any

import graphene

from ....agents.configuration import TeamValues
from ...tickets.enums import SupportTicketTierEnum
from ..enums import SupportTeamAssignmentStrategyEnum
from .agent_common import agent_user_ids


class SupportTeamInput(graphene.InputObjectType):
    name = graphene.String(description="Name shown to agents, up to 128 characters.")
    slug = graphene.String(
        description="Stable identifier: lower-case letters, digits and dashes, up to 64."
    )
    tier = graphene.Field(SupportTicketTierEnum, description="Support level (default L1).")
    strategy = graphene.Field(
        SupportTeamAssignmentStrategyEnum,
        description="How tickets go to members (default ROUND_ROBIN).",
    )
    auto_assign = graphene.Boolean(
        description="Give each ticket to a member when it lands in the team (default true)."
    )
    is_default = graphene.Boolean(
        description=(
            "Make this the team that takes tickets no routing rule matches (the previous"
            " default stops being one)."
        )
    )
    is_active = graphene.Boolean(description="False stops routing and escalation to the team.")
    position = graphene.Int(description="Order among teams, from 0 (default 0).")
    member_ids = graphene.List(
        graphene.NonNull(graphene.ID),
        description=(
            "Global ids (`User`) of the team's members from now on, staff who work on tickets;"
            " an empty list removes everyone. Left out: members stay."
        ),
    )

    class Meta:
        description = "A team's settings; fields left out keep their value (or the default)."


def team_values(data: dict[str, Any]) -> TeamValues:
    member_ids = data.get("member_ids")
    return TeamValues(
        name=data.get("name"),
        slug=data.get("slug"),
        tier=data.get("tier"),
        strategy=data.get("strategy"),
        auto_assign=data.get("auto_assign"),
        is_default=data.get("is_default"),
        is_active=data.get("is_active"),
        position=data.get("position"),
        member_user_ids=(
            agent_user_ids(member_ids, field="memberIds") if member_ids is not None else None
        ),
    )

"""The input the routing-rule mutations share."""

from typing import Any

import graphene

from ....agents.configuration import RuleValues
from ...tickets.enums import SupportTicketChannelEnum
from .agent_common import team_by_global_id


class SupportRoutingRuleInput(graphene.InputObjectType):
    name = graphene.String(description="Name shown to team leads, up to 128 characters.")
    team_id = graphene.ID(description="Global id (`SupportTeam`) of the team tickets go to.")
    is_active = graphene.Boolean(description="False skips the rule (default true).")
    position = graphene.Int(
        description="Order of evaluation, lower first (a new rule goes last when left out)."
    )
    categories = graphene.List(
        graphene.NonNull(graphene.String),
        description="Category slugs (e.g. `refund`), the ticket in any of them; empty for any.",
    )
    channels = graphene.List(
        graphene.NonNull(SupportTicketChannelEnum),
        description="Channels the ticket came from, any of them; empty for any.",
    )
    language_codes = graphene.List(
        graphene.NonNull(graphene.String),
        description="The customer's language, any of them (`pt` matches `pt-BR`); empty for any.",
    )
    order_channels = graphene.List(
        graphene.NonNull(graphene.String),
        description="Slugs of sales channels the ticket's order is from; empty for any.",
    )
    tags = graphene.List(
        graphene.NonNull(graphene.String),
        description=(
            "Tags of which the ticket carries at least one when it is routed (store"
            " customers carry no tags of their own, so these are the ticket's tags at"
            " intake); empty for any."
        ),
    )

    class Meta:
        description = (
            "A routing rule; fields left out keep their value. Every condition given must"
            " hold for a ticket to match."
        )


def rule_values(data: dict[str, Any]) -> RuleValues:
    team_id = data.get("team_id")
    return RuleValues(
        name=data.get("name"),
        team_id=team_by_global_id(team_id, field="teamId").pk if team_id is not None else None,
        is_active=data.get("is_active"),
        position=data.get("position"),
        category_slugs=data.get("categories"),
        channels=data.get("channels"),
        language_codes=data.get("language_codes"),
        order_channels=data.get("order_channels"),
        tags=data.get("tags"),
    )

"""What the team, profile and routing-rule mutations share: error type, base, lookups."""

import graphene

from ....agents.error_codes import AgentError, AgentErrorCode
from ....agents.models import RoutingRule, Team
from ....host import get_host
from ...core.ids import pk_from_global_id
from ...core.types import Error
from ...users.types import USER_TYPE_NAME
from ..enums import SupportAgentErrorCode
from ..permissions import LEAD_NOTE as LEAD_NOTE
from ..permissions import LEAD_PERMISSIONS as LEAD_PERMISSIONS
from ..permissions import LeadMutation
from ..types import ROUTING_RULE_TYPE_NAME, TEAM_TYPE_NAME


class SupportAgentError(Error):
    code = graphene.Field(SupportAgentErrorCode, required=True, description="The error code.")

    class Meta:
        description = "An error of a team, agent profile or routing rule mutation."


class AgentMutation(LeadMutation):
    """A team, profile or routing rule mutation reporting ``AgentError`` as ``SupportAgentError``.

    ``lead_only = False`` lets agents through ``can_lead`` (their own availability).
    """

    domain_errors = (AgentError,)

    class Meta:
        abstract = True


def team_by_global_id(global_id: str, *, field: str = "id") -> Team:
    pk = pk_from_global_id(global_id, TEAM_TYPE_NAME)
    team = Team.objects.filter(pk=pk).first() if pk is not None else None
    if team is None:
        raise AgentError(AgentErrorCode.NOT_FOUND, "Team not found.", field=field)
    return team


def team_ids_from_global_ids(global_ids: list[str], *, field: str) -> list[int]:
    ids = [pk_from_global_id(gid, TEAM_TYPE_NAME) for gid in global_ids]
    if any(pk is None for pk in ids):
        raise AgentError(AgentErrorCode.NOT_FOUND, "Team not found.", field=field)
    return [pk for pk in ids if pk is not None]


def rule_by_global_id(global_id: str, *, field: str = "id") -> RoutingRule:
    pk = pk_from_global_id(global_id, ROUTING_RULE_TYPE_NAME)
    rule = RoutingRule.objects.filter(pk=pk).first() if pk is not None else None
    if rule is None:
        raise AgentError(AgentErrorCode.NOT_FOUND, "Routing rule not found.", field=field)
    return rule


def agent_user_ids(global_ids: list[str], *, field: str) -> list[int]:
    """Return the user ids of ``global_ids`` (`User`), all staff who work on tickets."""
    ids = [pk_from_global_id(gid, USER_TYPE_NAME) for gid in global_ids]
    known = [pk for pk in ids if pk is not None]
    if len(known) != len(ids) or not set(known) <= get_host().agents_among(known):
        raise AgentError(
            AgentErrorCode.NOT_FOUND,
            "Every member must be an active staff member who works on tickets.",
            field=field,
        )
    return list(dict.fromkeys(known))

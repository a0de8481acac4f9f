"""What the team, profile and routing-rule mutations share: error type, base, lookups."""

from typing import Any

import graphene
from django.db import transaction

from ....agents.error_codes import AgentError, AgentErrorCode
from ....agents.models import RoutingRule, Team
from ....host import get_host
from ...core.context import RequestContext
from ...core.ids import pk_from_global_id
from ...core.mutations import BaseMutation
from ...core.permissions import AGENT_PERMISSIONS, require_permissions
from ...core.types import Error
from ...users.types import USER_TYPE_NAME
from ..enums import SupportAgentErrorCode
from ..permissions import require_lead
from ..types import ROUTING_RULE_TYPE_NAME, TEAM_TYPE_NAME


class SupportAgentError(Error):
    code = graphene.Field(SupportAgentErrorCode, required=True, description="The error code.")

    class Meta:
        description = "An error of a team, agent profile or routing rule mutation."


class AgentMutation(BaseMutation):
    """``BaseMutation`` reporting ``AgentError`` as ``SupportAgentError``, all or nothing.

    ``Meta.permissions`` is checked first; ``lead_only`` mutations then need ``can_lead``.
    """

    lead_only = True

    class Meta:
        abstract = True

    @classmethod
    def mutate(cls, root: Any, info: Any, **data: Any) -> Any:
        context: RequestContext = info.context
        require_permissions(context.requestor, cls._meta.permissions)
        if cls.lead_only:
            require_lead(context.requestor)
        try:
            with transaction.atomic():
                return cls.perform_mutation(info, **data)
        except AgentError as exc:
            error = SupportAgentError(field=exc.field, message=exc.message, code=exc.code.value)
            return cls(errors=[error])


LEAD_PERMISSIONS = AGENT_PERMISSIONS
"""Leads are agents first; ``require_lead`` adds the role check (see ``agents.access``)."""

LEAD_NOTE = (
    " Only team leads and managers (by their agent profile) and holders of MANAGE_SETTINGS"
    " may do this; anyone else gets PERMISSION_DENIED."
)


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

from typing import Any

import graphene

from ...host import get_host
from ...intake.actions import load_intake_settings
from ..core.context import RequestContext
from ..core.permissions import AGENT_PERMISSIONS, permissions_description, require_permissions
from .mutations.intake_rules_update import SupportIntakeRulesUpdate
from .types import SupportIntakeRules


class IntakeQueries(graphene.ObjectType):
    support_intake_rules = graphene.Field(
        graphene.NonNull(SupportIntakeRules),
        description=permissions_description(
            "The intake rules in effect: which store events open tickets, and how.",
            AGENT_PERMISSIONS,
        ),
    )

    @staticmethod
    def resolve_support_intake_rules(root: Any, info: Any) -> Any:
        context: RequestContext = info.context
        require_permissions(context.requestor, AGENT_PERMISSIONS)
        return load_intake_settings(get_host())


class IntakeMutations(graphene.ObjectType):
    support_intake_rules_update = SupportIntakeRulesUpdate.Field()

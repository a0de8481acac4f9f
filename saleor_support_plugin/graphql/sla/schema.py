from typing import Any

import graphene

from ...sla.models import BusinessCalendar, SlaPolicy, SlaReportingTarget
from ..core.context import RequestContext
from ..core.permissions import AGENT_PERMISSIONS, permissions_description, require_permissions
from .mutations.calendar_create import SupportBusinessCalendarCreate
from .mutations.calendar_delete import SupportBusinessCalendarDelete
from .mutations.calendar_update import SupportBusinessCalendarUpdate
from .mutations.policy_create import SupportSlaPolicyCreate
from .mutations.policy_delete import SupportSlaPolicyDelete
from .mutations.policy_reorder import SupportSlaPolicyReorder
from .mutations.policy_update import SupportSlaPolicyUpdate
from .mutations.reporting_target_update import SupportSlaReportingTargetUpdate
from .types import SupportBusinessCalendar, SupportSlaPolicy, SupportSlaReportingTarget

MAX_LIST_LENGTH = 500
"""Most calendars or policies one list returns; desks have a handful."""


class SlaQueries(graphene.ObjectType):
    support_business_calendars = graphene.Field(
        graphene.NonNull(graphene.List(graphene.NonNull(SupportBusinessCalendar))),
        description=permissions_description(
            f"Every business calendar, by name (at most {MAX_LIST_LENGTH}).", AGENT_PERMISSIONS
        ),
    )
    support_sla_policies = graphene.Field(
        graphene.NonNull(graphene.List(graphene.NonNull(SupportSlaPolicy))),
        description=permissions_description(
            "Every SLA policy in the order they are tried, inactive ones included (at most"
            f" {MAX_LIST_LENGTH}).",
            AGENT_PERMISSIONS,
        ),
    )
    support_sla_reporting_targets = graphene.Field(
        graphene.NonNull(graphene.List(graphene.NonNull(SupportSlaReportingTarget))),
        description=permissions_description(
            "Service levels kept for reports (chat, phone), by channel.", AGENT_PERMISSIONS
        ),
    )

    @staticmethod
    def resolve_support_business_calendars(root: Any, info: Any) -> Any:
        context: RequestContext = info.context
        require_permissions(context.requestor, AGENT_PERMISSIONS)
        return list(BusinessCalendar.objects.order_by("name", "pk")[:MAX_LIST_LENGTH])

    @staticmethod
    def resolve_support_sla_policies(root: Any, info: Any) -> Any:
        context: RequestContext = info.context
        require_permissions(context.requestor, AGENT_PERMISSIONS)
        return list(SlaPolicy.objects.order_by("position", "pk")[:MAX_LIST_LENGTH])

    @staticmethod
    def resolve_support_sla_reporting_targets(root: Any, info: Any) -> Any:
        context: RequestContext = info.context
        require_permissions(context.requestor, AGENT_PERMISSIONS)
        return list(SlaReportingTarget.objects.order_by("channel"))


class SlaMutations(graphene.ObjectType):
    support_business_calendar_create = SupportBusinessCalendarCreate.Field()
    support_business_calendar_update = SupportBusinessCalendarUpdate.Field()
    support_business_calendar_delete = SupportBusinessCalendarDelete.Field()
    support_sla_policy_create = SupportSlaPolicyCreate.Field()
    support_sla_policy_update = SupportSlaPolicyUpdate.Field()
    support_sla_policy_delete = SupportSlaPolicyDelete.Field()
    support_sla_policy_reorder = SupportSlaPolicyReorder.Field()
    support_sla_reporting_target_update = SupportSlaReportingTargetUpdate.Field()

from typing import Any

import graphene

from ...agents.access import can_lead
from ...host.requestor import DeskPermission, Requestor, RequestorKind
from ..core.context import RequestContext
from ..core.enums import enum_from_choices, enum_from_python
from ..users.dataloaders import UserByIdLoader
from ..users.types import SupportUser

SupportRequestorKindEnum = enum_from_choices(
    "SupportRequestorKindEnum",
    RequestorKind.CHOICES,
    description="What kind of requestor the API recognised from the credentials sent.",
)
SupportPermissionEnum = enum_from_python(
    DeskPermission,
    name="SupportPermissionEnum",
    description=(
        "Saleor permissions the desk checks: MANAGE_ORDERS for agents, MANAGE_SETTINGS for"
        " support administration."
    ),
    value_descriptions={
        DeskPermission.MANAGE_ORDERS: "Work on tickets: read, answer, update, assign.",
        DeskPermission.MANAGE_SETTINGS: "Administer the desk.",
    },
)


class SupportViewer(graphene.ObjectType):
    kind = graphene.Field(
        SupportRequestorKindEnum, required=True, description="Staff, customer, app, guest..."
    )
    permissions = graphene.List(
        graphene.NonNull(SupportPermissionEnum),
        required=True,
        description="Desk permissions the requestor holds.",
    )
    user = graphene.Field(SupportUser, description="The requestor's account, if they have one.")
    can_manage_settings = graphene.Boolean(
        required=True,
        description=(
            "Whether the requestor may change the desk's settings (teams, agents, routing,"
            " calendars, SLA policies, shared macros, categories, intake rules): holders of"
            " MANAGE_SETTINGS, and agents whose profile makes them a team lead or a manager."
        ),
    )

    class Meta:
        description = "The requestor as the API sees them."

    @staticmethod
    def resolve_permissions(root: Requestor, info: Any) -> list[str]:
        return [p.value for p in DeskPermission if root.has_permission(p)]

    @staticmethod
    def resolve_can_manage_settings(root: Requestor, info: Any) -> bool:
        return can_lead(root)

    @staticmethod
    def resolve_user(root: Requestor, info: Any) -> Any:
        if root.user_id is None:
            return None
        return UserByIdLoader(info.context).load(root.user_id)


class ViewerQueries(graphene.ObjectType):
    support_viewer = graphene.Field(
        SupportViewer,
        required=True,
        description="Who the request comes from; anonymous when no credentials were sent.",
    )

    @staticmethod
    def resolve_support_viewer(root: Any, info: Any) -> Requestor:
        context: RequestContext = info.context
        return context.requestor

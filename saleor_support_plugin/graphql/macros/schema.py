from typing import Any

import graphene

from ...macros.access import access_macro_by_id, macros_visible_to
from ...macros.error_codes import MacroError
from ...macros.variables import VARIABLES
from ..core.connections import KeysetOrdering, build_connection, keyset_page, page_size
from ..core.context import RequestContext
from ..core.ids import pk_from_global_id
from ..core.permissions import AGENT_PERMISSIONS, permissions_description, require_permissions
from .enums import SupportMacroVisibilityEnum
from .mutations.macro_create import SupportMacroCreate
from .mutations.macro_delete import SupportMacroDelete
from .mutations.macro_preview import SupportMacroPreview
from .mutations.macro_update import SupportMacroUpdate
from .mutations.ticket_apply_macro import SupportTicketApplyMacro
from .types import MACRO_TYPE_NAME, SupportMacro, SupportMacroConnection, SupportMacroVariable

MACRO_PAGE_SIZE = 100
"""Macros per page when ``first`` is not given."""
MAX_SEARCH_LENGTH = 100
BY_POSITION = KeysetOrdering(name="POSITION", key="position", key_type=int)


class SupportMacroFilterInput(graphene.InputObjectType):
    visibility = graphene.Field(
        SupportMacroVisibilityEnum, description="Only shared, or only your personal macros."
    )
    is_active = graphene.Boolean(description="Only macros turned on (true) or off (false).")
    group = graphene.String(description="Only macros of this group label (exactly).")
    search = graphene.String(
        description="Only macros whose name contains this text (any case, up to 100 characters)."
    )

    class Meta:
        description = "Conditions a macro must meet to be listed; all given ones apply."


def _filter(queryset: Any, values: Any) -> Any:
    values = values or {}
    if values.get("visibility") is not None:
        queryset = queryset.filter(visibility=values["visibility"])
    if values.get("is_active") is not None:
        queryset = queryset.filter(is_active=values["is_active"])
    if values.get("group") is not None:
        queryset = queryset.filter(group=values["group"].strip())
    search = (values.get("search") or "").strip()
    if search:
        queryset = queryset.filter(name__icontains=search[:MAX_SEARCH_LENGTH])
    return queryset


class MacroQueries(graphene.ObjectType):
    support_macro = graphene.Field(
        SupportMacro,
        id=graphene.Argument(
            graphene.ID, required=True, description="Global id of the macro (`SupportMacro`)."
        ),
        description=permissions_description(
            "Look up one macro: shared, or one of your personal macros; null otherwise.",
            AGENT_PERMISSIONS,
        ),
    )
    support_macros = graphene.Field(
        graphene.NonNull(SupportMacroConnection),
        filter=graphene.Argument(
            SupportMacroFilterInput, description="Only macros meeting these conditions."
        ),
        first=graphene.Int(
            description=f"How many macros to return, 1 to 100 (default {MACRO_PAGE_SIZE})."
        ),
        after=graphene.String(
            description="Return the macros after this cursor (`pageInfo.endCursor`)."
        ),
        description=permissions_description(
            "The shared macros and your personal ones, by position then creation, turned-off"
            " ones included.",
            AGENT_PERMISSIONS,
        ),
    )
    support_macro_variables = graphene.Field(
        graphene.NonNull(graphene.List(graphene.NonNull(SupportMacroVariable))),
        description=permissions_description(
            "The variables macro texts can use, as `{{ name }}`.", AGENT_PERMISSIONS
        ),
    )

    @staticmethod
    def resolve_support_macro(root: Any, info: Any, id: str) -> Any:  # noqa: A002
        context: RequestContext = info.context
        require_permissions(context.requestor, AGENT_PERMISSIONS)
        try:
            return access_macro_by_id(context.requestor, pk_from_global_id(id, MACRO_TYPE_NAME))
        except MacroError:
            return None

    @staticmethod
    def resolve_support_macros(root: Any, info: Any, **arguments: Any) -> Any:
        context: RequestContext = info.context
        require_permissions(context.requestor, AGENT_PERMISSIONS)
        first = page_size(arguments.get("first"), default=MACRO_PAGE_SIZE)
        queryset = _filter(macros_visible_to(context.requestor), arguments.get("filter"))
        rows, has_next_page = keyset_page(
            queryset, BY_POSITION, first=first, after=arguments.get("after")
        )
        return build_connection(
            SupportMacroConnection,
            rows,
            cursors=[BY_POSITION.cursor(row) for row in rows],
            has_next_page=has_next_page,
            has_previous_page=arguments.get("after") is not None,
        )

    @staticmethod
    def resolve_support_macro_variables(root: Any, info: Any) -> Any:
        require_permissions(info.context.requestor, AGENT_PERMISSIONS)
        return list(VARIABLES)


class MacroMutations(graphene.ObjectType):
    support_macro_create = SupportMacroCreate.Field()
    support_macro_update = SupportMacroUpdate.Field()
    support_macro_delete = SupportMacroDelete.Field()
    support_macro_preview = SupportMacroPreview.Field()
    support_ticket_apply_macro = SupportTicketApplyMacro.Field()

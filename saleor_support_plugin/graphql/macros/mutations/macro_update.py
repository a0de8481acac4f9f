from typing import Any

import graphene

from ....macros import actions
from ....macros.access import can_edit_macro
from ...core.mutations import actor_for
from ...core.permissions import AGENT_PERMISSIONS
from ..enums import SupportMacroVisibilityEnum
from ..types import SupportMacro
from .macro_common import (
    MacroMutation,
    SupportMacroActionsInput,
    SupportMacroError,
    SupportMacroTranslationInput,
    clean_actions_input,
    macro_for_mutation,
    require_macro_editor,
    translations_input,
)


class SupportMacroUpdateInput(graphene.InputObjectType):
    name = graphene.String(description="New name, unique in its scope.")
    visibility = graphene.Field(
        SupportMacroVisibilityEnum,
        description=(
            "Share a personal macro (team leads and managers) or make a shared one yours."
        ),
    )
    translations = graphene.List(
        graphene.NonNull(SupportMacroTranslationInput),
        description="The texts from now on (replaces them all; the default one is required).",
    )
    actions = graphene.Field(
        SupportMacroActionsInput,
        description="The field changes from now on (replaces them all; fields left out: none).",
    )
    group = graphene.String(description="New group label; empty for none.")
    position = graphene.Int(description="New place in the list, 0 to 32767.")
    is_active = graphene.Boolean(description="Turn the macro on or off.")

    class Meta:
        description = "Parts of a macro to change; parts left out or null stay as they are."


class SupportMacroUpdate(MacroMutation):
    macro = graphene.Field(SupportMacro, description="The macro after the change.")

    class Arguments:
        id = graphene.ID(required=True, description="Global id of the macro (`SupportMacro`).")
        input = graphene.Argument(
            SupportMacroUpdateInput, required=True, description="What to change."
        )

    class Meta:
        description = (
            "Change a macro, all or nothing. Personal macros are changed by their owner only"
            " (others get NOT_FOUND); shared ones by team leads, managers and MANAGE_SETTINGS"
            " (PERMISSION_DENIED for other agents)."
        )
        permissions = AGENT_PERMISSIONS
        error_type_class = SupportMacroError

    @classmethod
    def perform_mutation(cls, info: Any, **data: Any) -> Any:
        macro = macro_for_mutation(info.context, data["id"])
        if not can_edit_macro(info.context.requestor, macro):
            require_macro_editor(info.context, macro.visibility)
        values = data["input"]
        if values.get("visibility") is not None:
            require_macro_editor(info.context, values["visibility"])
        changes: dict[str, Any] = {
            key: values[key]
            for key in ("name", "visibility", "group", "position", "is_active")
            if values.get(key) is not None
        }
        if values.get("translations") is not None:
            changes["translations"] = translations_input(values["translations"])
        if values.get("actions") is not None:
            changes["actions"] = clean_actions_input(values["actions"])
        macro = actions.update_macro(macro, actor=actor_for(info.context), **changes)
        return cls(macro=macro, errors=[])

from typing import Any

import graphene

from ....macros import actions
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
    require_macro_editor,
    translations_input,
)


class SupportMacroCreateInput(graphene.InputObjectType):
    name = graphene.String(
        required=True,
        description="Name agents pick it by, up to 128 characters; unique in its scope.",
    )
    visibility = graphene.Field(
        SupportMacroVisibilityEnum,
        required=True,
        description="SHARED (team leads and managers only) or PERSONAL (yours).",
    )
    translations = graphene.List(
        graphene.NonNull(SupportMacroTranslationInput),
        required=True,
        description="The texts; one with an empty language is the default and is required.",
    )
    actions = graphene.Field(
        SupportMacroActionsInput, description="Ticket fields to change; none when left out."
    )
    group = graphene.String(description="Label the picker groups it by (up to 64 characters).")
    position = graphene.Int(description="Place in the list, 0 to 32767, smallest first (0).")
    is_active = graphene.Boolean(description="False to keep it turned off (default true).")

    class Meta:
        description = "A new macro."


class SupportMacroCreate(MacroMutation):
    macro = graphene.Field(SupportMacro, description="The new macro.")

    class Arguments:
        input = graphene.Argument(
            SupportMacroCreateInput, required=True, description="The macro to create."
        )

    class Meta:
        description = (
            "Create a macro. Any agent creates personal macros; shared ones need a team lead,"
            " a manager or MANAGE_SETTINGS (PERMISSION_DENIED otherwise). Every placeholder"
            " is checked against the variable catalogue."
        )
        permissions = AGENT_PERMISSIONS
        error_type_class = SupportMacroError

    @classmethod
    def perform_mutation(cls, info: Any, **data: Any) -> Any:
        values = data["input"]
        require_macro_editor(info.context, values["visibility"])
        optional = {
            key: values[key]
            for key in ("group", "position", "is_active")
            if values.get(key) is not None
        }
        macro = actions.create_macro(
            actor=actor_for(info.context),
            name=values["name"],
            visibility=values["visibility"],
            translations=translations_input(values["translations"]),
            actions=clean_actions_input(values.get("actions") or {}),
            **optional,
        )
        return cls(macro=macro, errors=[])

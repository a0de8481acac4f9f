from typing import Any

import graphene

from ....macros import actions
from ....macros.access import can_edit_macro
from ...core.ids import to_global_id
from ...core.permissions import AGENT_PERMISSIONS
from ..types import MACRO_TYPE_NAME
from .macro_common import (
    MacroMutation,
    SupportMacroError,
    macro_for_mutation,
    require_macro_editor,
)


class SupportMacroDelete(MacroMutation):
    deleted_id = graphene.ID(description="Global id of the deleted macro.")

    class Arguments:
        id = graphene.ID(required=True, description="Global id of the macro (`SupportMacro`).")

    class Meta:
        description = (
            "Delete a macro with its texts and usage figures; messages it posted stay. Turning"
            " it off (`isActive: false`) keeps the figures. Who may: as for `supportMacroUpdate`."
        )
        permissions = AGENT_PERMISSIONS
        error_type_class = SupportMacroError

    @classmethod
    def perform_mutation(cls, info: Any, **data: Any) -> Any:
        macro = macro_for_mutation(info.context, data["id"])
        if not can_edit_macro(info.context.requestor, macro):
            require_macro_editor(info.context, macro.visibility)
        deleted_id = to_global_id(MACRO_TYPE_NAME, macro.pk)
        actions.delete_macro(macro)
        return cls(deleted_id=deleted_id, errors=[])

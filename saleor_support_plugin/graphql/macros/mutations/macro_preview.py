from typing import Any

import graphene

from ....macros.planning import plan_macro
from ...core.mutations import actor_for
from ...core.permissions import AGENT_PERMISSIONS
from ..types import SupportRenderedMacro
from .macro_common import (
    MacroMutation,
    SupportMacroError,
    macro_for_mutation,
    ticket_for_macro,
)


def macro_id_argument() -> Any:
    return graphene.ID(required=True, description="Global id of the macro (`SupportMacro`).")


def language_argument() -> Any:
    return graphene.String(
        description=(
            "Language of the text to use (`ro`; `pt-BR` also takes `pt`), an empty string for"
            " the default text; by default the ticket's language, its family, then the default"
            " text. NO_TRANSLATION when the macro has no text in the language asked for."
        )
    )


def additional_text_argument() -> Any:
    return graphene.String(
        description="HTML the agent adds below the macro's text, cleaned like a reply."
    )


class SupportMacroPreview(MacroMutation):
    preview = graphene.Field(
        SupportRenderedMacro, description="What applying the macro would post and change."
    )

    class Arguments:
        ticket_id = graphene.ID(
            required=True, description="Global id of the ticket (`SupportTicket`)."
        )
        macro_id = macro_id_argument()
        language = language_argument()
        additional_text = additional_text_argument()

    class Meta:
        description = (
            "Render a macro for a ticket and list the changes it would make, changing nothing."
            " Fails as applying would: a variable without a value (MISSING_VALUE), a status"
            " the ticket cannot move to (INVALID_TRANSITION)..."
        )
        permissions = AGENT_PERMISSIONS
        error_type_class = SupportMacroError

    @classmethod
    def perform_mutation(cls, info: Any, **data: Any) -> Any:
        ticket = ticket_for_macro(info.context, data["ticket_id"])
        macro = macro_for_mutation(info.context, data["macro_id"], field="macroId")
        plan = plan_macro(
            ticket,
            macro,
            actor=actor_for(info.context),
            language=data.get("language"),
            additional_text=data.get("additional_text") or "",
        )
        return cls(preview=plan, errors=[])

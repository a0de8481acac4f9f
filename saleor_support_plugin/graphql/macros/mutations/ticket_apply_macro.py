from typing import Any

import graphene

from ....macros.actions import apply_macro
from ...core.mutations import actor_for
from ...core.permissions import AGENT_PERMISSIONS
from ...tickets.mutations.ticket_common import expected_version_argument
from ...tickets.types import StaffTicket, StaffTicketMessage
from ..types import SupportMacro
from .macro_common import (
    MacroMutation,
    SupportMacroError,
    macro_for_mutation,
    ticket_for_macro,
)
from .macro_preview import additional_text_argument, language_argument, macro_id_argument


class SupportTicketApplyMacro(MacroMutation):
    ticket = graphene.Field(StaffTicket, description="The ticket after the macro.")
    message = graphene.Field(StaffTicketMessage, description="The message the macro posted.")
    macro = graphene.Field(SupportMacro, description="The macro, its usage count included.")

    class Arguments:
        ticket_id = graphene.ID(
            required=True, description="Global id of the ticket (`SupportTicket`)."
        )
        macro_id = macro_id_argument()
        expected_version = expected_version_argument()
        is_internal = graphene.Boolean(
            default_value=False,
            description="True to post the text as an internal note instead of a reply.",
        )
        additional_text = additional_text_argument()
        language = language_argument()

    class Meta:
        description = (
            "Post a macro's text on a ticket, filled in for it, and make the macro's changes"
            " (category, priority, tags, assignee, status), all or nothing; each step is on"
            " the timeline and the macro's usage count goes up by one."
        )
        permissions = AGENT_PERMISSIONS
        error_type_class = SupportMacroError

    @classmethod
    def perform_mutation(cls, info: Any, **data: Any) -> Any:
        ticket = ticket_for_macro(info.context, data["ticket_id"])
        macro = macro_for_mutation(info.context, data["macro_id"], field="macroId")
        applied = apply_macro(
            ticket,
            macro,
            actor=actor_for(info.context),
            language=data.get("language"),
            is_internal=bool(data.get("is_internal")),
            additional_text=data.get("additional_text") or "",
            expected_version=data.get("expected_version"),
        )
        macro.refresh_from_db()
        return cls(ticket=applied.ticket, message=applied.message, macro=macro, errors=[])

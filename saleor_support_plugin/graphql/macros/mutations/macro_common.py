"""What the macro mutations share: their error type, base class, inputs and lookups."""

from typing import Any

import graphene
from django.db import transaction

from ....macros import MacroAssignment, MacroVisibility
from ....macros.access import access_macro_by_id, can_edit_macros
from ....macros.cleaning import MacroActions
from ....macros.error_codes import MacroError, MacroErrorCode
from ....macros.models import Macro
from ....tickets.access import access_ticket_by_id
from ....tickets.error_codes import TicketError
from ....tickets.models import Ticket
from ...core.context import RequestContext
from ...core.errors import PermissionDenied
from ...core.ids import pk_from_global_id
from ...core.mutations import BaseMutation
from ...core.permissions import require_permissions
from ...core.types import Error
from ...tickets.enums import SupportTicketPriorityEnum, SupportTicketStatusEnum
from ...tickets.types import TICKET_TYPE_NAME
from ...users.types import USER_TYPE_NAME
from ..enums import SupportMacroAssignmentEnum, SupportMacroErrorCode
from ..types import MACRO_TYPE_NAME


class SupportMacroError(Error):
    code = graphene.Field(SupportMacroErrorCode, required=True, description="The error code.")
    variable = graphene.String(
        description="The variable a rendering error is about (`order.tracking_numbers`)."
    )
    language = graphene.String(
        description="Language of the text with the error; empty for the default text."
    )
    line = graphene.Int(description="Line of the placeholder in that text, from 1.")
    column = graphene.Int(description="Column of the placeholder in its line, from 1.")

    class Meta:
        description = "An error of a macro mutation."


def _error(exc: MacroError) -> SupportMacroError:
    return SupportMacroError(
        field=exc.field,
        message=exc.message,
        code=exc.code.value,
        variable=exc.variable,
        language=exc.language,
        line=exc.line,
        column=exc.column,
    )


class MacroMutation(BaseMutation):
    """``BaseMutation`` reporting ``MacroError`` (and ticket errors) as ``SupportMacroError``."""

    class Meta:
        abstract = True

    @classmethod
    def mutate(cls, root: Any, info: Any, **data: Any) -> Any:
        context: RequestContext = info.context
        require_permissions(context.requestor, cls._meta.permissions)
        try:
            with transaction.atomic():
                return cls.perform_mutation(info, **data)
        except MacroError as exc:
            return cls(errors=[_error(exc)])
        except TicketError as exc:
            code = MacroErrorCode.__members__.get(exc.code.name, MacroErrorCode.INVALID)
            return cls(errors=[_error(MacroError(code, exc.message, field=exc.field))])


def macro_for_mutation(context: RequestContext, global_id: str, *, field: str = "id") -> Macro:
    """Return the macro behind ``global_id`` if the requestor may see it, else ``NOT_FOUND``."""
    pk = pk_from_global_id(global_id, MACRO_TYPE_NAME)
    return access_macro_by_id(context.requestor, pk, field=field)


def ticket_for_macro(context: RequestContext, global_id: str) -> Ticket:
    """Return the ticket behind ``global_id`` (``NOT_FOUND`` on ``ticketId`` otherwise)."""
    try:
        return access_ticket_by_id(
            context.requestor, pk_from_global_id(global_id, TICKET_TYPE_NAME)
        )
    except TicketError as exc:
        raise MacroError(MacroErrorCode.NOT_FOUND, exc.message, field="ticketId") from exc


def require_macro_editor(context: RequestContext, visibility: str) -> None:
    """Raise ``PermissionDenied`` unless the requestor may edit macros of ``visibility``."""
    if not can_edit_macros(context.requestor, visibility):
        raise PermissionDenied(
            "Only team leads, managers and holders of MANAGE_SETTINGS can manage shared macros."
            if visibility == MacroVisibility.SHARED
            else "Personal macros belong to staff members; apps cannot have them."
        )


class SupportMacroTranslationInput(graphene.InputObjectType):
    language = graphene.String(
        required=True,
        description=(
            "Language code of the text (`ro`, `pl`, `fa`, `pt-BR`); an empty string for the"
            " default text, which every macro has and which is used for other languages."
        ),
    )
    body = graphene.String(
        required=True,
        description=(
            "The text, up to 10,000 characters: HTML, cleaned to p, br, strong, em, lists,"
            " links, code, pre and blockquote, with `{{ variable }}` placeholders from"
            " `supportMacroVariables`."
        ),
    )

    class Meta:
        description = "A macro's text in one language."


class SupportMacroActionsInput(graphene.InputObjectType):
    status = graphene.Field(
        SupportTicketStatusEnum, description="Status to set; null or left out keeps it."
    )
    priority = graphene.Field(SupportTicketPriorityEnum, description="Priority to set.")
    category = graphene.String(description="Slug of the (active) category to set.")
    add_tags = graphene.List(graphene.NonNull(graphene.String), description="Tags to add.")
    remove_tags = graphene.List(graphene.NonNull(graphene.String), description="Tags to remove.")
    assignment = graphene.Field(
        SupportMacroAssignmentEnum,
        description="What to do with the assignee; KEEP when left out.",
    )
    assignee_id = graphene.ID(
        description="Global id (`User`) of the agent to assign to; only with assignment USER."
    )

    class Meta:
        description = "The ticket fields a macro changes; fields left out stay unchanged."


def clean_actions_input(values: Any) -> MacroActions:
    """Return the domain's ``MacroActions`` for a ``SupportMacroActionsInput``."""
    assignee_id = None
    if values.get("assignee_id") is not None:
        assignee_id = pk_from_global_id(values["assignee_id"], USER_TYPE_NAME)
        if assignee_id is None:
            raise MacroError(
                MacroErrorCode.INVALID, "The assignee is not a `User` id.", field="assigneeId"
            )
    return MacroActions(
        status=values.get("status"),
        priority=values.get("priority"),
        category_slug=values.get("category"),
        add_tags=tuple(values.get("add_tags") or ()),
        remove_tags=tuple(values.get("remove_tags") or ()),
        assignment=values.get("assignment") or MacroAssignment.KEEP,
        assignee_id=assignee_id,
    )


def translations_input(values: list[Any]) -> dict[str, str]:
    """Return the texts by language; a language given twice is ``INVALID``."""
    texts: dict[str, str] = {}
    for value in values:
        language = value["language"].strip().replace("_", "-").lower()
        if language in texts:
            raise MacroError(
                MacroErrorCode.INVALID,
                f"The {language or 'default'} text is given twice.",
                field="translations",
            )
        texts[language] = value["body"]
    return texts

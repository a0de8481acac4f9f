"""A macro worked out for one ticket: the text to post and the changes to make."""

from collections.abc import Mapping
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model

from ..conf import desk_settings
from ..tickets import TicketStatus
from ..tickets.actors import Actor
from ..tickets.models import Ticket, TicketCategory
from ..tickets.sanitize import clean_html
from . import DEFAULT_LANGUAGE, MacroAssignment
from .cleaning import MAX_TEXT_LENGTH, check_agent, clean_tags, macro_error
from .error_codes import MacroError, MacroErrorCode
from .locale import language_candidates, locale_for
from .models import Macro
from .rendering import render
from .variables import RenderContext, variable_values


@dataclass(frozen=True)
class TicketChanges:
    """What applying a macro changes on one ticket; fields that stay the same are ``None``."""

    status: str | None = None
    priority: str | None = None
    category: TicketCategory | None = None
    tags: list[str] | None = None
    changes_assignee: bool = False
    assignee_id: int | None = None
    """The new assignee when ``changes_assignee`` (``None``: unassigned)."""

    @property
    def changed_fields(self) -> list[str]:
        names = [
            name
            for name in ("status", "priority", "category", "tags")
            if getattr(self, name) is not None
        ]
        return [*names, "assignee"] if self.changes_assignee else names


@dataclass(frozen=True)
class MacroPlan:
    """A macro rendered for one ticket: the message it posts and the changes it makes."""

    body: str
    """The message as it will be stored: sanitised HTML."""
    language_code: str
    """Language of the text used (``""``: the default text)."""
    changes: TicketChanges = field(default_factory=TicketChanges)


def _pick_translation(
    translations: Mapping[str, str], ticket: Ticket, language: str | None
) -> tuple[str, str]:
    if language is not None:
        for code in language_candidates(language) or [DEFAULT_LANGUAGE]:
            if code in translations:
                return code, translations[code]
        raise macro_error(
            MacroErrorCode.NO_TRANSLATION,
            f"The macro has no text in '{language}'.",
            "language",
        )
    for code in [*language_candidates(ticket.language_code), DEFAULT_LANGUAGE]:
        if code in translations:
            return code, translations[code]
    raise macro_error(MacroErrorCode.NO_TRANSLATION, "The macro has no default text.", "macroId")


def _agent_names(actor: Actor) -> tuple[str, str]:
    if actor.user_id is None:
        return "", ""
    names = (
        get_user_model()
        ._default_manager.filter(pk=actor.user_id)
        .values_list("first_name", "last_name")
        .first()
    )
    return (str(names[0] or ""), str(names[1] or "")) if names else ("", "")


def render_context(ticket: Ticket, actor: Actor) -> RenderContext:
    """Return what a macro applied by ``actor`` can say about ``ticket``."""
    first_name, last_name = _agent_names(actor)
    return RenderContext(
        ticket_number=ticket.number,
        ticket_subject=ticket.subject,
        ticket_status=ticket.status,
        customer_name=ticket.customer_name,
        customer_email=ticket.customer_email,
        is_anonymised=ticket.anonymised_at is not None,
        order_number=ticket.order_number,
        order=ticket.order_snapshot if isinstance(ticket.order_snapshot, dict) else None,
        agent_first_name=first_name,
        agent_last_name=last_name,
    )


def _status_change(ticket: Ticket, status: str | None) -> str | None:
    if status is None or status == ticket.status:
        return None
    if status not in TicketStatus.TRANSITIONS[ticket.status]:
        raise macro_error(
            MacroErrorCode.INVALID_TRANSITION,
            f"The macro sets the status to {status}, but a ticket cannot move from"
            f" {ticket.status} to {status}.",
            "macroId",
        )
    return status


def _assignee_change(ticket: Ticket, macro: Macro, actor: Actor) -> tuple[bool, int | None]:
    if macro.assignment == MacroAssignment.KEEP:
        return False, None
    if macro.assignment == MacroAssignment.UNASSIGN:
        new = None
    elif macro.assignment == MacroAssignment.ME:
        if actor.user_id is None:
            raise macro_error(
                MacroErrorCode.INVALID,
                "The macro assigns the ticket to whoever applies it; an app cannot own tickets.",
                "macroId",
            )
        new = actor.user_id
    else:
        if macro.assignee_id is None:
            raise macro_error(
                MacroErrorCode.INVALID,
                "The agent this macro assigns tickets to no longer exists; edit the macro.",
                "macroId",
            )
        check_agent(macro.assignee_id, field="macroId")
        new = macro.assignee_id
    return new != ticket.assignee_id, new


def _changes(ticket: Ticket, macro: Macro, actor: Actor) -> TicketChanges:
    category = None
    if macro.set_category_id is not None and macro.set_category_id != ticket.category_id:
        category = TicketCategory.objects.filter(pk=macro.set_category_id).first()
        if category is None or not category.is_active:
            raise macro_error(
                MacroErrorCode.INVALID,
                "The macro's category is no longer in use; edit the macro.",
                "macroId",
            )
    tags = None
    if macro.add_tags or macro.remove_tags:
        kept = [tag for tag in ticket.tags if tag not in macro.remove_tags]
        new_tags = clean_tags([*kept, *macro.add_tags], "macroId")
        tags = new_tags if new_tags != list(ticket.tags) else None
    changes_assignee, assignee_id = _assignee_change(ticket, macro, actor)
    return TicketChanges(
        status=_status_change(ticket, macro.set_status),
        priority=macro.set_priority if macro.set_priority != ticket.priority else None,
        category=category,
        tags=tags,
        changes_assignee=changes_assignee,
        assignee_id=assignee_id,
    )


def plan_macro(
    ticket: Ticket,
    macro: Macro,
    *,
    actor: Actor,
    language: str | None = None,
    additional_text: str = "",
) -> MacroPlan:
    """Render ``macro`` for ``ticket`` and work out its changes, without changing anything.

    Raises ``MacroError`` for anything applying the macro would refuse.

    Args:
        language: the text to use; by default the ticket's language, its family
            (``pt-br``: ``pt``), then the default text.
        additional_text: HTML the agent adds below the macro's text.

    """
    if not macro.is_active:
        raise macro_error(MacroErrorCode.INACTIVE, "The macro is turned off.", "macroId")
    texts = {t.language_code: t.body for t in macro.translations.all()}
    code, template = _pick_translation(texts, ticket, language)
    locale = locale_for(code or desk_settings().language_code)
    try:
        body = render(
            template, variable_values(render_context(ticket, actor), locale), language=code
        )
    except MacroError as exc:
        exc.field = "macroId"
        raise
    if additional_text.strip():
        body += clean_html(additional_text)
    if len(body) > MAX_TEXT_LENGTH:
        raise macro_error(
            MacroErrorCode.TOO_LONG,
            f"The message would be longer than {MAX_TEXT_LENGTH} characters.",
            "additionalText" if additional_text.strip() else "macroId",
        )
    return MacroPlan(
        body=clean_html(body), language_code=code, changes=_changes(ticket, macro, actor)
    )

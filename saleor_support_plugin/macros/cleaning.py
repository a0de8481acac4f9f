"""Checks of what agents write into a macro: name, texts, field changes.

Each ``clean_*`` returns the value as it is stored or raises ``MacroError`` naming the input
field at fault (as the GraphQL input calls it).
"""

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from ..host import get_host
from ..tickets import TicketPriority, TicketStatus
from ..tickets import actions as ticket_actions
from ..tickets.actors import Actor
from ..tickets.error_codes import TicketError
from ..tickets.models import TicketCategory
from ..tickets.sanitize import clean_html
from . import DEFAULT_LANGUAGE, MacroAssignment, MacroVisibility
from .error_codes import MacroError, MacroErrorCode
from .locale import normalise_language
from .rendering import check_template
from .variables import VARIABLE_NAMES

MAX_NAME_LENGTH = 128
MAX_GROUP_LENGTH = 64
MAX_POSITION = 32_767
MAX_TEXT_LENGTH = ticket_actions.MAX_BODY_LENGTH
MAX_TRANSLATIONS = 30
_LANGUAGE_CODE = re.compile(r"[a-z]{2,3}(?:-[a-z0-9]{2,8})*")


@dataclass(frozen=True)
class MacroActions:
    """The field changes a macro makes; ``None`` and empty leave the field alone."""

    status: str | None = None
    priority: str | None = None
    category_slug: str | None = None
    add_tags: tuple[str, ...] = ()
    remove_tags: tuple[str, ...] = ()
    assignment: str = MacroAssignment.KEEP
    assignee_id: int | None = None
    """The agent ``MacroAssignment.USER`` gives tickets to."""


def macro_error(code: MacroErrorCode, message: str, field: str) -> MacroError:
    return MacroError(code, message, field=field)


def from_ticket_error(exc: TicketError, *, field: str) -> MacroError:
    code = MacroErrorCode.__members__.get(exc.code.name, MacroErrorCode.INVALID)
    return MacroError(
        code, exc.message, field=exc.field if code == MacroErrorCode.CONFLICT else field
    )


def clean_name(name: str) -> str:
    name = " ".join(name.split())
    if not name:
        raise macro_error(MacroErrorCode.REQUIRED, "A macro needs a name.", "name")
    if len(name) > MAX_NAME_LENGTH:
        raise macro_error(
            MacroErrorCode.TOO_LONG,
            f"A macro's name can have at most {MAX_NAME_LENGTH} characters.",
            "name",
        )
    return name


def clean_group(group: str) -> str:
    group = " ".join(group.split())
    if len(group) > MAX_GROUP_LENGTH:
        raise macro_error(
            MacroErrorCode.TOO_LONG,
            f"A group name can have at most {MAX_GROUP_LENGTH} characters.",
            "group",
        )
    return group


def clean_position(position: int) -> int:
    if not 0 <= position <= MAX_POSITION:
        raise macro_error(
            MacroErrorCode.INVALID, f"The position must be from 0 to {MAX_POSITION}.", "position"
        )
    return position


def clean_visibility(visibility: str, actor: Actor) -> str:
    if visibility not in dict(MacroVisibility.CHOICES):
        raise macro_error(
            MacroErrorCode.INVALID, f"Unknown visibility '{visibility}'.", "visibility"
        )
    if visibility == MacroVisibility.PERSONAL and actor.user_id is None:
        raise macro_error(
            MacroErrorCode.INVALID,
            "Personal macros belong to a staff member; apps can only manage shared ones.",
            "visibility",
        )
    return visibility


def clean_translations(translations: Mapping[str, str]) -> dict[str, str]:
    """Return the texts by normalised language code, each sanitised and checked.

    A default text (language ``""``) is required. Raises for a bad language code, an empty
    or too long text, and a placeholder that is malformed or names an unknown variable.
    """
    cleaned: dict[str, str] = {}
    if len(translations) > MAX_TRANSLATIONS:
        raise macro_error(
            MacroErrorCode.INVALID,
            f"A macro can have at most {MAX_TRANSLATIONS} texts.",
            "translations",
        )
    for raw_code, body in translations.items():
        code = normalise_language(raw_code)
        if code and not _LANGUAGE_CODE.fullmatch(code):
            raise macro_error(
                MacroErrorCode.INVALID,
                f"'{raw_code}' is not a language code (such as ro, pl, fa or pt-BR).",
                "translations",
            )
        if code in cleaned:
            raise macro_error(
                MacroErrorCode.INVALID,
                f"The {code or 'default'} text is given twice.",
                "translations",
            )
        name = f"the {code} text" if code else "the default text"
        if not body.strip():
            raise macro_error(MacroErrorCode.REQUIRED, f"Write {name}.", "translations")
        if len(body) > MAX_TEXT_LENGTH:
            raise macro_error(
                MacroErrorCode.TOO_LONG,
                f"{name.capitalize()} can have at most {MAX_TEXT_LENGTH} characters.",
                "translations",
            )
        html = clean_html(body)
        try:
            check_template(html, VARIABLE_NAMES, language=code)
        except MacroError as exc:
            exc.field = "translations"
            raise
        cleaned[code] = html
    if DEFAULT_LANGUAGE not in cleaned:
        raise macro_error(
            MacroErrorCode.REQUIRED,
            'A macro needs a default text (language ""), used for every other language.',
            "translations",
        )
    return cleaned


def clean_tags(tags: Iterable[str], field: str) -> list[str]:
    try:
        return ticket_actions.normalise_tags(tags)
    except TicketError as exc:
        raise from_ticket_error(exc, field=field) from exc


@dataclass(frozen=True)
class CleanActions:
    status: str | None
    priority: str | None
    category: TicketCategory | None
    add_tags: list[str]
    remove_tags: list[str]
    assignment: str
    assignee_id: int | None


def clean_actions(actions: MacroActions) -> CleanActions:
    if actions.status is not None and actions.status not in dict(TicketStatus.CHOICES):
        raise macro_error(MacroErrorCode.INVALID, f"Unknown status '{actions.status}'.", "status")
    if actions.priority is not None and actions.priority not in dict(TicketPriority.CHOICES):
        raise macro_error(
            MacroErrorCode.INVALID, f"Unknown priority '{actions.priority}'.", "priority"
        )
    category = None
    if actions.category_slug is not None:
        try:
            category = ticket_actions.category_by_slug(actions.category_slug)
        except TicketError as exc:
            raise from_ticket_error(exc, field="category") from exc
    add_tags = clean_tags(actions.add_tags, "addTags")
    remove_tags = clean_tags(actions.remove_tags, "removeTags")
    both = [tag for tag in add_tags if tag in remove_tags]
    if both:
        raise macro_error(
            MacroErrorCode.INVALID,
            f"A tag cannot be both added and removed: {', '.join(both)}.",
            "removeTags",
        )
    if actions.assignment not in dict(MacroAssignment.CHOICES):
        raise macro_error(
            MacroErrorCode.INVALID, f"Unknown assignment '{actions.assignment}'.", "assignment"
        )
    assignee_id = actions.assignee_id
    if actions.assignment == MacroAssignment.USER:
        if assignee_id is None:
            raise macro_error(
                MacroErrorCode.REQUIRED, "Choose the agent the macro assigns to.", "assigneeId"
            )
        check_agent(assignee_id, field="assigneeId")
    elif assignee_id is not None:
        raise macro_error(
            MacroErrorCode.INVALID,
            "An assignee is only chosen with the assignment USER.",
            "assigneeId",
        )
    return CleanActions(
        status=actions.status,
        priority=actions.priority,
        category=category,
        add_tags=add_tags,
        remove_tags=remove_tags,
        assignment=actions.assignment,
        assignee_id=assignee_id,
    )


def check_agent(user_id: int, *, field: str) -> None:
    if user_id not in get_host().agents_among([user_id]):
        raise macro_error(
            MacroErrorCode.INVALID,
            "The assignee must be an active staff member who works on tickets.",
            field,
        )

"""Creating, changing and applying macros; every change in a transaction.

Applying a macro renders its text for the ticket, posts it and makes the macro's field
changes through the ticket actions, so the timeline records each step as if the agent had
made it by hand; the usage is counted in the same transaction. Anything refused (a
variable without a value, a status the ticket cannot move to, a stale version) undoes it all.
"""

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Final

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from ..tickets import MessageAuthorType
from ..tickets import actions as ticket_actions
from ..tickets.actors import Actor
from ..tickets.error_codes import TicketError
from ..tickets.lock_objects import ticket_qs_select_for_update
from ..tickets.models import Ticket, TicketMessage
from . import MacroVisibility
from .cleaning import (
    CleanActions,
    MacroActions,
    clean_actions,
    clean_group,
    clean_name,
    clean_position,
    clean_translations,
    clean_visibility,
    from_ticket_error,
    macro_error,
)
from .error_codes import MacroErrorCode
from .models import Macro, MacroTranslation, MacroUsage
from .planning import MacroPlan, TicketChanges, plan_macro


class _Unset:
    def __repr__(self) -> str:
        return "UNSET"


UNSET: Final = _Unset()
"""Default of ``update_macro``'s arguments: leave that part of the macro as it is."""


@dataclass(frozen=True)
class AppliedMacro:
    ticket: Ticket
    message: TicketMessage
    plan: MacroPlan


def _write_actions(macro: Macro, actions: CleanActions) -> None:
    macro.set_status = actions.status
    macro.set_priority = actions.priority
    macro.set_category = actions.category
    macro.add_tags = actions.add_tags
    macro.remove_tags = actions.remove_tags
    macro.assignment = actions.assignment
    macro.assignee_id = actions.assignee_id


def _save(macro: Macro, **options: Any) -> None:
    try:
        with transaction.atomic():
            macro.save(**options)
    except IntegrityError as exc:
        where = "shared macro" if macro.visibility == MacroVisibility.SHARED else "of your macros"
        raise macro_error(
            MacroErrorCode.DUPLICATE,
            f"Another {where} is already called '{macro.name}'.",
            "name",
        ) from exc


def _replace_translations(macro: Macro, texts: dict[str, str]) -> None:
    MacroTranslation.objects.filter(macro=macro).delete()
    MacroTranslation.objects.bulk_create(
        MacroTranslation(macro=macro, language_code=code, body=body)
        for code, body in sorted(texts.items())
    )


@transaction.atomic
def create_macro(
    *,
    actor: Actor,
    name: str,
    visibility: str,
    translations: Mapping[str, str],
    actions: MacroActions | None = None,
    group: str = "",
    position: int = 0,
    is_active: bool = True,
    now: datetime | None = None,
) -> Macro:
    """Create a macro; a personal one belongs to ``actor``.

    Args:
        translations: text by language code; ``""`` is the default text and is required.

    """
    now = now or timezone.now()
    visibility = clean_visibility(visibility, actor)
    macro = Macro(
        name=clean_name(name),
        group=clean_group(group),
        position=clean_position(position),
        visibility=visibility,
        owner_id=actor.user_id if visibility == MacroVisibility.PERSONAL else None,
        is_active=is_active,
        created_by_id=actor.user_id,
        created_at=now,
        updated_at=now,
    )
    texts = clean_translations(translations)
    _write_actions(macro, clean_actions(actions or MacroActions()))
    _save(macro, force_insert=True)
    _replace_translations(macro, texts)
    return macro


@transaction.atomic
def update_macro(
    macro: Macro,
    *,
    actor: Actor,
    name: str | _Unset = UNSET,
    visibility: str | _Unset = UNSET,
    translations: Mapping[str, str] | _Unset = UNSET,
    actions: MacroActions | _Unset = UNSET,
    group: str | _Unset = UNSET,
    position: int | _Unset = UNSET,
    is_active: bool | _Unset = UNSET,
    now: datetime | None = None,
) -> Macro:
    """Change the parts of a macro that are given; texts and actions are replaced whole.

    A macro made personal belongs to ``actor`` from then on.
    """
    now = now or timezone.now()
    if not isinstance(name, _Unset):
        macro.name = clean_name(name)
    if not isinstance(group, _Unset):
        macro.group = clean_group(group)
    if not isinstance(position, _Unset):
        macro.position = clean_position(position)
    if not isinstance(is_active, _Unset):
        macro.is_active = is_active
    if not isinstance(visibility, _Unset) and visibility != macro.visibility:
        macro.visibility = clean_visibility(visibility, actor)
        macro.owner_id = actor.user_id if visibility == MacroVisibility.PERSONAL else None
    texts = None if isinstance(translations, _Unset) else clean_translations(translations)
    if not isinstance(actions, _Unset):
        _write_actions(macro, clean_actions(actions))
    macro.updated_at = now
    _save(macro)
    if texts is not None:
        _replace_translations(macro, texts)
    return macro


@transaction.atomic
def delete_macro(macro: Macro) -> None:
    """Delete a macro with its texts and usage rows; messages it wrote stay on their tickets."""
    macro.delete()


def _make_changes(ticket: Ticket, changes: TicketChanges, *, actor: Actor, now: datetime) -> Ticket:
    if changes.category is not None:
        ticket = ticket_actions.change_category(ticket, changes.category.slug, actor=actor, now=now)
    if changes.priority is not None:
        ticket = ticket_actions.change_priority(ticket, changes.priority, actor=actor, now=now)
    if changes.tags is not None:
        ticket = ticket_actions.set_tags(ticket, changes.tags, actor=actor, now=now)
    if changes.changes_assignee:
        ticket = ticket_actions.assign_ticket(ticket, changes.assignee_id, actor=actor, now=now)
    if changes.status is not None:
        ticket = ticket_actions.change_status(ticket, changes.status, actor=actor, now=now)
    return ticket


@transaction.atomic
def apply_macro(
    ticket: Ticket,
    macro: Macro,
    *,
    actor: Actor,
    language: str | None = None,
    is_internal: bool = False,
    additional_text: str = "",
    expected_version: int | None = None,
    now: datetime | None = None,
) -> AppliedMacro:
    """Post ``macro``'s text on ``ticket`` and make its field changes, all or nothing.

    The text goes out as the agent's public reply, or as an internal note when
    ``is_internal``; then category, priority, tags, assignee and status change in that order,
    each on the timeline. The macro's usage count goes up by one.

    Args:
        expected_version: the ticket's version the agent saw; ``CONFLICT`` when it moved on.

    """
    now = now or timezone.now()
    locked = ticket_qs_select_for_update().get(pk=ticket.pk)
    if expected_version is not None and locked.version != expected_version:
        raise macro_error(
            MacroErrorCode.CONFLICT,
            f"The ticket was changed by someone else (now at version {locked.version}).",
            "expectedVersion",
        )
    plan = plan_macro(
        locked, macro, actor=actor, language=language, additional_text=additional_text
    )
    try:
        message = ticket_actions.add_message(
            locked,
            author_type=MessageAuthorType.AGENT,
            actor=actor,
            body=plan.body,
            is_internal=is_internal,
            now=now,
        )
        result = _make_changes(message.ticket, plan.changes, actor=actor, now=now)
    except TicketError as exc:
        raise from_ticket_error(exc, field="macroId") from exc
    MacroUsage.objects.create(
        macro=macro,
        ticket=result,
        message=message,
        user_id=actor.user_id,
        language_code=plan.language_code,
        used_at=now,
    )
    Macro.objects.filter(pk=macro.pk).update(usage_count=F("usage_count") + 1, last_used_at=now)
    return AppliedMacro(ticket=result, message=message, plan=plan)

"""Macros as agents see them, the variable catalogue, and previews."""

from typing import Any

import graphene

from ...macros.models import Macro, MacroTranslation
from ...macros.planning import MacroPlan
from ...macros.variables import Variable
from ..core.ids import to_global_id
from ..tickets.dataloaders import CategoryByIdLoader
from ..tickets.enums import SupportTicketPriorityEnum, SupportTicketStatusEnum
from ..tickets.types import SupportTicketCategory
from ..users.dataloaders import UserByIdLoader
from ..users.types import SupportUser
from .dataloaders import TranslationsByMacroLoader
from .enums import SupportMacroAssignmentEnum, SupportMacroVisibilityEnum

MACRO_TYPE_NAME = "SupportMacro"


def _user(info: Any, user_id: int | None) -> Any:
    return None if user_id is None else UserByIdLoader(info.context).load(user_id)


def _category(info: Any, category_id: int | None) -> Any:
    return None if category_id is None else CategoryByIdLoader(info.context).load(category_id)


class SupportMacroTranslation(graphene.ObjectType):
    language = graphene.String(
        required=True,
        description=(
            "Language code of the text (`ro`, `pl`, `fa`, `pt-br`), lower-case; empty for the"
            " default text."
        ),
    )
    body = graphene.String(
        required=True,
        description=(
            "The text: HTML (p, br, strong, em, lists, links, code, pre, blockquote) with"
            " `{{ variable }}` placeholders from `supportMacroVariables`."
        ),
    )

    class Meta:
        description = "A macro's text in one language."

    @staticmethod
    def resolve_language(root: MacroTranslation, info: Any) -> str:
        return root.language_code


class SupportMacroActions(graphene.ObjectType):
    status = graphene.Field(
        SupportTicketStatusEnum, description="Status the macro sets; null leaves it as it is."
    )
    priority = graphene.Field(
        SupportTicketPriorityEnum, description="Priority the macro sets; null leaves it."
    )
    category = graphene.Field(
        SupportTicketCategory, description="Category the macro sets; null leaves it."
    )
    add_tags = graphene.List(
        graphene.NonNull(graphene.String), required=True, description="Tags the macro adds."
    )
    remove_tags = graphene.List(
        graphene.NonNull(graphene.String), required=True, description="Tags the macro removes."
    )
    assignment = graphene.Field(
        SupportMacroAssignmentEnum,
        required=True,
        description="What the macro does with the assignee.",
    )
    assignee = graphene.Field(
        SupportUser,
        description=(
            "The agent the macro assigns tickets to with assignment USER; null otherwise, or"
            " when that account was deleted."
        ),
    )

    class Meta:
        description = "The ticket fields a macro changes, besides posting its text."

    @staticmethod
    def resolve_status(root: Macro, info: Any) -> str | None:
        return root.set_status

    @staticmethod
    def resolve_priority(root: Macro, info: Any) -> str | None:
        return root.set_priority

    @staticmethod
    def resolve_category(root: Macro, info: Any) -> Any:
        return _category(info, root.set_category_id)

    @staticmethod
    def resolve_assignee(root: Macro, info: Any) -> Any:
        return _user(info, root.assignee_id)


class SupportMacro(graphene.ObjectType):
    id = graphene.ID(required=True, description="Global id of the macro (`SupportMacro:<pk>`).")
    name = graphene.String(required=True, description="Name agents pick the macro by.")
    group = graphene.String(
        required=True, description="Label the picker groups macros by; empty for none."
    )
    position = graphene.Int(required=True, description="Place in the list, smallest first.")
    visibility = graphene.Field(
        SupportMacroVisibilityEnum, required=True, description="Shared or personal."
    )
    owner = graphene.Field(
        SupportUser, description="The agent a personal macro belongs to; null for shared ones."
    )
    is_active = graphene.Boolean(
        required=True, description="False when turned off: listed, but cannot be applied."
    )
    translations = graphene.List(
        graphene.NonNull(SupportMacroTranslation),
        required=True,
        description="The texts, the default one (empty language) first.",
    )
    actions = graphene.Field(
        SupportMacroActions, required=True, description="The field changes the macro makes."
    )
    usage_count = graphene.Int(required=True, description="How many times it was applied.")
    last_used_at = graphene.DateTime(description="When it was last applied; null if never.")
    created_at = graphene.DateTime(required=True, description="When it was created.")
    updated_at = graphene.DateTime(required=True, description="When it was last edited.")

    class Meta:
        description = (
            "A reply template: texts per language with variables filled in from the ticket,"
            " its customer, order and agent, plus ticket changes made in the same step."
        )

    @staticmethod
    def resolve_id(root: Macro, info: Any) -> str:
        return to_global_id(MACRO_TYPE_NAME, root.pk)

    @staticmethod
    def resolve_owner(root: Macro, info: Any) -> Any:
        return _user(info, root.owner_id)

    @staticmethod
    def resolve_translations(root: Macro, info: Any) -> Any:
        return TranslationsByMacroLoader(info.context).load(root.pk)

    @staticmethod
    def resolve_actions(root: Macro, info: Any) -> Macro:
        return root


class SupportMacroConnection(graphene.relay.Connection):
    class Meta:
        node = SupportMacro
        description = "A page of macros, by position then creation."


class SupportMacroVariable(graphene.ObjectType):
    name = graphene.String(
        required=True, description="Name to write between braces: `{{ customer.first_name }}`."
    )
    description = graphene.String(required=True, description="What it stands for.")
    example = graphene.String(required=True, description="A value it could have, in English.")

    class Meta:
        description = (
            "A variable macro texts can use. A variable without a value for the ticket"
            " (MISSING_VALUE) stops the macro instead of leaving a blank."
        )

    @staticmethod
    def resolve_name(root: Variable, info: Any) -> str:
        return root.name


class SupportMacroChangedFieldEnum(graphene.Enum):
    STATUS = "status"
    PRIORITY = "priority"
    CATEGORY = "category"
    TAGS = "tags"
    ASSIGNEE = "assignee"

    class Meta:
        description = "A ticket field a macro changes."

    @property
    def description(self) -> str:
        return f"The ticket's {self.value}."


class SupportRenderedMacro(graphene.ObjectType):
    body = graphene.String(
        required=True, description="The message as it would be posted: sanitised HTML."
    )
    language = graphene.String(
        required=True, description="Language of the text used; empty for the default text."
    )
    changed_fields = graphene.List(
        graphene.NonNull(SupportMacroChangedFieldEnum),
        required=True,
        description="The fields that would change; the others below are null.",
    )
    status = graphene.Field(SupportTicketStatusEnum, description="The new status.")
    priority = graphene.Field(SupportTicketPriorityEnum, description="The new priority.")
    category = graphene.Field(SupportTicketCategory, description="The new category.")
    tags = graphene.List(graphene.NonNull(graphene.String), description="The tags afterwards.")
    assignee = graphene.Field(
        SupportUser, description="The new assignee; null with ASSIGNEE changed means unassigned."
    )

    class Meta:
        description = "What applying a macro to a ticket would post and change."

    @staticmethod
    def resolve_language(root: MacroPlan, info: Any) -> str:
        return root.language_code

    @staticmethod
    def resolve_changed_fields(root: MacroPlan, info: Any) -> list[str]:
        return root.changes.changed_fields

    @staticmethod
    def resolve_status(root: MacroPlan, info: Any) -> str | None:
        return root.changes.status

    @staticmethod
    def resolve_priority(root: MacroPlan, info: Any) -> str | None:
        return root.changes.priority

    @staticmethod
    def resolve_category(root: MacroPlan, info: Any) -> Any:
        return root.changes.category

    @staticmethod
    def resolve_tags(root: MacroPlan, info: Any) -> list[str] | None:
        return root.changes.tags

    @staticmethod
    def resolve_assignee(root: MacroPlan, info: Any) -> Any:
        changes = root.changes
        return _user(info, changes.assignee_id) if changes.changes_assignee else None

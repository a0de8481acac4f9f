from typing import Any

import graphene

from ...intake import IntakeKind
from ...intake.rules import EventRule, IntakeSettings
from ..categories.dataloaders import CategoryBySlugLoader
from ..tickets.enums import SupportTicketPriorityEnum
from ..tickets.types import SupportTicketCategory
from .enums import SupportIntakeKindEnum


class SupportIntakeEventRule(graphene.ObjectType):
    kind = graphene.Field(SupportIntakeKindEnum, required=True, description="The store event.")
    enabled = graphene.Boolean(
        required=True,
        description=(
            "Whether the event opens a ticket; either way later events of an order with an"
            " open ticket are added to it."
        ),
    )
    priority = graphene.Field(
        SupportTicketPriorityEnum, required=True, description="Priority of the tickets it opens."
    )
    category = graphene.Field(
        SupportTicketCategory,
        description=(
            "The category of the tickets it opens; null when no category has `categorySlug`"
            " (then, as when the category is inactive, its tickets open in `other`)."
        ),
    )
    category_slug = graphene.String(
        required=True, description="Slug of the category, as the rule names it."
    )

    class Meta:
        description = "What one kind of store event does."

    @staticmethod
    def resolve_kind(root: tuple[str, EventRule], info: Any) -> str:
        return root[0]

    @staticmethod
    def resolve_enabled(root: tuple[str, EventRule], info: Any) -> bool:
        return root[1].enabled

    @staticmethod
    def resolve_priority(root: tuple[str, EventRule], info: Any) -> str:
        return root[1].priority

    @staticmethod
    def resolve_category(root: tuple[str, EventRule], info: Any) -> Any:
        return CategoryBySlugLoader(info.context).load(root[1].category)

    @staticmethod
    def resolve_category_slug(root: tuple[str, EventRule], info: Any) -> str:
        return root[1].category


class SupportIntakeRules(graphene.ObjectType):
    events = graphene.List(
        graphene.NonNull(SupportIntakeEventRule),
        required=True,
        description="One rule per kind of store event, in a fixed order.",
    )
    acknowledge_customer = graphene.Boolean(
        required=True,
        description=(
            "Whether a ticket opened by a store event gets a public message to its customer."
        ),
    )
    acknowledgement_message = graphene.String(
        required=True,
        description=(
            "Text of that message. It may use {customer_name}, {order_number} and"
            " {ticket_number}; a line `[ro]`, `[pl]` or `[fa]` starts the text in that"
            " language, and customers of other languages get the text before the first one."
        ),
    )
    customer_reopen_days = graphene.Int(
        required=True,
        description=(
            "Days after a ticket is solved or closed during which its customer may reopen it"
            " (0: never)."
        ),
    )

    class Meta:
        description = (
            "The merchant's intake rules: which store events open tickets, and how. The"
            " values in effect: defaults fill in what was never set, and stored values that"
            " do not parse give way to the defaults, as the intake reads them."
        )

    @staticmethod
    def resolve_events(root: IntakeSettings, info: Any) -> list[tuple[str, EventRule]]:
        return [(kind, root.rule(kind)) for kind in IntakeKind.ALL]

    @staticmethod
    def resolve_acknowledge_customer(root: IntakeSettings, info: Any) -> bool:
        return root.acknowledge

    @staticmethod
    def resolve_acknowledgement_message(root: IntakeSettings, info: Any) -> str:
        return root.acknowledgement_text

    @staticmethod
    def resolve_customer_reopen_days(root: IntakeSettings, info: Any) -> int:
        return root.reopen_days

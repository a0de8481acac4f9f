from typing import Any

import graphene

from ....host import get_host
from ....intake.configuration import EventRuleChange, IntakeRulesChange, update_intake_rules
from ....intake.error_codes import IntakeRulesError
from ...agents.permissions import LEAD_NOTE, LeadMutation
from ...core.permissions import AGENT_PERMISSIONS
from ...core.types import Error
from ...tickets.enums import SupportTicketPriorityEnum
from ..enums import SupportIntakeKindEnum, SupportIntakeRulesErrorCode
from ..types import SupportIntakeRules


class SupportIntakeRulesError(Error):
    code = graphene.Field(SupportIntakeRulesErrorCode, required=True, description="The error code.")

    class Meta:
        description = (
            "An error of `supportIntakeRulesUpdate`; `field` names the input field, e.g."
            " `events[2].category`."
        )


class SupportIntakeEventRuleInput(graphene.InputObjectType):
    kind = graphene.Field(SupportIntakeKindEnum, required=True, description="The store event.")
    enabled = graphene.Boolean(description="Whether it opens a ticket.")
    priority = graphene.Field(
        SupportTicketPriorityEnum, description="Priority of the tickets it opens."
    )
    category = graphene.String(
        description=(
            "Slug of an active category for its tickets (a rule may keep the category it has"
            " even when that one is deactivated since)."
        )
    )

    class Meta:
        description = "A change to one event's rule; fields left out stay as they are."


class SupportIntakeRulesInput(graphene.InputObjectType):
    events = graphene.List(
        graphene.NonNull(SupportIntakeEventRuleInput),
        description="Changes to events' rules, each event at most once; events left out stay.",
    )
    acknowledge_customer = graphene.Boolean(
        description="Whether tickets opened by store events get a public message to the customer."
    )
    acknowledgement_message = graphene.String(
        description=(
            "Text of that message (up to 5,000 characters), with {customer_name},"
            " {order_number}, {ticket_number} and `[ro]`-style language sections."
        )
    )
    customer_reopen_days = graphene.Int(
        description="Days a customer may reopen a solved or closed ticket, 0 to 365."
    )

    class Meta:
        description = "A change to the intake rules; fields left out stay as they are."


class SupportIntakeRulesUpdate(LeadMutation):
    domain_errors = (IntakeRulesError,)

    intake_rules = graphene.Field(SupportIntakeRules, description="The rules after the change.")

    class Arguments:
        input = graphene.Argument(
            SupportIntakeRulesInput, required=True, description="What to change."
        )

    class Meta:
        description = (
            "Change the intake rules, all or nothing, checked as the plugin's settings form in"
            " Saleor's Dashboard checks them; they apply to store events processed from then"
            " on." + LEAD_NOTE
        )
        permissions = AGENT_PERMISSIONS
        error_type_class = SupportIntakeRulesError

    @classmethod
    def errors_from(cls, exc: Any) -> list[Any]:
        return [
            SupportIntakeRulesError(field=p.field, message=p.message, code=p.code.value)
            for p in exc.problems
        ]

    @classmethod
    def perform_mutation(cls, info: Any, **data: Any) -> Any:
        values = data["input"]
        change = IntakeRulesChange(
            events=[
                EventRuleChange(
                    kind=event["kind"],
                    enabled=event.get("enabled"),
                    priority=event.get("priority"),
                    category=event.get("category"),
                )
                for event in values.get("events") or []
            ],
            acknowledge=values.get("acknowledge_customer"),
            acknowledgement_message=values.get("acknowledgement_message"),
            reopen_days=values.get("customer_reopen_days"),
        )
        return cls(intake_rules=update_intake_rules(get_host(), change), errors=[])

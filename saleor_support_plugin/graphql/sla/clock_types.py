"""The SLA clocks agents see on a ticket (``StaffTicket.slaClocks``)."""

from typing import Any

import graphene

from ...sla import ClockStatus
from ...sla.state import clock_state, remaining
from .dataloaders import ClockView, SlaClocksByTicketLoader
from .enums import SupportSlaClockKindEnum, SupportSlaStateEnum


class SupportSlaClock(graphene.ObjectType):
    kind = graphene.Field(SupportSlaClockKindEnum, required=True, description="What it times.")
    state = graphene.Field(
        SupportSlaStateEnum, required=True, description="How it stands at the time of the request."
    )
    paused = graphene.Boolean(
        required=True,
        description="True while the ticket waits on the customer or a third party.",
    )
    cycle = graphene.Int(
        required=True,
        description="Round of the clock: 1, then one more for each new next-response round.",
    )
    target_minutes = graphene.Int(
        required=True, description="The policy's target, in business minutes."
    )
    started_at = graphene.DateTime(required=True, description="When the clock started.")
    warning_at = graphene.DateTime(
        description=(
            "When the clock passes (or passed) the policy's warning share of the target; null"
            " while paused before it."
        )
    )
    due_at = graphene.DateTime(
        description=(
            "When the target is (or was) reached, counting business time only; null while"
            " paused before it. For a finished clock, the due time it had."
        )
    )
    remaining_minutes = graphene.Float(
        required=True,
        description=(
            "Business minutes left before the target at the time of the request, to the"
            " second; negative once it is passed. For a finished clock, what was left when"
            " it finished."
        ),
    )
    completed_at = graphene.DateTime(
        description="When its goal was reached (the reply, the solve); null until then."
    )
    warned_at = graphene.DateTime(description="When the warning was written on the timeline.")
    breached_at = graphene.DateTime(description="When the breach was written on the timeline.")

    class Meta:
        description = (
            "An SLA clock of a ticket: its target in business minutes on the policy's calendar"
            " and how much is left."
        )

    @staticmethod
    def resolve_kind(root: ClockView, info: Any) -> str:
        return root.clock.kind

    @staticmethod
    def resolve_state(root: ClockView, info: Any) -> str:
        return clock_state(root.clock, root.now)

    @staticmethod
    def resolve_paused(root: ClockView, info: Any) -> bool:
        return root.clock.status == ClockStatus.PAUSED

    @staticmethod
    def resolve_cycle(root: ClockView, info: Any) -> int:
        return root.clock.cycle

    @staticmethod
    def resolve_target_minutes(root: ClockView, info: Any) -> int:
        return root.clock.target_minutes

    @staticmethod
    def resolve_started_at(root: ClockView, info: Any) -> Any:
        return root.clock.started_at

    @staticmethod
    def resolve_warning_at(root: ClockView, info: Any) -> Any:
        return root.clock.warn_at

    @staticmethod
    def resolve_due_at(root: ClockView, info: Any) -> Any:
        return root.clock.due_at

    @staticmethod
    def resolve_remaining_minutes(root: ClockView, info: Any) -> float:
        left = remaining(root.clock, root.calendar, root.now)
        return round(left.total_seconds()) / 60

    @staticmethod
    def resolve_completed_at(root: ClockView, info: Any) -> Any:
        return root.clock.completed_at

    @staticmethod
    def resolve_warned_at(root: ClockView, info: Any) -> Any:
        return root.clock.warned_at

    @staticmethod
    def resolve_breached_at(root: ClockView, info: Any) -> Any:
        return root.clock.breached_at


def sla_clocks_field() -> graphene.Field:
    return graphene.Field(
        graphene.NonNull(graphene.List(graphene.NonNull(SupportSlaClock))),
        description=(
            "The ticket's SLA clocks (first response, next response, resolution) that its"
            " policy has started; empty when no policy applies or before the first sync."
        ),
    )


def resolve_sla_clocks(ticket: Any, info: Any) -> Any:
    return SlaClocksByTicketLoader(info.context).load(ticket.pk)

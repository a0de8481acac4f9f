"""Calendars, SLA policies and reporting targets as team leads read and edit them."""

from typing import Any

import graphene

from ...sla.actions import wall_time
from ...sla.models import BusinessCalendar, Holiday, OpeningInterval, SlaPolicy
from ..core.ids import to_global_id
from ..tickets.enums import SupportTicketChannelEnum, SupportTicketPriorityEnum
from ..tickets.types import SupportTicketCategory
from ..users.dataloaders import UserByIdLoader
from ..users.types import SupportUser
from .dataloaders import (
    BusinessCalendarByIdLoader,
    CategoriesByPolicyLoader,
    HolidaysByCalendarLoader,
    IntervalsByCalendarLoader,
)
from .enums import SupportSlaBreachActionEnum, SupportWeekdayEnum

CALENDAR_TYPE_NAME = "SupportBusinessCalendar"
POLICY_TYPE_NAME = "SupportSlaPolicy"


class SupportOpeningInterval(graphene.ObjectType):
    weekday = graphene.Field(SupportWeekdayEnum, required=True, description="The day.")
    start = graphene.String(required=True, description="Opening, local time `HH:MM`.")
    end = graphene.String(
        required=True, description="Closing, local time `HH:MM`; `24:00` is the end of the day."
    )

    class Meta:
        description = "A weekly opening of a calendar, in the calendar's local wall time."

    @staticmethod
    def resolve_start(root: OpeningInterval, info: Any) -> str:
        return wall_time(root.start_minute)

    @staticmethod
    def resolve_end(root: OpeningInterval, info: Any) -> str:
        return wall_time(root.end_minute)


class SupportHoliday(graphene.ObjectType):
    date = graphene.Date(required=True, description="The local date the calendar is closed.")
    name = graphene.String(required=True, description="What the day is; may be empty.")

    class Meta:
        description = "A day a calendar is closed all day."

    @staticmethod
    def resolve_date(root: Holiday, info: Any) -> Any:
        return root.date


class SupportBusinessCalendar(graphene.ObjectType):
    id = graphene.ID(required=True, description="Global id (`SupportBusinessCalendar`).")
    name = graphene.String(required=True, description="Name shown to team leads.")
    time_zone = graphene.String(
        required=True, description="IANA time zone of its intervals and holidays."
    )
    intervals = graphene.List(
        graphene.NonNull(SupportOpeningInterval),
        required=True,
        description="Weekly openings, by weekday and start.",
    )
    holidays = graphene.List(
        graphene.NonNull(SupportHoliday), required=True, description="Closed days, by date."
    )
    updated_at = graphene.DateTime(required=True, description="When it last changed.")

    class Meta:
        description = (
            "When the desk works: SLA targets count only the time a policy's calendar is open."
            " Daylight-saving changes follow the time zone: a skipped wall time means the"
            " moment the clocks jump, a repeated one its first occurrence."
        )

    @staticmethod
    def resolve_id(root: BusinessCalendar, info: Any) -> str:
        return to_global_id(CALENDAR_TYPE_NAME, root.pk)

    @staticmethod
    def resolve_intervals(root: BusinessCalendar, info: Any) -> Any:
        return IntervalsByCalendarLoader(info.context).load(root.pk)

    @staticmethod
    def resolve_holidays(root: BusinessCalendar, info: Any) -> Any:
        return HolidaysByCalendarLoader(info.context).load(root.pk)


class SupportSlaPolicy(graphene.ObjectType):
    id = graphene.ID(required=True, description="Global id (`SupportSlaPolicy`).")
    name = graphene.String(required=True, description="Name shown to agents.")
    position = graphene.Int(
        required=True, description="Place in the order policies are tried, from 0."
    )
    is_active = graphene.Boolean(required=True, description="Inactive policies are skipped.")
    priorities = graphene.List(
        graphene.NonNull(SupportTicketPriorityEnum),
        required=True,
        description="Tickets of any of these priorities; empty for any.",
    )
    channels = graphene.List(
        graphene.NonNull(SupportTicketChannelEnum),
        required=True,
        description="Tickets from any of these channels; empty for any.",
    )
    categories = graphene.List(
        graphene.NonNull(SupportTicketCategory),
        required=True,
        description="Tickets in any of these categories; empty for any.",
    )
    order_channels = graphene.List(
        graphene.NonNull(graphene.String),
        required=True,
        description="Tickets about orders of these sales channels (slugs); empty for any.",
    )
    calendar = graphene.Field(
        SupportBusinessCalendar, required=True, description="The calendar targets count on."
    )
    first_response_minutes = graphene.Int(
        description="First-response target in business minutes; null for none."
    )
    next_response_minutes = graphene.Int(
        description="Next-response target in business minutes; null for none."
    )
    resolution_minutes = graphene.Int(
        description="Resolution target in business minutes; null for none."
    )
    warning_percent = graphene.Int(
        required=True, description="Share of a target (1-99) after which the clock warns."
    )
    breach_actions = graphene.List(
        graphene.NonNull(SupportSlaBreachActionEnum),
        required=True,
        description="What the desk does, in this order, when a clock breaches.",
    )
    notify_user = graphene.Field(
        SupportUser,
        description=(
            "Whom NOTIFY_LEAD names; when null, a team lead of the ticket's team, else a manager."
        ),
    )

    class Meta:
        description = (
            "Targets for tickets meeting every condition. Policies are tried in order"
            " (`position`); the first active one a ticket matches applies. A ticket takes its"
            " policy when it opens and again when its priority or category changes; the clocks"
            " keep the time already used and take the new targets."
        )

    @staticmethod
    def resolve_id(root: SlaPolicy, info: Any) -> str:
        return to_global_id(POLICY_TYPE_NAME, root.pk)

    @staticmethod
    def resolve_categories(root: SlaPolicy, info: Any) -> Any:
        return CategoriesByPolicyLoader(info.context).load(root.pk)

    @staticmethod
    def resolve_calendar(root: SlaPolicy, info: Any) -> Any:
        return BusinessCalendarByIdLoader(info.context).load(root.calendar_id)

    @staticmethod
    def resolve_notify_user(root: SlaPolicy, info: Any) -> Any:
        if root.notify_user_id is None:
            return None
        return UserByIdLoader(info.context).load(root.notify_user_id)


class SupportSlaReportingTarget(graphene.ObjectType):
    channel = graphene.Field(SupportTicketChannelEnum, required=True, description="The channel.")
    answer_within_seconds = graphene.Int(
        required=True, description="Contacts should be answered within this many seconds."
    )
    share_percent = graphene.Int(
        required=True, description="Share of contacts (1-100) that should be, in percent."
    )

    class Meta:
        description = (
            "A service level kept for reports, e.g. phone: 80 % of calls answered within"
            " 20 seconds. Tickets do not measure call or chat waits."
        )

"""What the calendar, policy and reporting-target mutations share: errors, base, inputs."""

from dataclasses import replace
from typing import Any

import graphene

from ....sla.actions import CalendarValues, PolicyValues, minute_of_day
from ....sla.calendar import Interval
from ....sla.error_codes import SlaError, SlaErrorCode
from ....sla.models import BusinessCalendar, SlaPolicy
from ...agents.permissions import LEAD_NOTE as LEAD_NOTE
from ...agents.permissions import LEAD_PERMISSIONS as LEAD_PERMISSIONS
from ...agents.permissions import LeadMutation
from ...core.ids import pk_from_global_id
from ...core.types import Error
from ...tickets.enums import SupportTicketChannelEnum, SupportTicketPriorityEnum
from ...users.types import USER_TYPE_NAME
from ..enums import SupportSlaBreachActionEnum, SupportSlaErrorCode, SupportWeekdayEnum
from ..types import CALENDAR_TYPE_NAME, POLICY_TYPE_NAME


class SupportSlaError(Error):
    code = graphene.Field(SupportSlaErrorCode, required=True, description="The error code.")

    class Meta:
        description = "An error of a calendar, SLA policy or reporting target mutation."


class SlaMutation(LeadMutation):
    """A calendar, policy or target mutation for team leads, reporting ``SlaError``."""

    domain_errors = (SlaError,)

    class Meta:
        abstract = True


def calendar_by_global_id(global_id: str, *, field: str = "id") -> BusinessCalendar:
    pk = pk_from_global_id(global_id, CALENDAR_TYPE_NAME)
    calendar = BusinessCalendar.objects.filter(pk=pk).first() if pk is not None else None
    if calendar is None:
        raise SlaError(SlaErrorCode.NOT_FOUND, "Calendar not found.", field=field)
    return calendar


def policy_by_global_id(global_id: str, *, field: str = "id") -> SlaPolicy:
    pk = pk_from_global_id(global_id, POLICY_TYPE_NAME)
    policy = SlaPolicy.objects.filter(pk=pk).first() if pk is not None else None
    if policy is None:
        raise SlaError(SlaErrorCode.NOT_FOUND, "SLA policy not found.", field=field)
    return policy


class SupportOpeningIntervalInput(graphene.InputObjectType):
    weekday = graphene.Field(SupportWeekdayEnum, required=True, description="The day.")
    start = graphene.String(required=True, description="Opening, local `HH:MM`.")
    end = graphene.String(
        required=True, description="Closing, local `HH:MM` after the opening; `24:00` for midnight."
    )

    class Meta:
        description = "A weekly opening; intervals of one day must not overlap."


class SupportHolidayInput(graphene.InputObjectType):
    date = graphene.Date(required=True, description="The local date, e.g. `2025-12-25`.")
    name = graphene.String(description="What the day is (up to 128 characters).")

    class Meta:
        description = "A day the calendar is closed."


class SupportBusinessCalendarInput(graphene.InputObjectType):
    name = graphene.String(description="Unique name (required to create).")
    time_zone = graphene.String(
        description="IANA time zone, e.g. `Europe/Bucharest` (required to create)."
    )
    intervals = graphene.List(
        graphene.NonNull(SupportOpeningIntervalInput),
        description="Weekly openings (at least one); given, they replace the current ones.",
    )
    holidays = graphene.List(
        graphene.NonNull(SupportHolidayInput),
        description="Closed days; given, they replace the current ones.",
    )

    class Meta:
        description = "A calendar's fields; on update, fields left out stay as they are."


def calendar_values(data: dict[str, Any], base: CalendarValues | None = None) -> CalendarValues:
    values = base or CalendarValues(name="", time_zone="", intervals=())
    changes: dict[str, Any] = {}
    for name in ("name", "time_zone"):
        if data.get(name) is not None:
            changes[name] = data[name]
    if data.get("intervals") is not None:
        changes["intervals"] = tuple(
            Interval(
                int(item["weekday"]),
                minute_of_day(item["start"], field="intervals"),
                minute_of_day(item["end"], field="intervals"),
            )
            for item in data["intervals"]
        )
    if data.get("holidays") is not None:
        changes["holidays"] = tuple(
            (item["date"], item.get("name") or "") for item in data["holidays"]
        )
    return replace(values, **changes)


class SupportSlaPolicyInput(graphene.InputObjectType):
    name = graphene.String(description="Unique name (required to create).")
    calendar = graphene.ID(
        description="The calendar targets count on (`SupportBusinessCalendar`; required to create)."
    )
    is_active = graphene.Boolean(description="False to skip the policy (default true).")
    priorities = graphene.List(
        graphene.NonNull(SupportTicketPriorityEnum),
        description="Tickets of any of these priorities; empty for any.",
    )
    channels = graphene.List(
        graphene.NonNull(SupportTicketChannelEnum),
        description="Tickets from any of these channels; empty for any.",
    )
    categories = graphene.List(
        graphene.NonNull(graphene.String),
        description="Tickets in any of these categories, by slug; empty for any.",
    )
    order_channels = graphene.List(
        graphene.NonNull(graphene.String),
        description="Tickets about orders of these sales channels, by slug; empty for any.",
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
        description="Share of a target (1-99) after which a clock warns (default 75)."
    )
    breach_actions = graphene.List(
        graphene.NonNull(SupportSlaBreachActionEnum),
        description="What to do, in this order, when a clock breaches.",
    )
    notify_user = graphene.ID(
        description=(
            "Whom NOTIFY_LEAD names (`User`); null for a team lead of the ticket's team, else"
            " a manager."
        )
    )

    class Meta:
        description = (
            "An SLA policy's fields; at least one target. On update, fields left out stay as"
            " they are and null clears a target or `notifyUser`."
        )


LIST_FIELDS = {
    "priorities": "priorities",
    "channels": "channels",
    "categories": "category_slugs",
    "order_channels": "order_channels",
    "breach_actions": "breach_actions",
}
NULLABLE_FIELDS = ("first_response_minutes", "next_response_minutes", "resolution_minutes")


def policy_values(data: dict[str, Any], base: PolicyValues | None = None) -> PolicyValues:
    values = base or PolicyValues(name="", calendar_id=0)
    changes: dict[str, Any] = {}
    if data.get("name") is not None:
        changes["name"] = data["name"]
    if data.get("calendar") is not None:
        pk = pk_from_global_id(data["calendar"], CALENDAR_TYPE_NAME)
        changes["calendar_id"] = pk if pk is not None else 0
    if data.get("is_active") is not None:
        changes["is_active"] = bool(data["is_active"])
    if data.get("warning_percent") is not None:
        changes["warning_percent"] = data["warning_percent"]
    for name, field_name in LIST_FIELDS.items():
        if name in data:
            changes[field_name] = tuple(data[name] or ())
    for name in NULLABLE_FIELDS:
        if name in data:
            changes[name] = data[name]
    if "notify_user" in data:
        changes["notify_user_id"] = _user_id(data["notify_user"])
    return replace(values, **changes)


def _user_id(global_id: str | None) -> int | None:
    if global_id is None:
        return None
    pk = pk_from_global_id(global_id, USER_TYPE_NAME)
    if pk is None:
        raise SlaError(SlaErrorCode.NOT_FOUND, "No such user.", field="notifyUser")
    return pk

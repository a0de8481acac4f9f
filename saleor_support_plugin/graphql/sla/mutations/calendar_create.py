from typing import Any

import graphene

from ....sla.actions import create_calendar
from ..types import SupportBusinessCalendar
from .sla_common import (
    LEAD_NOTE,
    LEAD_PERMISSIONS,
    SlaMutation,
    SupportBusinessCalendarInput,
    SupportSlaError,
    calendar_values,
)


class SupportBusinessCalendarCreate(SlaMutation):
    calendar = graphene.Field(SupportBusinessCalendar, description="The new calendar.")

    class Arguments:
        input = graphene.Argument(
            SupportBusinessCalendarInput,
            required=True,
            description="The calendar; name, time zone and intervals required.",
        )

    class Meta:
        description = (
            "Add a business calendar: opening intervals per weekday in a time zone, and"
            " holidays. Overlapping intervals are OVERLAPPING_INTERVALS, times that are not"
            " HH:MM from 00:00 to 24:00 (or end before they start) INVALID_TIME, unknown time"
            " zones INVALID_TIME_ZONE." + LEAD_NOTE
        )
        permissions = LEAD_PERMISSIONS
        error_type_class = SupportSlaError

    @classmethod
    def perform_mutation(cls, info: Any, **data: Any) -> Any:
        return cls(calendar=create_calendar(calendar_values(data["input"])), errors=[])

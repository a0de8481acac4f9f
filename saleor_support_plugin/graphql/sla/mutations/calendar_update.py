from typing import Any

import graphene

from ....sla.actions import calendar_values as current_values
from ....sla.actions import update_calendar
from ..types import SupportBusinessCalendar
from .sla_common import (
    LEAD_NOTE,
    LEAD_PERMISSIONS,
    SlaMutation,
    SupportBusinessCalendarInput,
    SupportSlaError,
    calendar_by_global_id,
    calendar_values,
)


class SupportBusinessCalendarUpdate(SlaMutation):
    calendar = graphene.Field(SupportBusinessCalendar, description="The calendar after the change.")

    class Arguments:
        id = graphene.ID(
            required=True, description="Global id of the calendar (`SupportBusinessCalendar`)."
        )
        input = graphene.Argument(
            SupportBusinessCalendarInput, required=True, description="What to change."
        )

    class Meta:
        description = (
            "Change a calendar; intervals and holidays given replace the current ones. Open"
            " SLA clocks on it get new due times within a minute." + LEAD_NOTE
        )
        permissions = LEAD_PERMISSIONS
        error_type_class = SupportSlaError

    @classmethod
    def perform_mutation(cls, info: Any, **data: Any) -> Any:
        calendar = calendar_by_global_id(data["id"])
        values = calendar_values(data["input"], current_values(calendar))
        return cls(calendar=update_calendar(calendar, values), errors=[])

from typing import Any

import graphene

from ....sla.actions import delete_calendar
from .sla_common import (
    LEAD_NOTE,
    LEAD_PERMISSIONS,
    SlaMutation,
    SupportSlaError,
    calendar_by_global_id,
)


class SupportBusinessCalendarDelete(SlaMutation):
    id = graphene.ID(description="Global id of the deleted calendar.")

    class Arguments:
        id = graphene.ID(
            required=True, description="Global id of the calendar (`SupportBusinessCalendar`)."
        )

    class Meta:
        description = "Delete a calendar that no SLA policy uses (IN_USE otherwise)." + LEAD_NOTE
        permissions = LEAD_PERMISSIONS
        error_type_class = SupportSlaError

    @classmethod
    def perform_mutation(cls, info: Any, **data: Any) -> Any:
        delete_calendar(calendar_by_global_id(data["id"]))
        return cls(id=data["id"], errors=[])

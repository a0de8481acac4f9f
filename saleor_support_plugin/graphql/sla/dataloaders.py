from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.db.models import QuerySet
from django.utils import timezone

from ...sla import ClockStatus
from ...sla.calendar import Calendar
from ...sla.models import (
    BusinessCalendar,
    Holiday,
    OpeningInterval,
    SlaPolicy,
    TicketSlaClock,
)
from ...sla.policies import load_calendars
from ...tickets.models import TicketCategory
from ..core.dataloaders import ByPkLoader, DataLoader


@dataclass(frozen=True)
class ClockView:
    """A stored clock with what its read-time fields need: its calendar and the moment."""

    clock: TicketSlaClock
    calendar: Calendar | None
    now: datetime


class SlaClocksByTicketLoader(DataLoader[int, list[ClockView]]):
    """A ticket's clocks by kind; the calendars of running ones come in the same batch.

    One query for the clocks, three more (calendars, intervals, holidays) when any runs.
    """

    context_key = "support_sla_clocks_by_ticket"

    def batch_load(self, keys: Sequence[int]) -> list[list[ClockView]]:
        now = timezone.now()
        clocks = list(
            TicketSlaClock.objects.filter(ticket_id__in=list(keys)).order_by("ticket_id", "kind")
        )
        calendars = load_calendars(
            clock.calendar_id
            for clock in clocks
            if clock.status == ClockStatus.RUNNING and clock.calendar_id is not None
        )
        by_ticket: dict[int, list[ClockView]] = defaultdict(list)
        for clock in clocks:
            calendar = calendars.get(clock.calendar_id) if clock.calendar_id else None
            by_ticket[clock.ticket_id].append(ClockView(clock, calendar, now))
        return [by_ticket[key] for key in keys]


class BusinessCalendarByIdLoader(ByPkLoader):
    context_key = "support_business_calendar_by_id"

    def queryset(self) -> QuerySet[Any]:
        return BusinessCalendar.objects.all()


class SlaPolicyByIdLoader(ByPkLoader):
    context_key = "support_sla_policy_by_id"

    def queryset(self) -> QuerySet[Any]:
        return SlaPolicy.objects.all()


class IntervalsByCalendarLoader(DataLoader[int, list[OpeningInterval]]):
    context_key = "support_intervals_by_calendar"

    def batch_load(self, keys: Sequence[int]) -> list[list[OpeningInterval]]:
        rows: dict[int, list[OpeningInterval]] = defaultdict(list)
        for row in OpeningInterval.objects.filter(calendar_id__in=list(keys)).order_by(
            "weekday", "start_minute", "pk"
        ):
            rows[row.calendar_id].append(row)
        return [rows[key] for key in keys]


class HolidaysByCalendarLoader(DataLoader[int, list[Holiday]]):
    context_key = "support_holidays_by_calendar"

    def batch_load(self, keys: Sequence[int]) -> list[list[Holiday]]:
        rows: dict[int, list[Holiday]] = defaultdict(list)
        for row in Holiday.objects.filter(calendar_id__in=list(keys)).order_by("date", "pk"):
            rows[row.calendar_id].append(row)
        return [rows[key] for key in keys]


class CategoriesByPolicyLoader(DataLoader[int, list[TicketCategory]]):
    context_key = "support_categories_by_sla_policy"

    def batch_load(self, keys: Sequence[int]) -> list[list[TicketCategory]]:
        through = SlaPolicy.categories.through
        rows: dict[int, list[TicketCategory]] = defaultdict(list)
        links = (
            through._default_manager.filter(slapolicy_id__in=list(keys))
            .select_related("ticketcategory")
            .order_by("ticketcategory__position", "ticketcategory__slug")
        )
        for link in links:
            row: Any = link  # the auto-created through model has no declared fields
            rows[row.slapolicy_id].append(row.ticketcategory)
        return [rows[key] for key in keys]

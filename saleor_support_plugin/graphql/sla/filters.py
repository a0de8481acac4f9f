"""The agents' ticket list by SLA: filter by clock state or nearing due time, sort by due time."""

from datetime import UTC, datetime, timedelta
from typing import Any

import graphene
from django.db.models import DateTimeField, Exists, F, OuterRef, Q, QuerySet, Value
from django.db.models.functions import Coalesce
from django.utils import timezone

from ...sla import ClockStatus
from ...sla.models import TicketSlaClock
from ...sla.state import state_condition
from ...tickets.models import Ticket
from ..core.errors import InvalidArgument
from .enums import SupportSlaStateEnum

SLA_DUE_KEY = "sla_due_at"
"""Annotation the list sorts by: the ticket's earliest open due time."""
NO_DUE_LAST = datetime(9999, 12, 31, tzinfo=UTC)
NO_DUE_FIRST = datetime(1970, 1, 1, tzinfo=UTC)
"""Stand-ins for tickets without an open clock, so they come last in either direction (the
keyset's comparisons need a value, not NULL)."""
MAX_DUE_WITHIN_MINUTES = 31 * 24 * 60


def sla_state_filter() -> graphene.List:
    return graphene.List(
        graphene.NonNull(SupportSlaStateEnum),
        description=(
            "Tickets with at least one SLA clock in any of these states now, e.g."
            " `[BREACHED, WARNING]`."
        ),
    )


def sla_due_within_filter() -> graphene.Int:
    return graphene.Int(
        description=(
            "Tickets about to breach: a running SLA clock not yet breached is due within this"
            f" many minutes from now (1 to {MAX_DUE_WITHIN_MINUTES:,})."
        )
    )


def filter_by_sla(queryset: QuerySet[Ticket], values: dict[str, Any]) -> QuerySet[Ticket]:
    """Apply the ``slaState`` and ``slaDueWithinMinutes`` filters, when given."""
    now = timezone.now()
    clocks = TicketSlaClock.objects.filter(ticket_id=OuterRef("pk"))
    if values.get("sla_state"):
        condition = Q()
        for state in values["sla_state"]:
            condition |= state_condition(state, now)
        queryset = queryset.filter(Exists(clocks.filter(condition)))
    minutes = values.get("sla_due_within_minutes")
    if minutes is not None:
        if not 1 <= minutes <= MAX_DUE_WITHIN_MINUTES:
            raise InvalidArgument(
                f"`filter.slaDueWithinMinutes` must be between 1 and {MAX_DUE_WITHIN_MINUTES}."
            )
        queryset = queryset.filter(
            Exists(
                clocks.filter(
                    status=ClockStatus.RUNNING,
                    due_at__gt=now,
                    due_at__lte=now + timedelta(minutes=minutes),
                )
            )
        )
    return queryset


def with_sla_due(queryset: QuerySet[Ticket], *, descending: bool) -> QuerySet[Ticket]:
    """Annotate the earliest due time of the ticket's open clocks (kept on its SLA row)."""
    return queryset.annotate(
        **{
            SLA_DUE_KEY: Coalesce(
                F("sla__next_due_at"),
                Value(NO_DUE_FIRST if descending else NO_DUE_LAST),
                output_field=DateTimeField(),
            )
        }
    )

"""Orderings of the agents' ticket list, each a keyset over (sort key, id)."""

from datetime import datetime
from typing import Any

import graphene
from django.db.models import QuerySet

from ...tickets.models import Ticket
from ..core.connections import KeysetOrdering
from ..core.errors import PermissionDenied
from ..core.types import OrderDirection
from ..sla.filters import SLA_DUE_KEY, with_sla_due

PRIORITY_RANK = "priority_rank"


class SupportTicketSortField(graphene.Enum):
    CREATED = "created"
    UPDATED = "updated"
    PRIORITY = "priority"
    NUMBER = "number"
    SLA_DUE = "sla_due"

    class Meta:
        description = "What the ticket list is sorted by; ties are broken by the ticket's id."

    @property
    def description(self) -> str:
        return {
            "CREATED": "When the ticket was opened.",
            "UPDATED": "When the ticket last changed.",
            "PRIORITY": "Priority, LOW < NORMAL < HIGH < URGENT.",
            "NUMBER": "Ticket number.",
            "SLA_DUE": (
                "Earliest due time of the ticket's running or paused SLA clocks, overdue"
                " first when ascending; tickets without one come last either way."
            ),
        }[self.name]


class SupportTicketSortingInput(graphene.InputObjectType):
    field = graphene.Field(
        SupportTicketSortField, required=True, description="What to sort the tickets by."
    )
    direction = graphene.Field(
        OrderDirection, required=True, description="Which end of the order comes first."
    )

    class Meta:
        description = "Sort order of the ticket list."


_KEYS: dict[str, tuple[str, type[int] | type[datetime]]] = {
    "created": ("created_at", datetime),
    "updated": ("updated_at", datetime),
    "priority": (PRIORITY_RANK, int),
    "number": ("number", int),
    "sla_due": (SLA_DUE_KEY, datetime),
}

DEFAULT_SORT = {"field": "updated", "direction": "desc"}
"""Most recently changed tickets first."""


def ticket_ordering(sort_by: dict[str, Any] | None) -> KeysetOrdering:
    sort_by = sort_by or DEFAULT_SORT
    key, key_type = _KEYS[sort_by["field"]]
    return KeysetOrdering(
        name=f"{sort_by['field']}:{sort_by['direction']}",
        key=key,
        key_type=key_type,
        descending=sort_by["direction"] == "desc",
    )


def check_customer_sorting(sort_by: dict[str, Any] | None) -> None:
    """Refuse orderings that would reveal what customers are not shown (priority)."""
    if sort_by and sort_by["field"] == "priority":
        raise PermissionDenied("Only agents can sort tickets by priority.")
    if sort_by and sort_by["field"] == "sla_due":
        raise PermissionDenied("Only agents can sort tickets by SLA due time.")


def with_sort_key(queryset: QuerySet[Ticket], ordering: KeysetOrdering) -> QuerySet[Ticket]:
    """Return ``queryset`` with its sort key: a column, or the SLA due time annotated."""
    if ordering.key == SLA_DUE_KEY:
        return with_sla_due(queryset, descending=ordering.descending)
    return queryset

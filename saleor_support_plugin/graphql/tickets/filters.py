"""Filters of the agents' ticket list; each one maps to one indexed condition."""

from typing import Any

import graphene
from django.db.models import QuerySet

from ...host.requestor import Requestor
from ...tickets.models import Ticket
from ..core.errors import InvalidArgument
from ..core.ids import pk_from_global_id
from ..users.types import USER_TYPE_NAME
from .enums import SupportTicketChannelEnum, SupportTicketPriorityEnum, SupportTicketStatusEnum

ASSIGNEE_ME = "me"
ASSIGNEE_NONE = "unassigned"


class SupportTicketFilterInput(graphene.InputObjectType):
    status = graphene.List(
        graphene.NonNull(SupportTicketStatusEnum), description="Tickets in any of these statuses."
    )
    priority = graphene.List(
        graphene.NonNull(SupportTicketPriorityEnum),
        description="Tickets with any of these priorities.",
    )
    category = graphene.List(
        graphene.NonNull(graphene.String),
        description="Tickets in any of these categories, by slug (e.g. `refund`).",
    )
    channel = graphene.List(
        graphene.NonNull(SupportTicketChannelEnum),
        description="Tickets that came from any of these channels.",
    )
    assignee = graphene.String(
        description=(
            f'`"{ASSIGNEE_ME}"` for the requestor\'s own tickets, `"{ASSIGNEE_NONE}"` for'
            " tickets nobody owns, or the global id of a staff member (`User`)."
        )
    )
    order_number = graphene.String(description="Tickets about the order with this number.")

    class Meta:
        description = "Conditions a ticket must meet to be listed; all given ones apply."


def filter_tickets(
    queryset: QuerySet[Ticket], values: dict[str, Any] | None, requestor: Requestor
) -> QuerySet[Ticket]:
    if not values:
        return queryset
    if values.get("status"):
        queryset = queryset.filter(status__in=values["status"])
    if values.get("priority"):
        queryset = queryset.filter(priority__in=values["priority"])
    if values.get("category"):
        queryset = queryset.filter(category__slug__in=values["category"])
    if values.get("channel"):
        queryset = queryset.filter(channel__in=values["channel"])
    if values.get("assignee") is not None:
        queryset = _filter_assignee(queryset, values["assignee"], requestor)
    if values.get("order_number") is not None:
        queryset = queryset.filter(order_number=values["order_number"].strip())
    return queryset


def _filter_assignee(
    queryset: QuerySet[Ticket], assignee: str, requestor: Requestor
) -> QuerySet[Ticket]:
    if assignee == ASSIGNEE_NONE:
        return queryset.filter(assignee__isnull=True)
    if assignee == ASSIGNEE_ME:
        if requestor.user_id is None:
            return queryset.none()
        return queryset.filter(assignee_id=requestor.user_id)
    user_id = pk_from_global_id(assignee, USER_TYPE_NAME)
    if user_id is None:
        raise InvalidArgument(
            f'`filter.assignee` must be "{ASSIGNEE_ME}", "{ASSIGNEE_NONE}" or a `User` id.'
        )
    return queryset.filter(assignee_id=user_id)

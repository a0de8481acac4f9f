"""Filters of the agents' ticket list; each one maps to one condition, indexed where it narrows.

Tier and language have a handful of values each, so they have no index of their own; they
narrow what the other conditions and the sort order's index already found.
"""

import base64
import binascii
from datetime import datetime
from typing import Any
from uuid import UUID

import graphene
from django.db.models import Q, QuerySet

from ...host.requestor import Requestor
from ...tickets.actions import normalise_tags
from ...tickets.erasure import normalise_email
from ...tickets.error_codes import TicketError
from ...tickets.models import Ticket
from ..agents.types import TEAM_TYPE_NAME
from ..core.errors import InvalidArgument
from ..core.ids import pk_from_global_id
from ..sla.filters import filter_by_sla, sla_due_within_filter, sla_state_filter
from ..users.types import USER_TYPE_NAME
from .enums import (
    SupportTicketChannelEnum,
    SupportTicketPriorityEnum,
    SupportTicketStatusEnum,
    SupportTicketTierEnum,
)

ASSIGNEE_ME = "me"
ASSIGNEE_NONE = "unassigned"
ORDER_TYPE_NAME = "Order"
"""Saleor's orders have global ids ``Order:<uuid>``."""


class DateTimeRangeInput(graphene.InputObjectType):
    gte = graphene.DateTime(
        description="At or after this moment (ISO 8601 with a time zone offset)."
    )
    lte = graphene.DateTime(
        description="At or before this moment (ISO 8601 with a time zone offset)."
    )

    class Meta:
        description = "A span of time; a bound left out is open."


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
    tier = graphene.List(
        graphene.NonNull(SupportTicketTierEnum),
        description="Tickets handled at any of these support levels.",
    )
    tags = graphene.List(
        graphene.NonNull(graphene.String),
        description=(
            "Tickets with at least one of these tags (any of; written as on tickets, so"
            " `Late parcel` finds `late-parcel`)."
        ),
    )
    order = graphene.ID(
        description="Tickets about this order, by its global id in Saleor (`Order`)."
    )
    customer = graphene.ID(
        description=(
            "Tickets of this customer account, by its global id (`User`); also finds tickets"
            " of a deleted account that were not erased."
        )
    )
    customer_email = graphene.String(
        description="Tickets of the customer with this e-mail (exact, any letter case)."
    )
    created = graphene.Field(DateTimeRangeInput, description="Tickets opened in this span.")
    updated = graphene.Field(DateTimeRangeInput, description="Tickets last changed in this span.")
    language_code = graphene.List(
        graphene.NonNull(graphene.String),
        description="Tickets whose customer writes in any of these languages (e.g. `ro`, `pt-BR`).",
    )
    number = graphene.List(
        graphene.NonNull(graphene.Int), description="Tickets with any of these numbers."
    )
    team = graphene.List(
        graphene.NonNull(graphene.ID),
        description=(
            'Tickets of any of these teams (`SupportTeam` ids); `"none"` in the list also'
            " takes tickets no team holds."
        ),
    )
    sla_state = sla_state_filter()
    sla_due_within_minutes = sla_due_within_filter()

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
    if values.get("tier"):
        queryset = queryset.filter(tier__in=values["tier"])
    if values.get("tags"):
        queryset = queryset.filter(tags__overlap=_tags(values["tags"]))
    if values.get("order") is not None:
        queryset = queryset.filter(order_id=_order_id(values["order"]))
    if values.get("customer") is not None:
        queryset = _filter_customer(queryset, values["customer"])
    if values.get("customer_email") is not None:
        queryset = queryset.filter(customer_email=normalise_email(values["customer_email"]))
    for name, column in (("created", "created_at"), ("updated", "updated_at")):
        if values.get(name):
            queryset = _filter_range(queryset, column, name, values[name])
    if values.get("language_code"):
        queryset = _filter_language(queryset, values["language_code"])
    if values.get("number"):
        queryset = queryset.filter(number__in=values["number"])
    if values.get("team"):
        queryset = _filter_team(queryset, values["team"])
    return filter_by_sla(queryset, values)


TEAM_NONE = "none"


def _filter_team(queryset: QuerySet[Ticket], teams: list[str]) -> QuerySet[Ticket]:
    condition = Q()
    team_ids = []
    for value in teams:
        if value == TEAM_NONE:
            condition |= Q(team__isnull=True)
            continue
        team_id = pk_from_global_id(value, TEAM_TYPE_NAME)
        if team_id is None:
            raise InvalidArgument(f'`filter.team` takes `SupportTeam` ids or "{TEAM_NONE}".')
        team_ids.append(team_id)
    if team_ids:
        condition |= Q(team_id__in=team_ids)
    return queryset.filter(condition)


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


def _tags(tags: list[str]) -> list[str]:
    try:
        return [normalised for tag in tags for normalised in normalise_tags([tag])]
    except TicketError as exc:
        raise InvalidArgument(f"`filter.tags`: {exc.message}") from exc


def _order_id(global_id: str) -> UUID:
    try:
        decoded = base64.b64decode(global_id.encode(), validate=True).decode()
        type_name, _, raw_id = decoded.partition(":")
        if type_name != ORDER_TYPE_NAME:
            raise ValueError(type_name)
        return UUID(raw_id)
    except (binascii.Error, UnicodeError, ValueError) as exc:
        raise InvalidArgument("`filter.order` must be the global id of an `Order`.") from exc


def _filter_customer(queryset: QuerySet[Ticket], global_id: str) -> QuerySet[Ticket]:
    user_id = pk_from_global_id(global_id, USER_TYPE_NAME)
    if user_id is None:
        raise InvalidArgument("`filter.customer` must be the global id of a `User`.")
    # The account id stays when the account is deleted; the user link is what older rows have.
    return queryset.filter(Q(customer_account_id=user_id) | Q(customer_user_id=user_id))


def _filter_range(
    queryset: QuerySet[Ticket], column: str, name: str, span: dict[str, Any]
) -> QuerySet[Ticket]:
    bounds: dict[str, datetime] = {
        bound: span[bound] for bound in ("gte", "lte") if span.get(bound) is not None
    }
    for bound, moment in bounds.items():
        if moment.tzinfo is None:
            raise InvalidArgument(f"`filter.{name}.{bound}` must include a time zone offset.")
    if len(bounds) == 2 and bounds["gte"] > bounds["lte"]:
        raise InvalidArgument(f"`filter.{name}.gte` must not be after `filter.{name}.lte`.")
    return queryset.filter(**{f"{column}__{bound}": moment for bound, moment in bounds.items()})


def _filter_language(queryset: QuerySet[Ticket], codes: list[str]) -> QuerySet[Ticket]:
    condition = Q()
    for code in codes:
        condition |= Q(language_code__iexact=code.strip())
    return queryset.filter(condition)

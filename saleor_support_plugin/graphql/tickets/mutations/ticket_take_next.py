from typing import Any

import graphene

from ....agents.queues import queue_scope_for
from ....tickets.queue import QueueScope, take_next_ticket
from ...core.mutations import BaseMutation
from ...core.permissions import AGENT_PERMISSIONS
from ..enums import SupportTicketChannelEnum, SupportTicketTierEnum
from ..types import StaffTicket
from .ticket_common import SupportTicketError


class SupportTicketTakeNextInput(graphene.InputObjectType):
    categories = graphene.List(
        graphene.NonNull(graphene.String),
        description="Only tickets in any of these categories, by slug (e.g. `refund`).",
    )
    channels = graphene.List(
        graphene.NonNull(SupportTicketChannelEnum),
        description="Only tickets that came from any of these channels.",
    )
    tiers = graphene.List(
        graphene.NonNull(SupportTicketTierEnum),
        description="Only tickets handled at any of these support levels.",
    )
    language_codes = graphene.List(
        graphene.NonNull(graphene.String),
        description=(
            "Only tickets whose customer writes in any of these languages (e.g. `ro`, `pt-BR`;"
            " any letter case)."
        ),
    )

    class Meta:
        description = (
            "The part of the queue to take from; every condition given applies, and a list"
            " matches any of its values."
        )


class SupportTicketTakeNext(BaseMutation):
    ticket = graphene.Field(
        StaffTicket,
        description=(
            "The ticket now assigned to the requestor; null when nothing is left to take,"
            " which is not an error."
        ),
    )

    class Arguments:
        input = graphene.Argument(
            SupportTicketTakeNextInput,
            description="Which part of the queue to take from; the whole queue when left out.",
        )

    class Meta:
        description = (
            "Take the next ticket of the queue and become its assignee. The queue is every"
            " unassigned ticket in status NEW or OPEN (PENDING and ON_HOLD wait for someone"
            " else) of the requestor's teams, plus tickets without a team for dispatchers,"
            " team leads and agents in no team; managers take from every team. The next one"
            " is the most urgent, then the oldest. Agents asking at the same time each get a"
            " different ticket. When the queue is empty, `ticket` is null and `errors` is"
            " empty. Only people own tickets: an app gets INVALID."
        )
        permissions = AGENT_PERMISSIONS
        error_type_class = SupportTicketError

    @classmethod
    def perform_mutation(cls, info: Any, **data: Any) -> Any:
        scope = data.get("input") or {}
        requestor = info.context.requestor
        ticket = take_next_ticket(
            requestor,
            scope=queue_scope_for(
                requestor.user_id,
                QueueScope(
                    category_slugs=tuple(scope.get("categories") or ()),
                    channels=tuple(scope.get("channels") or ()),
                    tiers=tuple(scope.get("tiers") or ()),
                    language_codes=tuple(scope.get("language_codes") or ()),
                ),
            ),
        )
        return cls(ticket=ticket, errors=[])

from typing import Any

import graphene

from ....ratelimit import TICKET_UPDATE_TICKET_10_MINUTES, RateLimited, hit
from ....sla.sync import sync_clocks_after_commit
from ....tickets import actions
from ....tickets.error_codes import TicketError, TicketErrorCode
from ...core.limits import retry_message
from ...core.mutations import BaseMutation, actor_for
from ...core.permissions import AGENT_PERMISSIONS
from ..enums import SupportTicketPriorityEnum, SupportTicketStatusEnum
from ..types import StaffTicket
from .ticket_common import (
    SupportTicketError,
    expected_version_argument,
    ticket_for_mutation,
    ticket_id_argument,
)


class SupportTicketUpdateInput(graphene.InputObjectType):
    status = graphene.Field(
        SupportTicketStatusEnum, description="New status; the move must be allowed."
    )
    priority = graphene.Field(SupportTicketPriorityEnum, description="New priority.")
    category = graphene.String(description="Slug of the new (active) category.")
    subject = graphene.String(description="A clearer one-line summary, up to 255 characters.")
    tags = graphene.List(
        graphene.NonNull(graphene.String),
        description="The ticket's tags from now on (replaces them; at most 20).",
    )

    class Meta:
        description = "Fields to change on a ticket; fields left out stay as they are."


class SupportTicketUpdate(BaseMutation):
    ticket = graphene.Field(StaffTicket, description="The ticket after the change.")

    class Arguments:
        id = ticket_id_argument()
        input = graphene.Argument(
            SupportTicketUpdateInput, required=True, description="What to change."
        )
        expected_version = expected_version_argument()

    class Meta:
        description = (
            "Change a ticket's subject, status, priority, category or tags, all or nothing;"
            " each change is written to the timeline."
        )
        permissions = AGENT_PERMISSIONS
        error_type_class = SupportTicketError

    @classmethod
    def perform_mutation(cls, info: Any, **data: Any) -> Any:
        ticket = ticket_for_mutation(info.context, data["id"])
        changes = data["input"]
        expected = data.get("expected_version")
        if expected is not None and ticket.version != expected:
            raise TicketError(
                TicketErrorCode.CONFLICT,
                f"The ticket was changed by someone else (now at version {ticket.version}).",
                field="expectedVersion",
            )
        _count_update(ticket.pk)
        actor = actor_for(info.context)
        steps = [
            ("subject", actions.change_subject),
            ("category", actions.change_category),
            ("priority", actions.change_priority),
            ("tags", actions.set_tags),
            ("status", actions.change_status),
        ]
        for name, action in steps:
            if changes.get(name) is None:
                continue
            ticket = action(ticket, changes[name], actor=actor, expected_version=expected)
            if expected is not None:
                expected = ticket.version
        sync_clocks_after_commit(ticket.pk)
        return cls(ticket=ticket, errors=[])


def _count_update(ticket_id: int) -> None:
    """Count one update of the ticket against its limit (30 in 10 minutes, all agents)."""
    try:
        hit(TICKET_UPDATE_TICKET_10_MINUTES, str(ticket_id))
    except RateLimited as exc:
        raise TicketError(TicketErrorCode.TOO_MANY_REQUESTS, retry_message(exc)) from exc

from typing import Any

import graphene

from ....agents.actions import set_ticket_team
from ....agents.models import Team
from ....tickets.error_codes import TicketError, TicketErrorCode
from ...core.ids import pk_from_global_id
from ...core.mutations import BaseMutation, actor_for
from ...core.permissions import AGENT_PERMISSIONS
from ...tickets.mutations.ticket_common import (
    SupportTicketError,
    expected_version_argument,
    ticket_for_mutation,
    ticket_id_argument,
)
from ...tickets.types import StaffTicket
from ..types import TEAM_TYPE_NAME


class SupportTicketSetTeam(BaseMutation):
    ticket = graphene.Field(StaffTicket, description="The ticket after the change.")

    class Arguments:
        id = ticket_id_argument()
        team_id = graphene.ID(
            description=(
                "Global id (`SupportTeam`) of an active team at the ticket's tier; null takes"
                " the ticket out of any team."
            )
        )
        expected_version = expected_version_argument()

    class Meta:
        description = (
            "Move an active ticket to another team of its tier (moving between tiers is"
            " escalation), or out of any team. In the new team, an assignee who is not a"
            " member gives the ticket up and a team with automatic assignment gives it to a"
            " member; without a team the assignee keeps it."
        )
        permissions = AGENT_PERMISSIONS
        error_type_class = SupportTicketError

    @classmethod
    def perform_mutation(cls, info: Any, **data: Any) -> Any:
        ticket = ticket_for_mutation(info.context, data["id"])
        team = None
        if data.get("team_id") is not None:
            pk = pk_from_global_id(data["team_id"], TEAM_TYPE_NAME)
            team = Team.objects.filter(pk=pk).first() if pk is not None else None
            if team is None:
                raise TicketError(TicketErrorCode.NOT_FOUND, "Team not found.", field="teamId")
        ticket = set_ticket_team(
            ticket,
            team,
            actor=actor_for(info.context),
            expected_version=data.get("expected_version"),
        )
        return cls(ticket=ticket, errors=[])

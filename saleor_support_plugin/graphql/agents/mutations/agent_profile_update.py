from typing import Any

import graphene

from ....agents.access import can_lead
from ....agents.configuration import ProfileValues, save_agent_profile
from ...core.context import RequestContext
from ...core.errors import PermissionDenied
from ...tickets.enums import SupportTicketTierEnum
from ..enums import SupportAgentAvailabilityEnum, SupportAgentRoleEnum
from ..types import SupportAgentProfile
from .agent_common import (
    LEAD_PERMISSIONS,
    AgentMutation,
    SupportAgentError,
    agent_user_ids,
    team_ids_from_global_ids,
)


class SupportAgentProfileInput(graphene.InputObjectType):
    role = graphene.Field(SupportAgentRoleEnum, description="What the agent does on the desk.")
    tier = graphene.Field(SupportTicketTierEnum, description="The support level they work at.")
    language_codes = graphene.List(
        graphene.NonNull(graphene.String),
        description="Languages they answer in (`ro`, `pt-BR`), at most 20; empty for any.",
    )
    capacity = graphene.Int(
        description="Most active tickets automatic assignment gives them, 0 to 1000."
    )
    availability = graphene.Field(
        SupportAgentAvailabilityEnum, description="Whether they receive new tickets now."
    )
    team_ids = graphene.List(
        graphene.NonNull(graphene.ID),
        description="Global ids (`SupportTeam`) of their teams from now on (replaces them).",
    )

    class Meta:
        description = (
            "An agent profile's settings; fields left out keep their value (a new profile"
            " starts as an L1 agent with capacity 20, on shift, in no team)."
        )


class SupportAgentProfileUpdate(AgentMutation):
    agent_profile = graphene.Field(SupportAgentProfile, description="The profile after the change.")

    lead_only = False

    class Arguments:
        user_id = graphene.ID(
            required=True,
            description="Global id (`User`) of the staff member, who must work on tickets.",
        )
        input = graphene.Argument(
            SupportAgentProfileInput, required=True, description="What to change."
        )

    class Meta:
        description = (
            "Set up how a staff member works on the desk, creating their profile the first"
            " time. Team leads, managers and holders of MANAGE_SETTINGS change any profile;"
            " other agents change only their own availability (PERMISSION_DENIED otherwise)."
        )
        permissions = LEAD_PERMISSIONS
        error_type_class = SupportAgentError

    @classmethod
    def perform_mutation(cls, info: Any, **data: Any) -> Any:
        context: RequestContext = info.context
        values = data["input"]
        (user_id,) = agent_user_ids([data["user_id"]], field="userId")
        own_availability = user_id == context.requestor.user_id and set(values) <= {"availability"}
        if not own_availability and not can_lead(context.requestor):
            raise PermissionDenied(
                "Only team leads, managers and holders of MANAGE_SETTINGS can change agent"
                " profiles; agents can change their own availability."
            )
        team_ids = values.get("team_ids")
        profile = save_agent_profile(
            user_id,
            ProfileValues(
                role=values.get("role"),
                tier=values.get("tier"),
                language_codes=values.get("language_codes"),
                capacity=values.get("capacity"),
                availability=values.get("availability"),
                team_ids=(
                    team_ids_from_global_ids(team_ids, field="teamIds")
                    if team_ids is not None
                    else None
                ),
            ),
        )
        return cls(agent_profile=profile, errors=[])

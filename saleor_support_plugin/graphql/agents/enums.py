from ...agents import AgentRole, AssignmentStrategy, Availability
from ...agents.error_codes import AgentErrorCode
from ..core.enums import enum_from_choices, enum_from_python

SupportAgentRoleEnum = enum_from_choices(
    "SupportAgentRoleEnum",
    AgentRole.CHOICES,
    description=(
        "What a staff member does on the desk. Team leads and managers set up teams, routing"
        " rules and other desk settings; dispatchers and leads also take tickets no team has;"
        " managers take from every team's queue."
    ),
)
SupportAgentAvailabilityEnum = enum_from_choices(
    "SupportAgentAvailabilityEnum",
    Availability.CHOICES,
    description="Whether an agent receives new tickets now: ON_SHIFT does, AWAY does not.",
)
SupportTeamAssignmentStrategyEnum = enum_from_choices(
    "SupportTeamAssignmentStrategyEnum",
    AssignmentStrategy.CHOICES,
    description=(
        "How a team gives its tickets to members: ROUND_ROBIN in turn, LEAST_LOADED to the"
        " member with the fewest active tickets. Either way only members on shift, below"
        " their capacity, take part, and those speaking the customer's language first."
    ),
)
SupportAgentErrorCode = enum_from_python(
    AgentErrorCode,
    name="SupportAgentErrorCode",
    description="Why a change to teams, agent profiles or routing rules was refused.",
    value_descriptions={
        AgentErrorCode.NOT_FOUND: "No such team, routing rule or staff member.",
        AgentErrorCode.INVALID: "A value is not accepted (unknown category, bad slug...).",
        AgentErrorCode.REQUIRED: "A value is missing or empty.",
        AgentErrorCode.UNIQUE: "Another team already has this slug.",
        AgentErrorCode.TOO_LONG: "A text is over its length limit.",
    },
)

from ...sla import BreachAction, ClockKind, SlaState, Weekday
from ...sla.error_codes import SlaErrorCode
from ..core.enums import enum_from_choices, enum_from_python

SupportSlaClockKindEnum = enum_from_choices(
    "SupportSlaClockKindEnum",
    ClockKind.CHOICES,
    description=(
        "Kind of SLA clock: FIRST_RESPONSE runs from opening to the first public agent reply;"
        " NEXT_RESPONSE from a customer's message (after an agent replied) to the next public"
        " agent reply; RESOLUTION from opening to solved."
    ),
)
SupportSlaStateEnum = enum_from_choices(
    "SupportSlaStateEnum",
    SlaState.CHOICES,
    description=(
        "How an SLA clock stands now. Running or paused clocks are ON_TRACK, WARNING (past"
        " the policy's warning share of the target) or BREACHED (past the due time); finished"
        " ones are MET, MISSED (finished late) or CANCELLED (the ticket was solved or closed"
        " without reaching the clock's goal)."
    ),
)
SupportSlaBreachActionEnum = enum_from_choices(
    "SupportSlaBreachActionEnum",
    BreachAction.CHOICES,
    description="What happens to a ticket when one of its clocks breaches.",
)
SupportWeekdayEnum = enum_from_choices(
    "SupportWeekdayEnum", Weekday.CHOICES, description="A day of the week."
)
SupportSlaErrorCode = enum_from_python(
    SlaErrorCode,
    name="SupportSlaErrorCode",
    description="Why a calendar, SLA policy or reporting target change was refused.",
    value_descriptions={
        SlaErrorCode.NOT_FOUND: "No such calendar, policy, category or user.",
        SlaErrorCode.INVALID: "A value is not accepted.",
        SlaErrorCode.REQUIRED: "A value is missing or empty.",
        SlaErrorCode.UNIQUE: "Another calendar or policy has this name.",
        SlaErrorCode.TOO_LONG: "A text is over its length limit.",
        SlaErrorCode.INVALID_TIME_ZONE: "Not an IANA time zone name (`Europe/Warsaw`).",
        SlaErrorCode.INVALID_TIME: "Not a time of day (HH:MM, 00:00-24:00), or an end before"
        " its start.",
        SlaErrorCode.OVERLAPPING_INTERVALS: "Two opening intervals of one weekday overlap.",
        SlaErrorCode.NEVER_OPEN: "The calendar has no opening interval.",
        SlaErrorCode.IN_USE: "Policies still use the calendar.",
    },
)

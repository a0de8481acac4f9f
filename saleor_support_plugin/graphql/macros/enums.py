from ...macros import MacroAssignment, MacroVisibility
from ...macros.error_codes import MacroErrorCode
from ..core.enums import enum_from_choices, enum_from_python

SupportMacroVisibilityEnum = enum_from_choices(
    "SupportMacroVisibilityEnum",
    MacroVisibility.CHOICES,
    description=(
        "Who sees a macro: SHARED macros every agent uses and team leads and managers edit;"
        " PERSONAL macros only their owner sees."
    ),
)
SupportMacroAssignmentEnum = enum_from_choices(
    "SupportMacroAssignmentEnum",
    MacroAssignment.CHOICES,
    description="What a macro does with the ticket's assignee.",
)
SupportMacroErrorCode = enum_from_python(
    MacroErrorCode,
    name="SupportMacroErrorCode",
    description=(
        "Why a macro mutation was refused. Rendering errors (INVALID_PLACEHOLDER,"
        " UNKNOWN_VARIABLE, MISSING_VALUE) also give the variable, language, line and column."
    ),
    value_descriptions={
        MacroErrorCode.NOT_FOUND: (
            "No such macro or ticket, or not one the requestor may see (another agent's"
            " personal macro)."
        ),
        MacroErrorCode.INVALID: "A value is not accepted (unknown category, bad tag...).",
        MacroErrorCode.REQUIRED: "A value is missing or empty (name, default text...).",
        MacroErrorCode.TOO_LONG: "A text is over its length limit.",
        MacroErrorCode.DUPLICATE: "Another macro in the same scope already has that name.",
        MacroErrorCode.INVALID_PLACEHOLDER: (
            "`{{` that does not open a placeholder of the form `{{ name }}`."
        ),
        MacroErrorCode.UNKNOWN_VARIABLE: (
            "A placeholder names a variable that is not in `supportMacroVariables`."
        ),
        MacroErrorCode.MISSING_VALUE: (
            "A variable has no value for this ticket (no order, no tracking number...);"
            " nothing is sent with a blank."
        ),
        MacroErrorCode.NO_TRANSLATION: "The macro has no text in the language asked for.",
        MacroErrorCode.INACTIVE: "The macro is turned off.",
        MacroErrorCode.INVALID_TRANSITION: (
            "The status the macro sets cannot follow the ticket's current status."
        ),
        MacroErrorCode.CONFLICT: "Someone changed the ticket since `expectedVersion`.",
    },
)

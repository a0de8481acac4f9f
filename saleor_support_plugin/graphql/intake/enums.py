from ...intake import IntakeKind
from ...intake.error_codes import IntakeRulesErrorCode
from ..core.enums import enum_from_choices, enum_from_python

SupportIntakeKindEnum = enum_from_choices(
    "SupportIntakeKindEnum",
    [
        (kind, IntakeKind.LABELS[kind][:1].upper() + IntakeKind.LABELS[kind][1:] + ".")
        for kind in IntakeKind.ALL
    ],
    description="A kind of store event that can open a ticket (one thread per order).",
)
SupportIntakeRulesErrorCode = enum_from_python(
    IntakeRulesErrorCode,
    name="SupportIntakeRulesErrorCode",
    description="Why a change to the intake rules was refused.",
    value_descriptions={
        IntakeRulesErrorCode.INVALID: (
            "A value is not accepted (a number out of range, an unknown placeholder...)."
        ),
        IntakeRulesErrorCode.REQUIRED: "A value is missing or empty.",
        IntakeRulesErrorCode.TOO_LONG: "A text is over its length limit.",
        IntakeRulesErrorCode.DUPLICATE: "An event or a language section is given twice.",
        IntakeRulesErrorCode.UNKNOWN_CATEGORY: "No category has this slug.",
        IntakeRulesErrorCode.INACTIVE_CATEGORY: (
            "The category is deactivated; an event can only keep the one it already has."
        ),
    },
)

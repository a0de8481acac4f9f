from dataclasses import dataclass
from enum import Enum


class IntakeRulesErrorCode(Enum):
    INVALID = "invalid"
    REQUIRED = "required"
    TOO_LONG = "too_long"
    DUPLICATE = "duplicate"
    UNKNOWN_CATEGORY = "unknown_category"
    INACTIVE_CATEGORY = "inactive_category"


@dataclass(frozen=True)
class IntakeRulesProblem:
    code: IntakeRulesErrorCode
    message: str
    field: str | None = None
    """The input field at fault, as the API names it (``events[2].category``)."""


class IntakeRulesError(Exception):
    """A refused change to the intake rules, naming every input field at fault."""

    def __init__(self, problems: list[IntakeRulesProblem]) -> None:
        super().__init__("; ".join(p.message for p in problems))
        self.problems = problems

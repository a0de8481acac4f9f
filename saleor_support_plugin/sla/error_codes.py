from enum import Enum


class SlaErrorCode(Enum):
    NOT_FOUND = "not_found"
    INVALID = "invalid"
    REQUIRED = "required"
    UNIQUE = "unique"
    TOO_LONG = "too_long"
    INVALID_TIME_ZONE = "invalid_time_zone"
    INVALID_TIME = "invalid_time"
    OVERLAPPING_INTERVALS = "overlapping_intervals"
    NEVER_OPEN = "never_open"
    IN_USE = "in_use"


class SlaError(Exception):
    """A refused SLA operation, with a typed code and the input field at fault."""

    def __init__(self, code: SlaErrorCode, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.field = field


class BreachActionUnavailable(Exception):
    """A breach action this installation cannot carry out (its module is missing)."""

    def __init__(self, action: str) -> None:
        super().__init__(f"The breach action {action} is not available.")
        self.action = action

from enum import Enum


class TicketErrorCode(Enum):
    NOT_FOUND = "not_found"
    INVALID = "invalid"
    REQUIRED = "required"
    INVALID_TRANSITION = "invalid_transition"
    CONFLICT = "conflict"
    TOO_LONG = "too_long"
    REOPEN_WINDOW_PASSED = "reopen_window_passed"
    TOO_MANY_REQUESTS = "too_many_requests"
    QUANTITY_UNAVAILABLE = "quantity_unavailable"
    TIER_LIMIT = "tier_limit"
    NOT_MERGEABLE = "not_mergeable"


class TicketError(Exception):
    """A refused ticket operation, with a typed code and the input field at fault."""

    def __init__(self, code: TicketErrorCode, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.field = field

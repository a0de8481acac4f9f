from enum import Enum


class AgentErrorCode(Enum):
    NOT_FOUND = "not_found"
    INVALID = "invalid"
    REQUIRED = "required"
    UNIQUE = "unique"
    TOO_LONG = "too_long"


class AgentError(Exception):
    """A refused change to agents, teams or routing rules, with a typed code and field."""

    def __init__(self, code: AgentErrorCode, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.field = field

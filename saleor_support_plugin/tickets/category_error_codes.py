from enum import Enum


class CategoryErrorCode(Enum):
    NOT_FOUND = "not_found"
    INVALID = "invalid"
    REQUIRED = "required"
    DUPLICATE = "duplicate"
    TOO_LONG = "too_long"
    IN_USE = "in_use"
    PROTECTED = "protected"


class CategoryError(Exception):
    """A refused change to the ticket categories, with a typed code and the field at fault."""

    def __init__(self, code: CategoryErrorCode, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.field = field

from enum import Enum


class MacroErrorCode(Enum):
    NOT_FOUND = "not_found"  # no such macro or ticket, or not one the requestor may see
    INVALID = "invalid"  # a value is not accepted
    REQUIRED = "required"  # a value is missing or empty
    TOO_LONG = "too_long"  # a text is over its length limit
    DUPLICATE = "duplicate"  # another macro with that name is visible in the same scope
    INVALID_PLACEHOLDER = "invalid_placeholder"  # "{{" without a well-formed "name }}"
    UNKNOWN_VARIABLE = "unknown_variable"  # a placeholder names no variable of the catalogue
    MISSING_VALUE = "missing_value"  # a variable has no value for this ticket
    NO_TRANSLATION = "no_translation"  # the macro has no text in the language asked for
    INACTIVE = "inactive"  # the macro is turned off
    INVALID_TRANSITION = "invalid_transition"  # the macro's status cannot follow the ticket's
    CONFLICT = "conflict"  # the ticket moved on since ``expectedVersion``


class MacroError(Exception):
    """A refused macro operation, with a typed code and the input field at fault.

    Rendering errors also name the ``variable``, the ``language`` of the text and the
    ``line`` and ``column`` (from 1) of the placeholder, so an editor can point at it.
    """

    def __init__(
        self,
        code: MacroErrorCode,
        message: str,
        *,
        field: str | None = None,
        variable: str | None = None,
        language: str | None = None,
        line: int | None = None,
        column: int | None = None,
    ) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.field = field
        self.variable = variable
        self.language = language
        self.line = line
        self.column = column

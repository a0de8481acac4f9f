from enum import Enum


class SurveyErrorCode(Enum):
    NOT_FOUND = "not_found"  # no such ticket, or not one the requestor may see
    REQUIRED = "required"  # no answer given
    NOT_ANSWERABLE = "not_answerable"  # the ticket is not solved or closed (or was merged)
    EXPIRED = "expired"  # the survey window after the solve has passed
    OUT_OF_RANGE = "out_of_range"  # a score outside its question's scale
    DUPLICATE = "duplicate"  # the same question twice in one submission
    ALREADY_ANSWERED = "already_answered"  # the question was answered on this ticket before
    TOO_LONG = "too_long"  # a comment over its length limit
    TOO_MANY_REQUESTS = "too_many_requests"  # over the rate limit; try again later


class SurveyError(Exception):
    """A refused survey answer, with a typed code and the input field at fault."""

    def __init__(self, code: SurveyErrorCode, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.field = field

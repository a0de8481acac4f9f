from ...surveys import SurveyQuestion
from ...surveys.error_codes import SurveyErrorCode
from ..core.enums import enum_from_choices, enum_from_python

SupportSurveyQuestionEnum = enum_from_choices(
    "SupportSurveyQuestionEnum",
    [
        (SurveyQuestion.CSAT_AGENT, "How satisfied the customer is with the agent's help, 1-5."),
        (
            SurveyQuestion.CSAT_RESOLUTION,
            "How satisfied the customer is with the outcome (product, delivery), 1-5.",
        ),
        (SurveyQuestion.NPS, "How likely the customer is to recommend the shop, 0-10."),
    ],
    description="A question of the satisfaction survey a customer answers on a solved ticket.",
)
SupportSurveyErrorCode = enum_from_python(
    SurveyErrorCode,
    name="SupportSurveyErrorCode",
    description="Why survey answers were refused; when refused, no answer is stored.",
    value_descriptions={
        SurveyErrorCode.NOT_FOUND: (
            "No such ticket, or not one the requestor may see (the same answer either way)."
        ),
        SurveyErrorCode.REQUIRED: "No answer was given.",
        SurveyErrorCode.NOT_ANSWERABLE: (
            "The ticket is not solved or closed (or was merged into another), so its survey"
            " is not open."
        ),
        SurveyErrorCode.EXPIRED: "The survey window after the ticket was solved has passed.",
        SurveyErrorCode.OUT_OF_RANGE: "A score outside its question's scale.",
        SurveyErrorCode.DUPLICATE: "The same question twice in one submission.",
        SurveyErrorCode.ALREADY_ANSWERED: "The question was answered on this ticket before.",
        SurveyErrorCode.TOO_LONG: "A comment is over 2,000 characters.",
        SurveyErrorCode.TOO_MANY_REQUESTS: "Too many answers from this address; try again later.",
    },
)

"""Survey types: a ticket's survey for its customer, answers and satisfaction for agents."""

from dataclasses import dataclass
from datetime import datetime
from typing import Any

import graphene
from django.utils import timezone

from ...surveys import SurveyQuestion
from ...surveys.models import SurveyAnswer
from ...surveys.satisfaction import RECENT_ANSWERS, CustomerSatisfaction
from ...surveys.window import survey_closes_at, survey_window_days
from ...tickets.models import Ticket
from ..core.ids import to_global_id
from ..tickets.customer_context import customer_key
from ..users.dataloaders import UserByIdLoader
from ..users.types import SupportUser
from .dataloaders import SatisfactionByCustomerLoader, SurveyAnswersByTicketLoader
from .enums import SupportSurveyQuestionEnum

SURVEY_ANSWER_TYPE_NAME = "SupportSurveyAnswer"
TICKET_TYPE_NAME = "SupportTicket"
"""As in ``graphql.tickets.types``, which builds on this module."""


def _scale_min() -> Any:
    return graphene.Int(required=True, description="Lowest score of the question.")


def _scale_max() -> Any:
    return graphene.Int(required=True, description="Highest score of the question.")


class SupportSurveyAnswer(graphene.ObjectType):
    id = graphene.ID(required=True, description="Global id of the answer.")
    question = graphene.Field(
        SupportSurveyQuestionEnum, required=True, description="The question answered."
    )
    score = graphene.Int(required=True, description="The score given, within the scale.")
    scale_min = _scale_min()
    scale_max = _scale_max()
    comment = graphene.String(
        description=(
            "What the customer wrote, as sanitised HTML (escaped text in paragraphs); null"
            " without a comment."
        )
    )
    is_redacted = graphene.Boolean(
        required=True,
        description="True when the comment was removed at the customer's request.",
    )
    agent = graphene.Field(
        SupportUser,
        description="The ticket's assignee when the customer answered; null when unassigned.",
    )
    ticket_id = graphene.ID(required=True, description="Global id of the ticket answered about.")
    ticket_number = graphene.Int(required=True, description="Number of that ticket.")
    created_at = graphene.DateTime(required=True, description="When the customer answered.")

    class Meta:
        description = "A customer's answer to one survey question about one ticket."

    @staticmethod
    def resolve_id(root: SurveyAnswer, info: Any) -> str:
        return to_global_id(SURVEY_ANSWER_TYPE_NAME, root.pk)

    @staticmethod
    def resolve_scale_min(root: SurveyAnswer, info: Any) -> int:
        return SurveyQuestion.SCALES[root.question].minimum

    @staticmethod
    def resolve_scale_max(root: SurveyAnswer, info: Any) -> int:
        return SurveyQuestion.SCALES[root.question].maximum

    @staticmethod
    def resolve_comment(root: SurveyAnswer, info: Any) -> str | None:
        return root.comment or None

    @staticmethod
    def resolve_is_redacted(root: SurveyAnswer, info: Any) -> bool:
        return root.redacted_at is not None

    @staticmethod
    def resolve_agent(root: SurveyAnswer, info: Any) -> Any:
        if root.agent_id is None:
            return None
        return UserByIdLoader(info.context).load(root.agent_id)

    @staticmethod
    def resolve_ticket_id(root: SurveyAnswer, info: Any) -> str:
        return to_global_id(TICKET_TYPE_NAME, root.ticket_id)

    @staticmethod
    def resolve_ticket_number(root: Any, info: Any) -> int:
        number: int = root.ticket_number
        return number


@dataclass(frozen=True)
class QuestionState:
    question: str
    answer: SurveyAnswer | None


@dataclass(frozen=True)
class SurveyState:
    closes_at: datetime | None
    questions: list[QuestionState]

    @property
    def is_open(self) -> bool:
        return (
            self.closes_at is not None
            and timezone.now() < self.closes_at
            and any(q.answer is None for q in self.questions)
        )


class SupportTicketSurveyQuestion(graphene.ObjectType):
    question = graphene.Field(SupportSurveyQuestionEnum, required=True, description="The question.")
    scale_min = _scale_min()
    scale_max = _scale_max()
    answered = graphene.Boolean(
        required=True, description="True once answered; each question is answered once."
    )
    score = graphene.Int(description="The score the customer gave; null until answered.")
    comment = graphene.String(
        description="The customer's comment as sanitised HTML; null without one."
    )

    class Meta:
        description = "One question of a ticket's survey, and the customer's answer to it."

    @staticmethod
    def resolve_scale_min(root: QuestionState, info: Any) -> int:
        return SurveyQuestion.SCALES[root.question].minimum

    @staticmethod
    def resolve_scale_max(root: QuestionState, info: Any) -> int:
        return SurveyQuestion.SCALES[root.question].maximum

    @staticmethod
    def resolve_answered(root: QuestionState, info: Any) -> bool:
        return root.answer is not None

    @staticmethod
    def resolve_score(root: QuestionState, info: Any) -> int | None:
        return root.answer.score if root.answer is not None else None

    @staticmethod
    def resolve_comment(root: QuestionState, info: Any) -> str | None:
        return (root.answer.comment or None) if root.answer is not None else None


class SupportTicketSurvey(graphene.ObjectType):
    is_open = graphene.Boolean(
        required=True,
        description=(
            "True while the customer can answer (`supportSurveyAnswer`): the ticket is solved"
            " or closed, the window has not passed and a question is unanswered."
        ),
    )
    closes_at = graphene.DateTime(
        description=(
            "When the survey closes: the last solve plus the desk's survey window (30 days by"
            " default). Null while the ticket is not solved or closed, or was merged."
        )
    )
    questions = graphene.List(
        graphene.NonNull(SupportTicketSurveyQuestion),
        required=True,
        description="The questions in the order they are asked, each with its answer.",
    )

    class Meta:
        description = "The satisfaction survey of a ticket, as its customer sees it."

    @staticmethod
    def resolve_is_open(root: SurveyState, info: Any) -> bool:
        return root.is_open


def survey_state(ticket: Ticket, answers: list[SurveyAnswer]) -> SurveyState:
    """Return the survey of ``ticket`` given its answers."""
    by_question = {answer.question: answer for answer in answers}
    return SurveyState(
        closes_at=survey_closes_at(ticket, survey_window_days()),
        questions=[QuestionState(q, by_question.get(q)) for q in SurveyQuestion.ORDER],
    )


def resolve_ticket_survey(root: Ticket, info: Any) -> Any:
    return (
        SurveyAnswersByTicketLoader(info.context)
        .load(root.pk)
        .then(lambda answers: survey_state(root, answers))
    )


def resolve_survey_answers(root: Ticket, info: Any) -> Any:
    return SurveyAnswersByTicketLoader(info.context).load(root.pk)


class SupportCustomerNps(graphene.ObjectType):
    latest_score = graphene.Int(
        required=True, description="The customer's most recent NPS score, 0-10."
    )
    latest_answered_at = graphene.DateTime(required=True, description="When they gave it.")
    count = graphene.Int(required=True, description="How many NPS answers they gave in all.")

    class Meta:
        description = "A customer's answers to the NPS question (would they recommend the shop)."

    @staticmethod
    def resolve_latest_score(root: CustomerSatisfaction, info: Any) -> int:
        assert root.latest_nps is not None  # noqa: S101  # only built with an NPS answer
        return root.latest_nps.score

    @staticmethod
    def resolve_latest_answered_at(root: CustomerSatisfaction, info: Any) -> datetime:
        assert root.latest_nps is not None  # noqa: S101  # only built with an NPS answer
        return root.latest_nps.created_at

    @staticmethod
    def resolve_count(root: CustomerSatisfaction, info: Any) -> int:
        return root.nps_count


class SupportCustomerSatisfaction(graphene.ObjectType):
    responses = graphene.Int(
        required=True,
        description="How many of the customer's tickets have survey answers (any question).",
    )
    csat_agent = graphene.Float(
        description=(
            "Share of the customer's CSAT agent answers that are 4 or 5 (of 1-5), in percent"
            " rounded to one decimal; null without such answers."
        )
    )
    csat_resolution = graphene.Float(
        description=(
            "Share of the customer's CSAT resolution answers (the outcome, not the agent)"
            " that are 4 or 5, in percent rounded to one decimal; null without such answers."
        )
    )
    nps = graphene.Field(
        SupportCustomerNps, description="Their NPS answers; null when they gave none."
    )
    recent = graphene.List(
        graphene.NonNull(SupportSurveyAnswer),
        required=True,
        description=f"Their latest answers, newest first (at most {RECENT_ANSWERS}).",
    )

    class Meta:
        description = (
            "What a customer thought of the desk before: their survey answers on the tickets"
            " the agent may see, by account, or for guests by e-mail."
        )

    @staticmethod
    def resolve_nps(root: CustomerSatisfaction, info: Any) -> CustomerSatisfaction | None:
        return root if root.latest_nps is not None else None


def resolve_customer_satisfaction(root: Ticket, info: Any) -> Any:
    key = customer_key(root)
    if key is None:
        return None
    return SatisfactionByCustomerLoader(info.context).load(key)

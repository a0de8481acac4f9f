from typing import Any

import graphene
from django.db import transaction

from ....ratelimit import SURVEY_SUBMIT_IP_MINUTE, RateLimited, client_ip, hit, ip_key
from ....surveys.actions import MAX_COMMENT_LENGTH, AnswerInput, answer_survey
from ....surveys.error_codes import SurveyError, SurveyErrorCode
from ....tickets.access import access_ticket_by_id
from ....tickets.error_codes import TicketError
from ....tickets.models import Ticket
from ...core.context import RequestContext
from ...core.errors import PermissionDenied
from ...core.ids import pk_from_global_id
from ...core.limits import retry_message
from ...core.mutations import BaseMutation, actor_for
from ...core.types import Error
from ...tickets.types import TICKET_TYPE_NAME, SupportTicket
from ..enums import SupportSurveyErrorCode, SupportSurveyQuestionEnum
from ..types import SupportTicketSurvey, resolve_ticket_survey


class SupportSurveyError(Error):
    code = graphene.Field(SupportSurveyErrorCode, required=True, description="The error code.")

    class Meta:
        description = (
            "An error of a survey answer; `field` names the input at fault, e.g."
            " `answers[1].score`."
        )


class SupportSurveyAnswerInput(graphene.InputObjectType):
    question = graphene.Field(
        SupportSurveyQuestionEnum, required=True, description="The question answered."
    )
    score = graphene.Int(
        required=True,
        description="The score: 1-5 for the CSAT questions, 0-10 for NPS (else OUT_OF_RANGE).",
    )
    comment = graphene.String(
        description=(
            f"What the customer adds, as plain text, up to {MAX_COMMENT_LENGTH:,} characters;"
            " shown escaped, line breaks kept."
        )
    )

    class Meta:
        description = "The customer's answer to one survey question."


def _ticket_for_survey(context: RequestContext, global_id: str) -> Ticket:
    """Return the requestor's ticket ``global_id``; any other is ``NOT_FOUND`` alike."""
    try:
        return access_ticket_by_id(
            context.requestor, pk_from_global_id(global_id, TICKET_TYPE_NAME)
        )
    except TicketError as exc:
        raise SurveyError(SurveyErrorCode.NOT_FOUND, exc.message, field="ticket") from exc


def _count_against_the_limit(context: RequestContext) -> None:
    try:
        hit(SURVEY_SUBMIT_IP_MINUTE, ip_key(client_ip(context.request)))
    except RateLimited as exc:
        raise SurveyError(SurveyErrorCode.TOO_MANY_REQUESTS, retry_message(exc)) from exc


class SupportSurveyAnswerSubmit(BaseMutation):
    ticket = graphene.Field(SupportTicket, description="The ticket answered about.")
    survey = graphene.Field(
        SupportTicketSurvey, description="The ticket's survey with the new answers."
    )

    class Arguments:
        ticket = graphene.ID(
            required=True, description="Global id of the ticket (`SupportTicket`)."
        )
        answers = graphene.List(
            graphene.NonNull(SupportSurveyAnswerInput),
            required=True,
            description="One answer per question, in any order; at least one.",
        )

    class Meta:
        description = (
            "Answer the satisfaction survey of a solved or closed ticket, as its customer (their"
            " Saleor token) or guest (the ticket's access token). The survey is open for the"
            " desk's window after the last solve (`CustomerTicket.survey.closesAt`); each"
            " question is answered once. All answers are stored or none: NOT_ANSWERABLE,"
            " EXPIRED, OUT_OF_RANGE, DUPLICATE, ALREADY_ANSWERED, TOO_LONG. A ticket the"
            " requestor may not see is NOT_FOUND. Limited to 10 submissions a minute per client"
            " address (TOO_MANY_REQUESTS). Agents read the answers on `StaffTicket` and cannot"
            " answer (PERMISSION_DENIED)."
        )
        permissions = ()
        error_type_class = SupportSurveyError

    @classmethod
    def mutate(cls, root: Any, info: Any, **data: Any) -> Any:
        context: RequestContext = info.context
        if context.requestor.is_agent:
            raise PermissionDenied("Only the ticket's customer answers its survey.")
        try:
            with transaction.atomic():
                return cls.perform_mutation(info, **data)
        except SurveyError as exc:
            error = SupportSurveyError(field=exc.field, message=exc.message, code=exc.code.value)
            return cls(errors=[error])

    @classmethod
    def perform_mutation(cls, info: Any, **data: Any) -> Any:
        context: RequestContext = info.context
        ticket = _ticket_for_survey(context, data["ticket"])
        answer_survey(
            ticket,
            [
                AnswerInput(
                    question=answer["question"],
                    score=answer["score"],
                    comment=answer.get("comment") or "",
                )
                for answer in data["answers"]
            ],
            actor=actor_for(context),
            before_saving=lambda: _count_against_the_limit(context),
        )
        return cls(ticket=ticket, errors=[])

    @staticmethod
    def resolve_survey(root: Any, info: Any) -> Any:
        if root.ticket is None:
            return None
        return resolve_ticket_survey(root.ticket, info)

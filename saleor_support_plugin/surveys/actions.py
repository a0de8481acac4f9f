"""Answering a ticket's survey, and erasing what a customer wrote in it."""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone

from ..tickets import events
from ..tickets.actors import Actor
from ..tickets.erasure import REDACTED_BODY, REDACTED_HTML, normalise_email
from ..tickets.lock_objects import ticket_qs_select_for_update
from ..tickets.models import Ticket
from ..tickets.sanitize import text_to_html
from . import SurveyQuestion
from .error_codes import SurveyError, SurveyErrorCode
from .models import SurveyAnswer
from .window import survey_closes_at, survey_window_days

MAX_COMMENT_LENGTH = 2_000


@dataclass(frozen=True)
class AnswerInput:
    """One answer as the customer gives it: a question, a score and an optional comment."""

    question: str
    score: int
    comment: str = ""


def _field(index: int, name: str) -> str:
    return f"answers[{index}].{name}"


def _check_open(ticket: Ticket, window_days: int, now: datetime) -> None:
    closes_at = survey_closes_at(ticket, window_days)
    if closes_at is None:
        raise SurveyError(
            SurveyErrorCode.NOT_ANSWERABLE,
            "The survey opens once the ticket is solved.",
            field="ticket",
        )
    if now >= closes_at:
        raise SurveyError(
            SurveyErrorCode.EXPIRED,
            f"The survey closed {window_days} days after the ticket was solved.",
            field="ticket",
        )


def _check_answers(answers: list[AnswerInput]) -> list[AnswerInput]:
    """Return the answers in the survey's question order, comments trimmed."""
    if not answers:
        raise SurveyError(
            SurveyErrorCode.REQUIRED, "Answer at least one question.", field="answers"
        )
    seen: set[str] = set()
    cleaned: list[AnswerInput] = []
    for index, answer in enumerate(answers):
        scale = SurveyQuestion.SCALES.get(answer.question)
        if scale is None:
            raise SurveyError(
                SurveyErrorCode.NOT_ANSWERABLE,
                f"The survey has no question '{answer.question}'.",
                field=_field(index, "question"),
            )
        if answer.score not in scale:
            raise SurveyError(
                SurveyErrorCode.OUT_OF_RANGE,
                f"The score must be from {scale.minimum} to {scale.maximum}.",
                field=_field(index, "score"),
            )
        if answer.question in seen:
            raise SurveyError(
                SurveyErrorCode.DUPLICATE,
                "Each question can be answered once per submission.",
                field=_field(index, "question"),
            )
        seen.add(answer.question)
        comment = answer.comment.strip()
        if len(comment) > MAX_COMMENT_LENGTH:
            raise SurveyError(
                SurveyErrorCode.TOO_LONG,
                f"A comment can have at most {MAX_COMMENT_LENGTH} characters.",
                field=_field(index, "comment"),
            )
        cleaned.append(AnswerInput(answer.question, answer.score, comment))
    return sorted(cleaned, key=lambda a: SurveyQuestion.ORDER.index(a.question))


@transaction.atomic
def answer_survey(
    ticket: Ticket,
    answers: list[AnswerInput],
    *,
    actor: Actor,
    window_days: int | None = None,
    before_saving: Callable[[], None] | None = None,
    now: datetime | None = None,
) -> list[SurveyAnswer]:
    """Store the customer's answers to the ticket's survey, all or none, and note them.

    The survey must be open (``NOT_ANSWERABLE``, ``EXPIRED``), every score within its
    question's scale (``OUT_OF_RANGE``), each question named once (``DUPLICATE``) and not
    answered before on this ticket (``ALREADY_ANSWERED``). Each answer keeps the ticket's
    assignee, category and channel of that moment. ``before_saving`` runs once everything is
    valid, right before anything is written (the API counts the rate limit there).

    Args:
        window_days: days the survey stays open after the solve; the desk's setting by default.

    """
    now = now or timezone.now()
    window_days = survey_window_days() if window_days is None else window_days
    locked = ticket_qs_select_for_update().get(pk=ticket.pk)
    _check_open(locked, window_days, now)
    cleaned = _check_answers(answers)
    answered = set(SurveyAnswer.objects.filter(ticket=locked).values_list("question", flat=True))
    for index, answer in enumerate(answers):
        if answer.question in answered:
            raise SurveyError(
                SurveyErrorCode.ALREADY_ANSWERED,
                "This question was already answered.",
                field=_field(index, "question"),
            )
    if before_saving is not None:
        before_saving()
    rows = [
        SurveyAnswer(
            ticket=locked,
            question=answer.question,
            score=answer.score,
            comment_raw=answer.comment,
            comment=text_to_html(answer.comment),
            agent_id=locked.assignee_id,
            category_id=locked.category_id,
            channel=locked.channel,
            created_at=now,
        )
        for answer in cleaned
    ]
    try:
        with transaction.atomic():
            SurveyAnswer.objects.bulk_create(rows)
    except IntegrityError as exc:  # answered meanwhile through a path that took no lock
        raise SurveyError(
            SurveyErrorCode.ALREADY_ANSWERED,
            "This survey was answered meanwhile.",
            field="answers",
        ) from exc
    events.survey_answered_event(
        locked,
        actor=actor,
        at=now,
        answers=[{"id": r.pk, "question": r.question, "score": r.score} for r in rows],
    )
    return rows


def redact_customer_comments(
    *, user_id: int | None, email: str, now: datetime | None = None
) -> int:
    """Replace what a customer wrote in surveys by the erasure text; scores and times stay.

    Matches their tickets as erasure does (account, then e-mail); call it before the tickets
    are anonymised. Returns how many comments were removed.
    """
    now = now or timezone.now()
    email = normalise_email(email)
    match = Q(pk__in=[])
    if email:
        match |= Q(ticket__customer_email=email)
    if user_id is not None:
        match |= Q(ticket__customer_account_id=user_id) | Q(ticket__customer_user_id=user_id)
    return (
        SurveyAnswer.objects.filter(match, redacted_at__isnull=True)
        .exclude(comment_raw="")
        .update(comment_raw=REDACTED_BODY, comment=REDACTED_HTML, redacted_at=now)
    )

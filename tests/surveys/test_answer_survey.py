"""Answering a ticket's survey: once per question, while open, all answers or none."""

from datetime import timedelta

import pytest
from django.db import IntegrityError, transaction
from django.utils import timezone

from saleor_support_plugin.surveys import SurveyQuestion
from saleor_support_plugin.surveys.actions import AnswerInput, answer_survey
from saleor_support_plugin.surveys.error_codes import SurveyError, SurveyErrorCode
from saleor_support_plugin.surveys.models import SurveyAnswer
from saleor_support_plugin.tickets import TicketChannel, TicketEventType, TicketStatus
from saleor_support_plugin.tickets.actions import change_status
from saleor_support_plugin.tickets.actors import Actor
from saleor_support_plugin.tickets.models import Ticket, TicketEvent

CUSTOMER = Actor(user_id=None)


def _survey_events(ticket):
    return list(
        TicketEvent.objects.filter(ticket=ticket, type=TicketEventType.SURVEY_ANSWERED).values_list(
            "parameters", "user_id"
        )
    )


def _refused(ticket, answers, **kwargs):
    with pytest.raises(SurveyError) as caught:
        answer_survey(ticket, answers, actor=CUSTOMER, **kwargs)
    return caught.value


def _assert_refused(ticket, answers, code, field, message, **kwargs):
    error = _refused(ticket, answers, **kwargs)
    assert (error.code, error.field, error.message) == (code, field, message)
    assert SurveyAnswer.objects.filter(ticket=ticket).count() == 0
    assert _survey_events(ticket) == []


def test_answers_keep_the_agent_category_and_channel_and_note_the_timeline(
    ticket_generator, solved_ticket_generator, agent, customer_user
):
    # given
    ticket = solved_ticket_generator(
        email=customer_user.email,
        user_id=customer_user.pk,
        category="refund",
        channel=TicketChannel.EMAIL,
    )
    now = timezone.now()

    # when
    answers = answer_survey(
        ticket,
        [
            AnswerInput(SurveyQuestion.NPS, 9),
            AnswerInput(SurveyQuestion.CSAT_AGENT, 4, "  Mulțumesc!\n<b>Rapid</b>  "),
        ],
        actor=Actor.user(customer_user.pk),
        now=now,
    )

    # then
    stored = list(SurveyAnswer.objects.filter(ticket=ticket).order_by("pk"))
    assert stored == answers
    assert [
        (a.question, a.score, a.comment_raw, a.comment, a.agent_id, a.channel, a.created_at)
        for a in stored
    ] == [
        (
            SurveyQuestion.CSAT_AGENT,
            4,
            "Mulțumesc!\n<b>Rapid</b>",
            "<p>Mulțumesc!<br>&lt;b&gt;Rapid&lt;/b&gt;</p>",
            agent.pk,
            TicketChannel.EMAIL,
            now,
        ),
        (SurveyQuestion.NPS, 9, "", "", agent.pk, TicketChannel.EMAIL, now),
    ]
    assert {a.category.slug for a in stored} == {"refund"}
    assert _survey_events(ticket) == [
        (
            {
                "answers": [
                    {"id": stored[0].pk, "question": "csat_agent", "score": 4},
                    {"id": stored[1].pk, "question": "nps", "score": 9},
                ]
            },
            customer_user.pk,
        )
    ]


def test_answering_changes_nothing_on_the_ticket(solved_ticket, answers_generator):
    before = Ticket.objects.values().get(pk=solved_ticket.pk)

    answers_generator(solved_ticket, csat_resolution=2)

    assert Ticket.objects.values().get(pk=solved_ticket.pk) == before


def test_a_closed_ticket_is_answerable(solved_ticket_generator, answers_generator):
    ticket = solved_ticket_generator(status=TicketStatus.CLOSED)

    answers = answers_generator(ticket, csat_agent=5)

    assert [a.score for a in answers] == [5]


def test_an_unassigned_ticket_is_answered_without_an_agent(
    solved_ticket_generator, answers_generator
):
    ticket = solved_ticket_generator(assignee=None)

    answers = answers_generator(ticket, csat_agent=1)

    assert answers[0].agent_id is None


@pytest.mark.parametrize(
    "status", [TicketStatus.NEW, TicketStatus.OPEN, TicketStatus.PENDING, TicketStatus.ON_HOLD]
)
def test_a_ticket_not_solved_is_not_answerable(ticket, agent, status):
    if status != TicketStatus.NEW:
        change_status(ticket, status, actor=Actor.user(agent.pk))

    _assert_refused(
        Ticket.objects.get(pk=ticket.pk),
        [AnswerInput(SurveyQuestion.CSAT_AGENT, 5)],
        SurveyErrorCode.NOT_ANSWERABLE,
        "ticket",
        "The survey opens once the ticket is solved.",
    )


def test_a_merged_ticket_is_not_answerable(solved_ticket_generator, ticket):
    merged = solved_ticket_generator(status=TicketStatus.CLOSED)
    Ticket.objects.filter(pk=merged.pk).update(merged_into=ticket)

    _assert_refused(
        Ticket.objects.get(pk=merged.pk),
        [AnswerInput(SurveyQuestion.NPS, 10)],
        SurveyErrorCode.NOT_ANSWERABLE,
        "ticket",
        "The survey opens once the ticket is solved.",
    )


def test_a_reopened_ticket_is_not_answerable_until_solved_again(
    solved_ticket, agent, answers_generator
):
    # given
    answers_generator(solved_ticket, csat_agent=2)
    reopened = change_status(solved_ticket, TicketStatus.OPEN, actor=Actor.user(agent.pk))

    # when
    refused = _refused(reopened, [AnswerInput(SurveyQuestion.NPS, 3)])
    solved = change_status(reopened, TicketStatus.SOLVED, actor=Actor.user(agent.pk))
    again = _refused(solved, [AnswerInput(SurveyQuestion.CSAT_AGENT, 5)])
    answers_generator(solved, nps=3)

    # then
    assert refused.code == SurveyErrorCode.NOT_ANSWERABLE
    assert (again.code, again.field) == (SurveyErrorCode.ALREADY_ANSWERED, "answers[0].question")
    assert sorted(SurveyAnswer.objects.values_list("question", "score")) == [
        ("csat_agent", 2),
        ("nps", 3),
    ]


def test_the_survey_closes_30_days_after_the_solve(solved_ticket_generator):
    # given
    solved_at = timezone.now() - timedelta(days=40)
    ticket = solved_ticket_generator(solved_at=solved_at)
    last_moment = solved_at + timedelta(days=30) - timedelta(microseconds=1)

    # when
    answer_survey(ticket, [AnswerInput("nps", 8)], actor=CUSTOMER, now=last_moment)
    error = _refused(ticket, [AnswerInput("csat_agent", 4)], now=solved_at + timedelta(days=30))

    # then
    assert (error.code, error.field, error.message) == (
        SurveyErrorCode.EXPIRED,
        "ticket",
        "The survey closed 30 days after the ticket was solved.",
    )
    assert list(SurveyAnswer.objects.values_list("question", flat=True)) == ["nps"]


def test_the_window_is_a_desk_setting(settings, solved_ticket_generator):
    settings.SUPPORT_DESK = {**settings.SUPPORT_DESK, "SURVEY_WINDOW_DAYS": 7}
    ticket = solved_ticket_generator(solved_at=timezone.now() - timedelta(days=8))

    _assert_refused(
        ticket,
        [AnswerInput("csat_agent", 4)],
        SurveyErrorCode.EXPIRED,
        "ticket",
        "The survey closed 7 days after the ticket was solved.",
    )


@pytest.mark.parametrize(
    ("question", "score", "message"),
    [
        ("csat_agent", 0, "The score must be from 1 to 5."),
        ("csat_agent", 6, "The score must be from 1 to 5."),
        ("csat_resolution", 0, "The score must be from 1 to 5."),
        ("nps", -1, "The score must be from 0 to 10."),
        ("nps", 11, "The score must be from 0 to 10."),
    ],
)
def test_a_score_outside_its_scale_is_refused_and_nothing_is_stored(
    solved_ticket, question, score, message
):
    _assert_refused(
        solved_ticket,
        [AnswerInput("csat_resolution", 5), AnswerInput(question, score)],
        SurveyErrorCode.OUT_OF_RANGE,
        "answers[1].score",
        message,
    )


@pytest.mark.parametrize(("question", "score"), [("csat_agent", 1), ("csat_agent", 5), ("nps", 0)])
def test_the_ends_of_each_scale_are_accepted(solved_ticket, answers_generator, question, score):
    answers = answers_generator(solved_ticket, **{question: score})

    assert [a.score for a in answers] == [score]


def test_a_question_twice_in_one_submission_is_refused(solved_ticket):
    _assert_refused(
        solved_ticket,
        [AnswerInput("nps", 9), AnswerInput("csat_agent", 4), AnswerInput("nps", 10)],
        SurveyErrorCode.DUPLICATE,
        "answers[2].question",
        "Each question can be answered once per submission.",
    )


def test_a_question_answered_before_refuses_the_whole_submission(solved_ticket, answers_generator):
    # given
    answers_generator(solved_ticket, csat_agent=3)
    before = list(SurveyAnswer.objects.values_list("pk", "question", "score"))
    events = _survey_events(solved_ticket)

    # when
    error = _refused(solved_ticket, [AnswerInput("nps", 10), AnswerInput("csat_agent", 5)])

    # then
    assert (error.code, error.field, error.message) == (
        SurveyErrorCode.ALREADY_ANSWERED,
        "answers[1].question",
        "This question was already answered.",
    )
    assert list(SurveyAnswer.objects.values_list("pk", "question", "score")) == before
    assert _survey_events(solved_ticket) == events


def test_no_answer_is_refused(solved_ticket):
    _assert_refused(
        solved_ticket, [], SurveyErrorCode.REQUIRED, "answers", "Answer at least one question."
    )


def test_an_unknown_question_is_refused(solved_ticket):
    _assert_refused(
        solved_ticket,
        [AnswerInput("effort", 3)],
        SurveyErrorCode.NOT_ANSWERABLE,
        "answers[0].question",
        "The survey has no question 'effort'.",
    )


def test_a_comment_has_at_most_2000_characters(solved_ticket, answers_generator):
    _assert_refused(
        solved_ticket,
        [AnswerInput("nps", 7, "x" * 2001)],
        SurveyErrorCode.TOO_LONG,
        "answers[0].comment",
        "A comment can have at most 2000 characters.",
    )

    answers = answers_generator(solved_ticket, nps=(7, "y" * 2000 + "   "))

    assert answers[0].comment_raw == "y" * 2000


def test_a_blank_comment_is_no_comment(solved_ticket, answers_generator):
    answers = answers_generator(solved_ticket, nps=(7, " \n\t "))

    assert (answers[0].comment_raw, answers[0].comment) == ("", "")


def test_before_saving_runs_once_only_for_valid_answers(solved_ticket):
    calls = []

    _refused(solved_ticket, [AnswerInput("nps", 12)], before_saving=lambda: calls.append(1))
    answer_survey(
        solved_ticket,
        [AnswerInput("nps", 10), AnswerInput("csat_agent", 5)],
        actor=CUSTOMER,
        before_saving=lambda: calls.append(2),
    )

    assert calls == [2]


def test_what_before_saving_raises_stores_nothing(solved_ticket):
    def refuse():
        raise SurveyError(SurveyErrorCode.TOO_MANY_REQUESTS, "Later.")

    _assert_refused(
        solved_ticket,
        [AnswerInput("nps", 10)],
        SurveyErrorCode.TOO_MANY_REQUESTS,
        None,
        "Later.",
        before_saving=refuse,
    )


def test_the_database_keeps_one_answer_per_question_and_scores_within_scale(
    solved_ticket, answers_generator
):
    answer = answers_generator(solved_ticket, csat_agent=4)[0]

    def insert(**values):
        row = {
            "ticket": solved_ticket,
            "question": "csat_agent",
            "score": 4,
            "category_id": answer.category_id,
            "channel": answer.channel,
            **values,
        }
        with pytest.raises(IntegrityError), transaction.atomic():
            SurveyAnswer.objects.create(**row)

    insert()
    insert(question="csat_resolution", score=6)
    insert(question="nps", score=11)

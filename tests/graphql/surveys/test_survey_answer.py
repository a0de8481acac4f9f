"""supportSurveyAnswer: the ticket's customer or guest answers, once per question, all or none."""

from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.utils import timezone

from saleor_support_plugin import ratelimit
from saleor_support_plugin.graphql.core.ids import to_global_id
from saleor_support_plugin.surveys.models import SurveyAnswer
from saleor_support_plugin.tickets import TicketEventType, TicketStatus
from saleor_support_plugin.tickets.access_tokens import issue_access_token
from saleor_support_plugin.tickets.actions import change_status
from saleor_support_plugin.tickets.actors import Actor
from saleor_support_plugin.tickets.models import TicketEvent
from tests.graphql.conftest import ApiClient

ANSWER = """
mutation Answer($ticket: ID!, $answers: [SupportSurveyAnswerInput!]!) {
  supportSurveyAnswer(ticket: $ticket, answers: $answers) {
    ticket { id number ... on CustomerTicket { survey { isOpen } } }
    survey {
      isOpen closesAt
      questions { question scaleMin scaleMax answered score comment }
    }
    errors { field code message }
  }
}
"""
NOT_FOUND = {
    "ticket": None,
    "survey": None,
    "errors": [{"field": "ticket", "code": "NOT_FOUND", "message": "Ticket not found."}],
}


def _gid(ticket):
    return to_global_id("SupportTicket", ticket.pk)


def _answer(client, ticket_id, answers):
    result = client.execute(ANSWER, {"ticket": ticket_id, "answers": answers})
    assert "errors" not in result, result
    return result["data"]["supportSurveyAnswer"]


def _stored():
    return sorted(SurveyAnswer.objects.values_list("ticket_id", "question", "score"))


def _survey_events():
    return TicketEvent.objects.filter(type=TicketEventType.SURVEY_ANSWERED).count()


def _refusal(code, field, message):
    return {
        "ticket": None,
        "survey": None,
        "errors": [{"field": field, "code": code, "message": message}],
    }


@pytest.fixture
def own_solved(solved_ticket_generator, customer_user):
    return solved_ticket_generator(email=customer_user.email, user_id=customer_user.pk)


def test_the_customer_answers_and_sees_the_survey_with_the_answers(
    customer_api_client, own_solved, customer_user
):
    # when
    payload = _answer(
        customer_api_client,
        _gid(own_solved),
        [
            {"question": "NPS", "score": 10, "comment": "Polecam <3"},
            {"question": "CSAT_RESOLUTION", "score": 4},
        ],
    )

    # then
    closes_at = own_solved.solved_at + timedelta(days=30)
    assert payload == {
        "ticket": {"id": _gid(own_solved), "number": own_solved.number, "survey": {"isOpen": True}},
        "survey": {
            "isOpen": True,
            "closesAt": closes_at.isoformat(),
            "questions": [
                {
                    "question": "CSAT_AGENT",
                    "scaleMin": 1,
                    "scaleMax": 5,
                    "answered": False,
                    "score": None,
                    "comment": None,
                },
                {
                    "question": "CSAT_RESOLUTION",
                    "scaleMin": 1,
                    "scaleMax": 5,
                    "answered": True,
                    "score": 4,
                    "comment": None,
                },
                {
                    "question": "NPS",
                    "scaleMin": 0,
                    "scaleMax": 10,
                    "answered": True,
                    "score": 10,
                    "comment": "<p>Polecam &lt;3</p>",
                },
            ],
        },
        "errors": [],
    }
    event = TicketEvent.objects.get(type=TicketEventType.SURVEY_ANSWERED)
    stored = list(SurveyAnswer.objects.order_by("pk"))
    assert (event.ticket_id, event.user_id, event.parameters) == (
        own_solved.pk,
        customer_user.pk,
        {
            "answers": [
                {"id": stored[0].pk, "question": "csat_resolution", "score": 4},
                {"id": stored[1].pk, "question": "nps", "score": 10},
            ]
        },
    )


def test_answering_every_question_closes_the_survey(customer_api_client, own_solved):
    payload = _answer(
        customer_api_client,
        _gid(own_solved),
        [
            {"question": "CSAT_AGENT", "score": 3},
            {"question": "CSAT_RESOLUTION", "score": 1},
            {"question": "NPS", "score": 0},
        ],
    )

    assert payload["survey"]["isOpen"] is False
    assert [q["score"] for q in payload["survey"]["questions"]] == [3, 1, 0]


def test_a_guest_answers_with_the_ticket_s_access_token(solved_ticket):
    guest = ApiClient(Client(), issue_access_token(solved_ticket))

    payload = _answer(guest, _gid(solved_ticket), [{"question": "CSAT_AGENT", "score": 2}])

    assert payload["errors"] == []
    assert _stored() == [(solved_ticket.pk, "csat_agent", 2)]
    assert TicketEvent.objects.get(type=TicketEventType.SURVEY_ANSWERED).user_id is None


def test_another_customer_s_ticket_is_not_found_like_a_missing_one(api_client_for, own_solved):
    # given
    stranger = get_user_model().objects.create_user(
        username="zofia", email="zofia.nowak@example.com", password="x"
    )
    client = api_client_for(stranger)
    answers = [{"question": "NPS", "score": 0}]

    # when
    theirs = _answer(client, _gid(own_solved), answers)
    missing = _answer(client, to_global_id("SupportTicket", own_solved.pk + 1000), answers)
    garbage = _answer(client, "not-an-id", answers)

    # then
    assert theirs == missing == garbage == NOT_FOUND
    assert _stored() == []
    assert _survey_events() == 0


def test_a_guest_token_opens_only_its_own_ticket(solved_ticket_generator, api_client):
    # given
    mine = solved_ticket_generator(email="maryam@example.com")
    other = solved_ticket_generator(email="jan@example.com")
    guest = ApiClient(Client(), issue_access_token(mine))
    answers = [{"question": "CSAT_AGENT", "score": 5}]

    # when
    refused = _answer(guest, _gid(other), answers)
    anonymous = _answer(api_client, _gid(other), answers)

    # then
    assert refused == anonymous == NOT_FOUND
    assert _stored() == []


def test_agents_read_answers_but_cannot_give_them(staff_api_client, solved_ticket):
    result = staff_api_client.execute(
        ANSWER, {"ticket": _gid(solved_ticket), "answers": [{"question": "NPS", "score": 10}]}
    )

    assert result == {
        "data": {"supportSurveyAnswer": None},
        "errors": [
            {
                "message": "Only the ticket's customer answers its survey.",
                "locations": [{"line": 3, "column": 3}],
                "path": ["supportSurveyAnswer"],
                "extensions": {"exception": {"code": "PERMISSION_DENIED"}},
            }
        ],
    }
    assert _stored() == []


@pytest.mark.parametrize("status", [TicketStatus.NEW, TicketStatus.PENDING])
def test_a_ticket_not_solved_is_not_answerable(
    customer_api_client, ticket_generator, customer_user, agent, status
):
    ticket = ticket_generator(email=customer_user.email, user_id=customer_user.pk)
    if status != TicketStatus.NEW:
        ticket = change_status(ticket, status, actor=Actor.user(agent.pk))

    payload = _answer(customer_api_client, _gid(ticket), [{"question": "NPS", "score": 5}])

    assert payload == _refusal(
        "NOT_ANSWERABLE", "ticket", "The survey opens once the ticket is solved."
    )
    assert _stored() == []


def test_an_expired_survey_is_refused(customer_api_client, solved_ticket_generator, customer_user):
    ticket = solved_ticket_generator(
        email=customer_user.email,
        user_id=customer_user.pk,
        solved_at=timezone.now() - timedelta(days=31),
    )

    payload = _answer(customer_api_client, _gid(ticket), [{"question": "NPS", "score": 5}])

    assert payload == _refusal(
        "EXPIRED", "ticket", "The survey closed 30 days after the ticket was solved."
    )
    assert _stored() == []


@pytest.mark.parametrize(
    ("answers", "expected"),
    [
        (
            [{"question": "CSAT_AGENT", "score": 4}, {"question": "NPS", "score": 11}],
            ("OUT_OF_RANGE", "answers[1].score", "The score must be from 0 to 10."),
        ),
        (
            [{"question": "CSAT_RESOLUTION", "score": 0}],
            ("OUT_OF_RANGE", "answers[0].score", "The score must be from 1 to 5."),
        ),
        (
            [{"question": "NPS", "score": 3}, {"question": "NPS", "score": 4}],
            (
                "DUPLICATE",
                "answers[1].question",
                "Each question can be answered once per submission.",
            ),
        ),
        (
            [{"question": "NPS", "score": 3, "comment": "z" * 2001}],
            ("TOO_LONG", "answers[0].comment", "A comment can have at most 2000 characters."),
        ),
        ([], ("REQUIRED", "answers", "Answer at least one question.")),
    ],
)
def test_bad_answers_are_named_and_nothing_is_stored(
    customer_api_client, own_solved, answers, expected
):
    payload = _answer(customer_api_client, _gid(own_solved), answers)

    assert payload == _refusal(*expected)
    assert _stored() == []
    assert _survey_events() == 0


def test_a_question_answered_before_refuses_the_whole_submission(customer_api_client, own_solved):
    # given
    _answer(customer_api_client, _gid(own_solved), [{"question": "CSAT_AGENT", "score": 5}])

    # when
    payload = _answer(
        customer_api_client,
        _gid(own_solved),
        [{"question": "NPS", "score": 8}, {"question": "CSAT_AGENT", "score": 1}],
    )

    # then
    assert payload == _refusal(
        "ALREADY_ANSWERED", "answers[1].question", "This question was already answered."
    )
    assert _stored() == [(own_solved.pk, "csat_agent", 5)]
    assert _survey_events() == 1


def test_submissions_are_limited_per_address_and_refused_ones_use_no_budget(
    settings, customer_api_client, solved_ticket_generator, customer_user
):
    # given
    settings.SUPPORT_DESK = {
        **settings.SUPPORT_DESK,
        "RATE_LIMITS": {ratelimit.SURVEY_SUBMIT_IP_MINUTE: (2, 60)},
    }
    tickets = [
        solved_ticket_generator(email=customer_user.email, user_id=customer_user.pk)
        for _ in range(3)
    ]

    # when
    bad = _answer(customer_api_client, _gid(tickets[0]), [{"question": "NPS", "score": 99}])
    first = _answer(customer_api_client, _gid(tickets[0]), [{"question": "NPS", "score": 9}])
    second = _answer(customer_api_client, _gid(tickets[1]), [{"question": "NPS", "score": 9}])
    third = _answer(customer_api_client, _gid(tickets[2]), [{"question": "NPS", "score": 9}])

    # then
    assert bad["errors"][0]["code"] == "OUT_OF_RANGE"
    assert first["errors"] == second["errors"] == []
    assert third["survey"] is None
    assert [(e["field"], e["code"]) for e in third["errors"]] == [(None, "TOO_MANY_REQUESTS")]
    assert third["errors"][0]["message"].startswith("Too many requests: try again in ")
    assert _stored() == [(tickets[0].pk, "nps", 9), (tickets[1].pk, "nps", 9)]

"""What agents read of surveys (the ticket's answers, the customer's satisfaction) and
what the customer reads (the ticket's survey), in a fixed number of statements."""

from datetime import timedelta

import pytest
from django.utils import timezone

from saleor_support_plugin.graphql.core.ids import to_global_id
from saleor_support_plugin.surveys.actions import redact_customer_comments
from saleor_support_plugin.tickets.actors import Actor
from saleor_support_plugin.tickets.erasure import anonymise_customer
from tests.query_counts import assert_statements

SATISFACTION = """
customerSatisfaction {
  responses csatAgent csatResolution
  nps { latestScore latestAnsweredAt count }
  recent { question score comment ticketId ticketNumber createdAt }
}
"""
DETAIL = (
    """
query One($id: ID!) {
  supportTicket(id: $id) {
    ... on StaffTicket {
      surveyAnswers {
        id question score scaleMin scaleMax comment isRedacted
        agent { email } ticketId ticketNumber createdAt
      }
"""
    + SATISFACTION
    + """
    }
  }
}
"""
)
CUSTOMER_SURVEY = """
query One($id: ID!) {
  supportTicket(id: $id) {
    ... on CustomerTicket { survey { isOpen closesAt questions { question answered score } } }
  }
}
"""


def _gid(ticket):
    return to_global_id("SupportTicket", ticket.pk)


def _detail(client, ticket):
    result = client.execute(DETAIL, {"id": _gid(ticket)})
    assert "errors" not in result, result
    return result["data"]["supportTicket"]


@pytest.fixture
def history(solved_ticket_generator, answers_generator, customer_user):
    """Three surveys of the customer over three days; the last ticket is the one shown."""
    start = timezone.now() - timedelta(days=3)
    tickets = [
        solved_ticket_generator(email=customer_user.email, user_id=customer_user.pk)
        for _ in range(3)
    ]
    answers_generator(tickets[0], at=start, csat_agent=2, csat_resolution=1, nps=(4, "Wolno"))
    answers_generator(tickets[1], at=start + timedelta(days=1), csat_agent=5, nps=8)
    answers_generator(
        tickets[2], at=start + timedelta(days=2), csat_agent=(4, "Merci"), csat_resolution=5
    )
    return tickets


def test_the_agent_sees_the_ticket_s_answers_and_the_customer_s_satisfaction(
    staff_api_client, history, agent
):
    # when
    detail = _detail(staff_api_client, history[2])

    # then
    answers = list(history[2].survey_answers.order_by("pk"))
    at = answers[0].created_at.isoformat()
    assert detail["surveyAnswers"] == [
        {
            "id": to_global_id("SupportSurveyAnswer", answers[0].pk),
            "question": "CSAT_AGENT",
            "score": 4,
            "scaleMin": 1,
            "scaleMax": 5,
            "comment": "<p>Merci</p>",
            "isRedacted": False,
            "agent": {"email": agent.email},
            "ticketId": _gid(history[2]),
            "ticketNumber": history[2].number,
            "createdAt": at,
        },
        {
            "id": to_global_id("SupportSurveyAnswer", answers[1].pk),
            "question": "CSAT_RESOLUTION",
            "score": 5,
            "scaleMin": 1,
            "scaleMax": 5,
            "comment": None,
            "isRedacted": False,
            "agent": {"email": agent.email},
            "ticketId": _gid(history[2]),
            "ticketNumber": history[2].number,
            "createdAt": at,
        },
    ]
    first_day, second_day = (
        history[0].survey_answers.first().created_at.isoformat(),
        history[1].survey_answers.first().created_at.isoformat(),
    )

    def recent(ticket, question, score, comment, created_at):
        return {
            "question": question,
            "score": score,
            "comment": comment,
            "ticketId": _gid(ticket),
            "ticketNumber": ticket.number,
            "createdAt": created_at,
        }

    assert detail["customerSatisfaction"] == {
        "responses": 3,
        "csatAgent": 66.7,
        "csatResolution": 50.0,
        "nps": {"latestScore": 8, "latestAnsweredAt": second_day, "count": 2},
        "recent": [
            recent(history[2], "CSAT_AGENT", 4, "<p>Merci</p>", at),
            recent(history[2], "CSAT_RESOLUTION", 5, None, at),
            recent(history[1], "CSAT_AGENT", 5, None, second_day),
            recent(history[1], "NPS", 8, None, second_day),
            recent(history[0], "CSAT_AGENT", 2, None, first_day),
        ],
    }


def test_a_customer_without_answers_has_an_empty_satisfaction(staff_api_client, solved_ticket):
    detail = _detail(staff_api_client, solved_ticket)

    assert detail == {
        "surveyAnswers": [],
        "customerSatisfaction": {
            "responses": 0,
            "csatAgent": None,
            "csatResolution": None,
            "nps": None,
            "recent": [],
        },
    }


def test_a_guest_s_satisfaction_is_found_by_e_mail(
    staff_api_client, solved_ticket_generator, answers_generator
):
    earlier = solved_ticket_generator(email="maryam.ahmadi@example.com")
    answers_generator(earlier, csat_resolution=(2, "بسته دیر رسید"))
    shown = solved_ticket_generator(email="maryam.ahmadi@example.com")

    satisfaction = _detail(staff_api_client, shown)["customerSatisfaction"]

    assert (satisfaction["responses"], satisfaction["csatResolution"]) == (1, 0.0)
    assert [r["comment"] for r in satisfaction["recent"]] == ["<p>بسته دیر رسید</p>"]


def test_an_erased_customer_has_no_satisfaction_and_their_comments_are_gone(
    staff_api_client, history, customer_user
):
    # when
    redact_customer_comments(user_id=customer_user.pk, email=customer_user.email)
    anonymise_customer(user_id=customer_user.pk, email=customer_user.email, actor=Actor.system())
    detail = _detail(staff_api_client, history[2])

    # then
    assert detail["customerSatisfaction"] is None
    assert [(a["score"], a["comment"], a["isRedacted"]) for a in detail["surveyAnswers"]] == [
        (4, "<p>[removed at the customer's request]</p>", True),
        (5, None, False),
    ]


def test_the_customer_reads_the_ticket_s_survey(
    customer_api_client, history, ticket_generator, customer_user
):
    open_ticket = ticket_generator(email=customer_user.email, user_id=customer_user.pk)

    answered = customer_api_client.execute(CUSTOMER_SURVEY, {"id": _gid(history[1])})
    unsolved = customer_api_client.execute(CUSTOMER_SURVEY, {"id": _gid(open_ticket)})

    assert answered["data"]["supportTicket"]["survey"] == {
        "isOpen": True,
        "closesAt": (history[1].solved_at + timedelta(days=30)).isoformat(),
        "questions": [
            {"question": "CSAT_AGENT", "answered": True, "score": 5},
            {"question": "CSAT_RESOLUTION", "answered": False, "score": None},
            {"question": "NPS", "answered": True, "score": 8},
        ],
    }
    assert unsolved["data"]["supportTicket"]["survey"] == {
        "isOpen": False,
        "closesAt": None,
        "questions": [
            {"question": "CSAT_AGENT", "answered": False, "score": None},
            {"question": "CSAT_RESOLUTION", "answered": False, "score": None},
            {"question": "NPS", "answered": False, "score": None},
        ],
    }


def test_the_survey_types_show_customers_only_their_own_answers(api_client):
    result = api_client.execute(
        """{ s: __type(name: "SupportTicketSurvey") { fields { name } }
             q: __type(name: "SupportTicketSurveyQuestion") { fields { name } } }"""
    )["data"]

    assert sorted(f["name"] for f in result["s"]["fields"]) == ["closesAt", "isOpen", "questions"]
    assert sorted(f["name"] for f in result["q"]["fields"]) == [
        "answered",
        "comment",
        "question",
        "scaleMax",
        "scaleMin",
        "score",
    ]


DETAIL_STATEMENTS = 6
"""The token's user, the ticket, then at once: the ticket's answers, the customer's answer
counts and latest answers, and the agents who took the answers."""


@pytest.mark.parametrize("surveys", [1, 12])
def test_the_detail_costs_the_same_statements_for_1_and_many_answers(
    staff_api_client,
    solved_ticket_generator,
    answers_generator,
    customer_user,
    agent,
    second_agent,
    surveys,
):
    # given
    tickets = [
        solved_ticket_generator(
            email=customer_user.email,
            user_id=customer_user.pk,
            assignee=second_agent if index % 2 else agent,
        )
        for index in range(surveys)
    ]
    for ticket in tickets:
        answers_generator(ticket, csat_agent=(4, "Ok"), csat_resolution=3, nps=7)

    # when
    with assert_statements(DETAIL_STATEMENTS):
        detail = _detail(staff_api_client, tickets[-1])

    # then
    assert len(detail["surveyAnswers"]) == 3
    assert detail["customerSatisfaction"]["responses"] == surveys


LIST_STATEMENTS = 5
"""The token's user, one page of tickets, then at once for the page: the tickets' answers
and the customers' answer counts and latest answers."""


@pytest.mark.parametrize("number_of_tickets", [2, 40])
def test_a_page_of_tickets_costs_the_same_statements_for_few_and_many(
    staff_api_client, solved_ticket_generator, answers_generator, customer_user, number_of_tickets
):
    # given
    for index in range(number_of_tickets):
        if index % 2:
            ticket = solved_ticket_generator(email=f"guest{index}@example.com")
        else:
            ticket = solved_ticket_generator(email=customer_user.email, user_id=customer_user.pk)
        answers_generator(ticket, csat_agent=5, nps=10)
    query = (
        "{ supportTickets(first: 50) { edges { node { ... on StaffTicket {"
        " surveyAnswers { question score } " + SATISFACTION + " } } } } }"
    )

    # when
    with assert_statements(LIST_STATEMENTS):
        result = staff_api_client.execute(query)

    # then
    edges = result["data"]["supportTickets"]["edges"]
    assert len(edges) == number_of_tickets
    assert {e["node"]["customerSatisfaction"]["csatAgent"] for e in edges} == {100.0}


CUSTOMER_LIST_STATEMENTS = 3
"""The token's user, one page of the customer's tickets, their survey answers."""


@pytest.mark.parametrize("number_of_tickets", [1, 20])
def test_the_customer_s_surveys_cost_the_same_statements_for_1_and_20_tickets(
    customer_api_client,
    solved_ticket_generator,
    answers_generator,
    customer_user,
    number_of_tickets,
):
    # given
    for _ in range(number_of_tickets):
        ticket = solved_ticket_generator(email=customer_user.email, user_id=customer_user.pk)
        answers_generator(ticket, nps=9)
    query = """{ supportTickets(first: 20) { edges { node {
        ... on CustomerTicket { survey { isOpen closesAt questions { question score } } } } } } }"""

    # when
    with assert_statements(CUSTOMER_LIST_STATEMENTS):
        result = customer_api_client.execute(query)

    # then
    assert len(result["data"]["supportTickets"]["edges"]) == number_of_tickets

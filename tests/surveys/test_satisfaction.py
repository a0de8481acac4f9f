"""A customer's satisfaction for agents: CSAT shares, latest NPS, latest answers."""

from datetime import timedelta

import pytest
from django.utils import timezone

from saleor_support_plugin.surveys.satisfaction import (
    CustomerSatisfaction,
    percentage,
    satisfaction_of_customers,
)
from saleor_support_plugin.tickets.models import Ticket


@pytest.mark.parametrize(
    ("part", "whole", "expected"),
    [
        (2, 3, 66.7),
        (1, 3, 33.3),
        (1, 16, 6.3),
        (1, 8, 12.5),
        (0, 4, 0.0),
        (4, 4, 100.0),
        (0, 0, None),
    ],
)
def test_percentages_are_rounded_half_up_to_one_decimal(part, whole, expected):
    assert percentage(part, whole) == expected


def _summary(found: CustomerSatisfaction):
    return {
        "responses": found.responses,
        "csat_agent": found.csat_agent,
        "csat_resolution": found.csat_resolution,
        "nps_count": found.nps_count,
        "latest_nps": found.latest_nps.score if found.latest_nps else None,
        "recent": [(a.ticket_id, a.question, a.score) for a in found.recent],
    }


def test_an_account_s_answers_are_summed_up(
    solved_ticket_generator, answers_generator, customer_user
):
    # given
    start = timezone.now() - timedelta(days=3)
    tickets = [
        solved_ticket_generator(email=customer_user.email, user_id=customer_user.pk)
        for _ in range(4)
    ]
    answers_generator(tickets[0], at=start, csat_agent=5, csat_resolution=2, nps=6)
    answers_generator(tickets[1], at=start + timedelta(hours=1), csat_agent=4, nps=(9, "Super"))
    answers_generator(tickets[2], at=start + timedelta(hours=2), csat_agent=2, csat_resolution=5)
    answers_generator(tickets[3], at=start + timedelta(hours=3), csat_resolution=3)
    others = solved_ticket_generator(email="someone@example.com")
    answers_generator(others, csat_agent=1, nps=0)

    # when
    found = satisfaction_of_customers(Ticket.objects.all(), [(customer_user.pk, "")])

    # then
    numbers = [t.pk for t in tickets]
    assert _summary(found[(customer_user.pk, "")]) == {
        "responses": 4,
        "csat_agent": 66.7,
        "csat_resolution": 33.3,
        "nps_count": 2,
        "latest_nps": 9,
        "recent": [
            (numbers[3], "csat_resolution", 3),
            (numbers[2], "csat_agent", 2),
            (numbers[2], "csat_resolution", 5),
            (numbers[1], "csat_agent", 4),
            (numbers[1], "nps", 9),
        ],
    }


def test_the_latest_nps_is_found_beyond_the_recent_answers(
    solved_ticket_generator, answers_generator
):
    # given
    start = timezone.now() - timedelta(days=3)
    first = solved_ticket_generator(email="maryam@example.com")
    answers_generator(first, at=start, nps=(10, "عالی"))
    for hours in range(1, 4):
        ticket = solved_ticket_generator(email="maryam@example.com")
        answers_generator(
            ticket, at=start + timedelta(hours=hours), csat_agent=5, csat_resolution=4
        )

    # when
    found = satisfaction_of_customers(Ticket.objects.all(), [(None, "maryam@example.com")])

    # then
    summary = found[(None, "maryam@example.com")]
    assert (summary.responses, summary.csat_agent, summary.csat_resolution) == (4, 100.0, 100.0)
    assert summary.latest_nps is not None
    assert (summary.nps_count, summary.latest_nps.score) == (1, 10)
    assert summary.latest_nps.comment == "<p>عالی</p>"
    assert len(summary.recent) == 5
    assert "nps" not in [a.question for a in summary.recent]


def test_a_guest_s_answers_are_theirs_by_e_mail_on_tickets_without_an_account(
    solved_ticket_generator, answers_generator, customer_user
):
    # given
    as_guest = solved_ticket_generator(email=customer_user.email)
    signed_in = solved_ticket_generator(email=customer_user.email, user_id=customer_user.pk)
    answers_generator(as_guest, csat_agent=1)
    answers_generator(signed_in, csat_agent=5)

    # when
    found = satisfaction_of_customers(
        Ticket.objects.all(), [(None, customer_user.email), (customer_user.pk, "")]
    )

    # then
    assert found[(None, customer_user.email)].csat_agent == 0.0
    assert found[(customer_user.pk, "")].csat_agent == 100.0


def test_only_the_reader_s_tickets_count(solved_ticket_generator, answers_generator):
    # given
    seen = solved_ticket_generator(email="jan@example.com")
    hidden = solved_ticket_generator(email="jan@example.com")
    answers_generator(seen, csat_agent=5)
    answers_generator(hidden, csat_agent=1, nps=2)

    # when
    found = satisfaction_of_customers(
        Ticket.objects.exclude(pk=hidden.pk), [(None, "jan@example.com")]
    )

    # then
    assert _summary(found[(None, "jan@example.com")]) == {
        "responses": 1,
        "csat_agent": 100.0,
        "csat_resolution": None,
        "nps_count": 0,
        "latest_nps": None,
        "recent": [(seen.pk, "csat_agent", 5)],
    }


def test_customers_without_answers_are_left_out(solved_ticket, django_assert_num_queries):
    with django_assert_num_queries(1):
        found = satisfaction_of_customers(
            Ticket.objects.all(), [(None, solved_ticket.customer_email)]
        )

    assert found == {}
    assert satisfaction_of_customers(Ticket.objects.all(), []) == {}

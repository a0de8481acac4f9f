"""Survey fixtures: solved tickets and answers, created through the actions."""

from collections.abc import Callable
from datetime import datetime
from typing import Any

import pytest

from saleor_support_plugin.surveys.actions import AnswerInput, answer_survey
from saleor_support_plugin.surveys.models import SurveyAnswer
from saleor_support_plugin.tickets import TicketChannel, TicketStatus
from saleor_support_plugin.tickets.actions import assign_ticket, change_status
from saleor_support_plugin.tickets.actors import Actor
from saleor_support_plugin.tickets.models import Ticket


@pytest.fixture
def solved_ticket_generator(
    ticket_generator: Callable[..., Ticket], agent: Any
) -> Callable[..., Ticket]:
    """Open a ticket, give it to ``agent`` (or nobody) and solve it (then close it if asked)."""

    def create(
        *,
        email: str = "jan.kowalski@example.com",
        user_id: int | None = None,
        status: str = TicketStatus.SOLVED,
        solved_at: datetime | None = None,
        assignee: Any = agent,
        category: str = "delivery",
        channel: str = TicketChannel.WEB,
    ) -> Ticket:
        ticket = ticket_generator(email=email, user_id=user_id, category=category, channel=channel)
        actor = Actor.user(agent.pk)
        if assignee is not None:
            ticket = assign_ticket(ticket, assignee.pk, actor=actor)
        ticket = change_status(ticket, TicketStatus.SOLVED, actor=actor, now=solved_at)
        if status == TicketStatus.CLOSED:
            change_status(ticket, TicketStatus.CLOSED, actor=actor, now=solved_at)
        return Ticket.objects.get(pk=ticket.pk)

    return create


@pytest.fixture
def solved_ticket(solved_ticket_generator: Callable[..., Ticket]) -> Ticket:
    return solved_ticket_generator()


@pytest.fixture
def answers_generator() -> Callable[..., list[SurveyAnswer]]:
    """Answer a ticket's survey as its customer: ``question=score`` or ``(score, comment)``."""

    def create(ticket: Ticket, *, at: datetime | None = None, **scores: Any) -> list[SurveyAnswer]:
        answers = [
            AnswerInput(question, *(value if isinstance(value, tuple) else (value,)))
            for question, value in scores.items()
        ]
        return answer_survey(ticket, answers, actor=Actor(user_id=ticket.customer_user_id), now=at)

    return create

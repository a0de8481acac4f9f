"""The sandbox's customers answer surveys of solved tickets, the same way for the same seed."""

from collections import Counter

from django.core.management import call_command

from saleor_support_plugin.surveys.models import SurveyAnswer
from saleor_support_plugin.tickets import TicketEventType, TicketStatus
from saleor_support_plugin.tickets.models import TicketEvent
from tests.test_sandbox_simulate import committing_store

__all__ = ["committing_store"]


def test_a_seeded_simulation_has_the_same_survey_answers(committing_store):
    # when
    call_command("simulate_store", days=4, orders_per_day=10, seed=7, quiet=True)

    # then
    answers = list(SurveyAnswer.objects.order_by("pk"))
    assert Counter(a.question for a in answers) == {"csat_agent": 8, "csat_resolution": 6, "nps": 2}
    assert Counter(a.score for a in answers) == {4: 6, 5: 4, 2: 2, 3: 1, 1: 1, 10: 1, 8: 1}
    assert sum(bool(a.comment_raw) for a in answers) == 5
    solves = TicketEvent.objects.filter(
        type=TicketEventType.STATUS_CHANGED, parameters__new=TicketStatus.SOLVED
    )
    for answer in answers:
        assert solves.filter(ticket_id=answer.ticket_id, created_at__lt=answer.created_at).exists()
    assert TicketEvent.objects.filter(type=TicketEventType.SURVEY_ANSWERED).count() == len(
        {a.ticket_id for a in answers}
    )

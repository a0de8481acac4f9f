from collections import defaultdict
from collections.abc import Sequence

from django.db.models import F

from ...surveys.models import SurveyAnswer
from ...surveys.satisfaction import CustomerRef, CustomerSatisfaction, satisfaction_of_customers
from ...tickets.access import tickets_visible_to
from ..core.dataloaders import DataLoader


class SurveyAnswersByTicketLoader(DataLoader[int, list[SurveyAnswer]]):
    """The survey answers of each ticket, in question order, in one query."""

    context_key = "support_survey_answers_by_ticket"

    def batch_load(self, keys: Sequence[int]) -> list[list[SurveyAnswer]]:
        found: dict[int, list[SurveyAnswer]] = defaultdict(list)
        answers = (
            SurveyAnswer.objects.filter(ticket_id__in=keys)
            .annotate(ticket_number=F("ticket__number"))
            .order_by("created_at", "id")
        )
        for answer in answers:
            found[answer.ticket_id].append(answer)
        return [found[key] for key in keys]


class SatisfactionByCustomerLoader(DataLoader[CustomerRef, CustomerSatisfaction]):
    """Each customer's survey answers on the tickets the requestor may see, in two queries."""

    context_key = "support_satisfaction_by_customer"

    def batch_load(self, keys: Sequence[CustomerRef]) -> list[CustomerSatisfaction]:
        found = satisfaction_of_customers(tickets_visible_to(self.context.requestor), keys)
        return [found.get(key, CustomerSatisfaction()) for key in keys]

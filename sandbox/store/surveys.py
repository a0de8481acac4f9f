"""Demo customers answering the satisfaction survey of some solved tickets.

The answers come from a random source of their own, so the rest of a seeded simulation
(orders, tickets, agents' work) is the same with or without them.
"""

import random
from datetime import datetime, timedelta

from saleor_support_plugin.surveys import SurveyQuestion
from saleor_support_plugin.surveys.actions import AnswerInput, answer_survey
from saleor_support_plugin.surveys.error_codes import SurveyError
from saleor_support_plugin.tickets.actors import Actor
from saleor_support_plugin.tickets.models import Ticket

ANSWER_SHARE = 0.45
"""Share of solved tickets whose customer answers the survey."""
ANSWER_AFTER_HOURS = (0.5, 30.0)
"""How long after the solve a customer answers, at the soonest and the latest."""
COMMENT_SHARE = 0.4

MOODS = (
    # name, weight, CSAT agent, CSAT resolution, NPS (score ranges, both ends included)
    ("happy", 65, (4, 5), (3, 5), (8, 10)),
    ("mixed", 25, (3, 5), (1, 3), (5, 8)),
    ("unhappy", 10, (1, 2), (1, 2), (0, 4)),
)

COMMENTS: dict[str, dict[str, tuple[str, ...]]] = {
    "ro": {
        "happy": (
            "Mulțumesc pentru ajutorul rapid!",
            "Totul s-a rezolvat, sunteți minunați.",
            "Agentul a fost foarte amabil și clar.",
        ),
        "mixed": (
            "Agentul a fost de ajutor, dar coletul a întârziat.",
            "Problema s-a rezolvat, dar a durat prea mult.",
        ),
        "unhappy": ("Încă aștept banii înapoi.", "Nimeni nu mi-a răspuns la timp."),
    },
    "pl": {
        "happy": (
            "Dziękuję za szybką pomoc!",
            "Wszystko załatwione, świetna obsługa.",
            "Bardzo miła i kompetentna konsultantka.",
        ),
        "mixed": (
            "Obsługa w porządku, ale paczka przyszła spóźniona.",
            "Sprawa załatwiona, ale trwało to za długo.",
        ),
        "unhappy": ("Nadal czekam na zwrot pieniędzy.", "Nikt nie odpowiedział mi na czas."),
    },
    "fa": {
        "happy": (
            "از کمک سریع شما ممنونم!",
            "همه چیز درست شد، پشتیبانی عالی بود.",
            "کارشناس بسیار مؤدب و دقیق بود.",
        ),
        "mixed": ("پشتیبانی خوب بود، اما بسته دیر رسید.", "مشکل حل شد، ولی خیلی طول کشید."),
        "unhappy": ("هنوز منتظر بازگشت پولم هستم.", "کسی به موقع جوابم را نداد."),
    },
    "en": {
        "happy": (
            "Thanks for the quick help!",
            "All sorted, great service.",
            "The agent was very kind and clear.",
        ),
        "mixed": (
            "Helpful agent, but the parcel came late.",
            "Solved in the end, but it took too long.",
        ),
        "unhappy": ("Still waiting for my refund.", "Nobody answered me in time."),
    },
}


class SurveyTaker:
    """Decides which customers answer their ticket's survey, when, and what they say."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng

    def delay(self) -> timedelta | None:
        """Return how long after a solve its customer answers, or ``None`` if they do not."""
        if self.rng.random() >= ANSWER_SHARE:
            return None
        return timedelta(hours=self.rng.uniform(*ANSWER_AFTER_HOURS))

    def answer(self, ticket_id: int, at: datetime) -> int:
        """Answer the ticket's survey as its customer; return how many questions were answered.

        Nothing is answered when the survey is not open any more (the ticket was reopened
        meanwhile) or the customer's data was erased.
        """
        ticket = Ticket.objects.get(pk=ticket_id)
        if ticket.anonymised_at is not None or not ticket.customer_email:
            return 0
        mood, _, agent, resolution, nps = self.rng.choices(MOODS, [m[1] for m in MOODS])[0]
        answers = [AnswerInput(SurveyQuestion.CSAT_AGENT, self.rng.randint(*agent))]
        if self.rng.random() < 0.8:
            answers.append(
                AnswerInput(SurveyQuestion.CSAT_RESOLUTION, self.rng.randint(*resolution))
            )
        if self.rng.random() < 0.6:
            answers.append(AnswerInput(SurveyQuestion.NPS, self.rng.randint(*nps)))
        if self.rng.random() < COMMENT_SHARE:
            texts = COMMENTS.get(ticket.language_code, COMMENTS["en"])[mood]
            first = answers[0]
            answers[0] = AnswerInput(first.question, first.score, self.rng.choice(texts))
        try:
            answer_survey(ticket, answers, actor=Actor(user_id=ticket.customer_user_id), now=at)
        except SurveyError:
            return 0
        return len(answers)

"""Satisfaction surveys: what a customer thinks of the help they got on a solved ticket.

A ticket's survey opens when the ticket is solved (or closed) and stays open for the desk's
survey window (``SUPPORT_DESK['SURVEY_WINDOW_DAYS']``, 30 days) after the last solve. Each
question is answered at most once per ticket.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Scale:
    """The scores a question takes, both ends included."""

    minimum: int
    maximum: int

    def __contains__(self, score: object) -> bool:
        return isinstance(score, int) and self.minimum <= score <= self.maximum


class SurveyQuestion:
    CSAT_AGENT = "csat_agent"  # 1-5: how well the agent helped
    CSAT_RESOLUTION = "csat_resolution"  # 1-5: the outcome (product, delivery), not the agent
    NPS = "nps"  # 0-10: how likely the customer is to recommend the shop

    CHOICES = [
        (CSAT_AGENT, "CSAT agent"),
        (CSAT_RESOLUTION, "CSAT resolution"),
        (NPS, "NPS"),
    ]

    ORDER = (CSAT_AGENT, CSAT_RESOLUTION, NPS)
    """The order questions are asked and listed in."""

    SCALES: dict[str, Scale] = {
        CSAT_AGENT: Scale(1, 5),
        CSAT_RESOLUTION: Scale(1, 5),
        NPS: Scale(0, 10),
    }

    CSAT = frozenset({CSAT_AGENT, CSAT_RESOLUTION})
    """The 1-5 satisfaction questions; 4 and 5 count as satisfied."""


CSAT_SATISFIED_FROM = 4
"""A CSAT score of at least this is a satisfied answer (4 or 5 on 1-5)."""

import operator
from functools import reduce

from django.conf import settings
from django.db import models
from django.utils import timezone

from ..tickets import TicketChannel
from ..tickets.models import Ticket, TicketCategory
from . import SurveyQuestion


def _scale_check() -> models.Q:
    """Each question's score within its scale, as a database rule."""
    return reduce(
        operator.or_,
        (
            models.Q(question=question, score__gte=scale.minimum, score__lte=scale.maximum)
            for question, scale in SurveyQuestion.SCALES.items()
        ),
    )


class SurveyAnswer(models.Model):
    """A customer's answer to one survey question about one ticket; given once, never edited.

    What the ticket was when answered (its agent, category and channel) is kept beside the
    score, so reports group answers as they were, whatever happens to the ticket later.
    """

    ticket = models.ForeignKey(Ticket, on_delete=models.CASCADE, related_name="survey_answers")
    question = models.CharField(max_length=32, choices=SurveyQuestion.CHOICES)
    score = models.SmallIntegerField()
    comment_raw = models.TextField(blank=True, default="")
    """What the customer wrote, kept for audits; never rendered."""
    comment = models.TextField(blank=True, default="")
    """The comment as escaped HTML paragraphs, as customers' messages are shown; may be empty."""
    agent = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    """The ticket's assignee when the customer answered (the agent who solved it)."""
    category = models.ForeignKey(TicketCategory, on_delete=models.PROTECT, related_name="+")
    channel = models.CharField(max_length=16, choices=TicketChannel.CHOICES)
    created_at = models.DateTimeField(default=timezone.now)
    redacted_at = models.DateTimeField(null=True, blank=True)
    """When the comment was removed at the customer's request; the score stays."""

    class Meta:
        db_table = "support_survey_answer"
        ordering = ("created_at", "id")
        constraints = [
            models.UniqueConstraint(
                fields=["ticket", "question"], name="support_survey_answer_once"
            ),
            models.CheckConstraint(condition=_scale_check(), name="support_survey_score_scale"),
        ]

    def __str__(self) -> str:
        return f"{self.question} {self.score} on ticket {self.ticket_id}"

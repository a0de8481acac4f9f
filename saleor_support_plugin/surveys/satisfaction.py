"""What a customer thought of the desk before: their survey answers, summed up for agents."""

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import (
    Case,
    CharField,
    Count,
    F,
    IntegerField,
    Q,
    QuerySet,
    Value,
    When,
    Window,
)
from django.db.models.functions import Cast, Concat, RowNumber

from ..tickets.models import Ticket
from . import CSAT_SATISFIED_FROM, SurveyQuestion
from .models import SurveyAnswer

RECENT_ANSWERS = 5
"""How many of the customer's latest answers are listed, newest first."""

CustomerRef = tuple[int | None, str]
"""A customer: their account id, or for guests ``(None, lower-cased e-mail)``."""


@dataclass(frozen=True)
class CustomerSatisfaction:
    """A customer's survey answers on the tickets the reader may see."""

    responses: int = 0
    """Tickets whose survey the customer answered (one question or more)."""
    csat_agent: float | None = None
    """Share of CSAT agent answers of 4 or 5, in percent (one decimal); ``None`` without any."""
    csat_resolution: float | None = None
    """The same for the CSAT resolution question."""
    nps_count: int = 0
    """How many NPS answers the customer gave."""
    latest_nps: SurveyAnswer | None = None
    """Their most recent NPS answer."""
    recent: list[SurveyAnswer] = field(default_factory=list)
    """Their latest answers, newest first, each with ``ticket_number`` set."""


def percentage(part: int, whole: int) -> float | None:
    """Return ``part`` of ``whole`` in percent, rounded half up to one decimal; ``None`` of 0."""
    if whole == 0:
        return None
    share = (Decimal(part) * 100 / Decimal(whole)).quantize(Decimal("0.1"), ROUND_HALF_UP)
    return float(share)


def _ref_of(key: str) -> CustomerRef:
    kind, _, value = key.partition(":")
    return (int(value), "") if kind == "u" else (None, value)


def _customer_key() -> Case:
    """Return the key of an answer's customer: ``u:<account id>`` or ``e:<e-mail>``."""
    return Case(
        When(
            ticket__customer_user__isnull=False,
            then=Concat(Value("u:"), Cast("ticket__customer_user_id", CharField())),
        ),
        default=Concat(Value("e:"), F("ticket__customer_email")),
        output_field=CharField(),
    )


def _answers_of(tickets: QuerySet[Ticket], refs: Sequence[CustomerRef]) -> QuerySet[SurveyAnswer]:
    """Return the answers on ``tickets`` of the customers ``refs``.

    Account customers match by account, guests by e-mail on tickets without an account,
    as the other tickets of a customer are found.
    """
    user_ids = sorted({user for user, _ in refs if user is not None})
    emails = sorted({email for user, email in refs if user is None})
    theirs = tickets.filter(
        Q(customer_user_id__in=user_ids) | Q(customer_user__isnull=True, customer_email__in=emails)
    )
    return SurveyAnswer.objects.filter(ticket__in=theirs.values("pk"))


def satisfaction_of_customers(
    tickets: QuerySet[Ticket], refs: Sequence[CustomerRef]
) -> dict[CustomerRef, CustomerSatisfaction]:
    """Return each customer's satisfaction on ``tickets`` (the reader's), in two queries.

    One query counts the answers per customer; the other reads each customer's latest
    answers and their latest NPS answer.
    """
    if not refs:
        return {}
    answers = _answers_of(tickets, refs)
    csat_agent = Q(question=SurveyQuestion.CSAT_AGENT)
    csat_resolution = Q(question=SurveyQuestion.CSAT_RESOLUTION)
    satisfied = Q(score__gte=CSAT_SATISFIED_FROM)
    counts = {
        _ref_of(row["customer_key"]): row
        for row in answers.annotate(customer_key=_customer_key())
        .order_by()
        .values("customer_key")
        .annotate(
            surveys=Count("ticket_id", distinct=True),
            csat_agent_all=Count("pk", filter=csat_agent),
            csat_agent_satisfied=Count("pk", filter=csat_agent & satisfied),
            csat_resolution_all=Count("pk", filter=csat_resolution),
            csat_resolution_satisfied=Count("pk", filter=csat_resolution & satisfied),
            nps_count=Count("pk", filter=Q(question=SurveyQuestion.NPS)),
        )
    }
    if not counts:
        return {}
    latest = _latest_answers(answers)
    result: dict[CustomerRef, CustomerSatisfaction] = {}
    for ref, row in counts.items():
        recent, latest_nps = latest.get(ref, ([], None))
        result[ref] = CustomerSatisfaction(
            responses=row["surveys"],
            csat_agent=percentage(row["csat_agent_satisfied"], row["csat_agent_all"]),
            csat_resolution=percentage(
                row["csat_resolution_satisfied"], row["csat_resolution_all"]
            ),
            nps_count=row["nps_count"],
            latest_nps=latest_nps,
            recent=recent,
        )
    return result


def _latest_answers(
    answers: QuerySet[SurveyAnswer],
) -> dict[CustomerRef, tuple[list[SurveyAnswer], SurveyAnswer | None]]:
    """Each customer's ``RECENT_ANSWERS`` latest answers and latest NPS answer, in one query."""
    # Newest submission first; one submission's answers in the survey's question order.
    newest_first = [F("created_at").desc(), F("ticket_id").desc(), F("id").asc()]
    nps_first = Case(
        When(question=SurveyQuestion.NPS, then=Value(0)),
        default=Value(1),
        output_field=IntegerField(),
    )
    rows = (
        answers.annotate(
            customer_key=_customer_key(),
            ticket_number=F("ticket__number"),
            recent_rank=Window(
                RowNumber(), partition_by=[F("customer_key")], order_by=newest_first
            ),
            nps_rank=Window(
                RowNumber(),
                partition_by=[F("customer_key")],
                order_by=[nps_first.asc(), *newest_first],
            ),
        )
        .filter(Q(recent_rank__lte=RECENT_ANSWERS) | Q(nps_rank=1))
        .order_by("-created_at", "-ticket_id", "id")
    )
    found: dict[CustomerRef, tuple[list[SurveyAnswer], SurveyAnswer | None]] = defaultdict(
        lambda: ([], None)
    )
    for row in rows:
        ref = _ref_of(row.customer_key)
        recent, latest_nps = found[ref]
        if row.recent_rank <= RECENT_ANSWERS:
            recent.append(row)
        if row.nps_rank == 1 and row.question == SurveyQuestion.NPS:
            latest_nps = row
        found[ref] = (recent, latest_nps)
    return dict(found)

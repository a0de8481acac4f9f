"""The stored ``tsvector`` expressions of tickets and messages (generated columns).

``to_tsvector`` with an explicit configuration is immutable, so it can feed a generated
column; the configuration's ``unaccent`` step runs inside it. Changing these expressions
or the configuration needs a migration that rebuilds the stored vectors.
"""

from django.contrib.postgres.search import SearchVector
from django.db.models import F, Func, IntegerField, TextField, Value
from django.db.models.expressions import CombinedExpression

from . import SEARCH_CONFIG
from .documents import SECTION_SEPARATOR

TICKET_WEIGHTS = ("A", "B")
"""Weight of each line of a ticket's ``search_text``, in order."""
MESSAGE_WEIGHT = "C"
"""Weight of message text: below a ticket's own subject (A) and customer (B) terms."""


def _section(number: int) -> Func:
    return Func(
        F("search_text"),
        Value(SECTION_SEPARATOR),
        Value(number, output_field=IntegerField()),
        function="split_part",
        output_field=TextField(),
    )


def ticket_vector() -> CombinedExpression:
    first, second = TICKET_WEIGHTS
    return SearchVector(_section(1), config=SEARCH_CONFIG, weight=first) + SearchVector(
        _section(2), config=SEARCH_CONFIG, weight=second
    )


def message_vector() -> SearchVector:
    return SearchVector("search_text", config=SEARCH_CONFIG, weight=MESSAGE_WEIGHT)

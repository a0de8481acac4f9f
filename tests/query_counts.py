"""Exact SQL statement counts, leaving out transaction control like Zulip's helper does."""

from collections.abc import Iterator
from contextlib import contextmanager

from django.db import connection
from django.test.utils import CaptureQueriesContext

CONTROL_PREFIXES = (
    "SAVEPOINT",
    "RELEASE SAVEPOINT",
    "ROLLBACK TO SAVEPOINT",
    "SET ",
    "BEGIN",
    "COMMIT",
)


class Captured:
    def __init__(self, context: CaptureQueriesContext) -> None:
        self._context = context

    @property
    def statements(self) -> list[str]:
        return [
            q["sql"]
            for q in self._context.captured_queries
            if not q["sql"].lstrip().upper().startswith(CONTROL_PREFIXES)
        ]


@contextmanager
def capture_statements() -> Iterator[Captured]:
    with CaptureQueriesContext(connection) as context:
        yield Captured(context)


@contextmanager
def assert_statements(expected: int) -> Iterator[Captured]:
    """Fail, listing every statement, unless exactly ``expected`` data statements ran."""
    with capture_statements() as captured:
        yield captured
    found = captured.statements
    assert len(found) == expected, (
        f"expected {expected} statements, ran {len(found)}:\n" + "\n".join(found)
    )

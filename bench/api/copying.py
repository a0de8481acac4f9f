"""Rows into PostgreSQL fast: COPY from a writer thread, indexes built after the load."""

import queue
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any


class CopyTable:
    """Rows for one table, written with COPY; columns not given take the model's default."""

    def __init__(self, model: Any) -> None:
        from django.db import models
        from psycopg.types.json import Jsonb

        self._jsonb = Jsonb
        fields = [f for f in model._meta.concrete_fields if not f.generated]
        self.table = model._meta.db_table
        self.columns = [f.column for f in fields]
        self.defaults = [f.get_default() if f.has_default() else None for f in fields]
        self.json = [isinstance(f, models.JSONField) for f in fields]
        self.rows: list[tuple[Any, ...]] = []
        self.written = 0

    def add(self, values: dict[str, Any]) -> None:
        row = []
        for column, default, is_json in zip(self.columns, self.defaults, self.json, strict=True):
            value = values.pop(column, default)
            row.append(self._jsonb(value) if is_json and value is not None else value)
        if values:
            raise KeyError(f"{self.table} has no columns {sorted(values)}")
        self.rows.append(tuple(row))

    def take(self) -> tuple[str, list[str], list[tuple[Any, ...]]]:
        """Return the rows added since the last call, with where they go."""
        rows, self.rows = self.rows, []
        self.written += len(rows)
        return self.table, self.columns, rows

    def flush(self) -> None:
        _copy_rows(*self.take())


def _copy_rows(table: str, columns: list[str], rows: list[tuple[Any, ...]]) -> None:
    from django.db import connection

    if not rows:
        return
    quote = connection.ops.quote_name
    names = ", ".join(quote(c) for c in columns)
    with connection.cursor() as cursor:
        with cursor.copy(f"COPY {quote(table)} ({names}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)


@contextmanager
def copying_in_background() -> Iterator[Callable[[list[CopyTable]], None]]:
    """Yield a function that hands tables' rows to a thread which COPYs them, in order.

    The thread has its own connection, so PostgreSQL stores one chunk while Python writes the
    next. Its session skips foreign-key triggers (``session_replication_role``) when allowed:
    the rows are written consistent.
    """
    from django.db import DatabaseError, connection

    chunks: queue.Queue[list[tuple[str, list[str], list[tuple[Any, ...]]]] | None]
    chunks = queue.Queue(maxsize=2)
    failures: list[BaseException] = []

    def copy_chunks() -> None:
        try:
            with connection.cursor() as cursor:
                try:
                    cursor.execute("SET session_replication_role = replica")
                except DatabaseError:
                    pass
            while (chunk := chunks.get()) is not None:
                if not failures:
                    for table in chunk:
                        _copy_rows(*table)
        except BaseException as exc:  # handed to the main thread
            failures.append(exc)
            while chunks.get() is not None:
                pass
        finally:
            connection.close()

    thread = threading.Thread(target=copy_chunks)
    thread.start()
    try:
        yield lambda tables: chunks.put([table.take() for table in tables])
    finally:
        chunks.put(None)
        thread.join()
    if failures:
        raise failures[0]


@contextmanager
def without_secondary_indexes(tables: Sequence[str]) -> Iterator[None]:
    """Drop the indexes that back no constraint while loading; build them again after."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid)"
            " FROM pg_index i WHERE i.indrelid = ANY(%s::regclass[]) AND NOT i.indisprimary"
            " AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)",
            [list(tables)],
        )
        indexes = cursor.fetchall()
        for name, _definition in indexes:
            cursor.execute(f"DROP INDEX {name}")
    yield
    with connection.cursor() as cursor:
        cursor.execute("SET maintenance_work_mem = '1GB'")
        for _name, definition in indexes:
            cursor.execute(definition)
        cursor.execute("RESET maintenance_work_mem")


def reset_sequences(models: Sequence[Any]) -> None:
    from django.core.management.color import no_style
    from django.db import connection

    from saleor_support_plugin.tickets.models import TICKET_NUMBER_SEQUENCE

    with connection.cursor() as cursor:
        for statement in connection.ops.sequence_reset_sql(no_style(), list(models)):
            cursor.execute(statement)
        cursor.execute(
            "SELECT setval(%s, (SELECT max(number) FROM support_ticket))",
            [TICKET_NUMBER_SEQUENCE],
        )


def next_id(model: Any) -> int:
    """Return the id after the highest of ``model``'s rows."""
    from django.db.models import Max

    return int(model.objects.aggregate(top=Max("pk"))["top"] or 0) + 1

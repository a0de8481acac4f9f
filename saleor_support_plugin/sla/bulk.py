"""One ``UPDATE ... FROM (VALUES ...)`` for many rows: linear, unlike ``bulk_update``'s CASEs.

Django's ``bulk_update`` writes one ``CASE WHEN pk = ... THEN ...`` per field and row; for a
sweep batch of 100 tickets and their clocks, building and running that took most of the
batch's time. Here each row is one tuple of typed parameters.
"""

from collections.abc import Sequence
from typing import Any

from django.db import connection
from django.db.models import Field, Model


def _concrete(model: type[Model], name: str) -> "Field[Any, Any]":
    field = model._meta.get_field(name)
    if not isinstance(field, Field) or not field.concrete:
        raise TypeError(f"{model.__name__}.{name} is not a column")
    return field


def update_rows(model: type[Model], rows: Sequence[Model], fields: Sequence[str]) -> int:
    """Write ``fields`` of ``rows`` (saved instances of ``model``) in one statement."""
    if not rows:
        return 0
    primary_key = model._meta.pk
    if primary_key is None:  # pragma: no cover - every concrete model has one
        raise TypeError(f"{model.__name__} has no primary key")
    columns = [_concrete(model, primary_key.name), *(_concrete(model, name) for name in fields)]
    quote = connection.ops.quote_name
    row_sql = "(" + ", ".join(f"%s::{column.db_type(connection)}" for column in columns) + ")"
    parameters: list[Any] = [
        column.get_db_prep_save(getattr(row, column.attname), connection)
        for row in rows
        for column in columns
    ]
    names = [quote(str(column.column)) for column in columns]
    table = quote(model._meta.db_table)
    assignments = ", ".join(f"{name} = v.{name}" for name in names[1:])
    values = ", ".join([row_sql] * len(rows))
    # Names come from the model and values are parameters: nothing from outside is spliced.
    sql = f"UPDATE {table} SET {assignments} FROM (VALUES {values}) AS v ({', '.join(names)})"  # noqa: S608
    sql += f" WHERE {table}.{names[0]} = v.{names[0]}"
    with connection.cursor() as cursor:
        cursor.execute(sql, parameters)
        return int(cursor.rowcount)

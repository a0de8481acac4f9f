"""Run one GraphQL request against a schema: parse, validate, limit, execute, format."""

from dataclasses import dataclass
from typing import Any

from graphql.error import GraphQLError, GraphQLSyntaxError
from graphql.execution import ExecutionResult, execute
from graphql.language import ast
from graphql.language.parser import parse
from graphql.validation import validate

from .context import RequestContext
from .errors import ApiErrorCode, error_extensions

MAX_MUTATIONS = 4
"""Mutations allowed in one request (Saleor's own default)."""


@dataclass(frozen=True)
class Outcome:
    payload: dict[str, Any]
    """The JSON answer: ``{"data": ..., "errors": [...]}`` (no ``data`` when nothing ran)."""
    status: int


def run_request(
    schema: Any,
    *,
    query: str,
    variables: dict[str, Any] | None,
    operation_name: str | None,
    context: RequestContext,
) -> Outcome:
    try:
        document = parse(query)
    except GraphQLSyntaxError as exc:
        return refusal(ApiErrorCode.GRAPHQL_PARSE_FAILED, exc.message, status=400)
    validation_errors = validate(schema, document)
    if validation_errors:
        errors = [_format(e, ApiErrorCode.GRAPHQL_VALIDATION_FAILED) for e in validation_errors]
        return Outcome({"errors": errors}, status=400)
    mutations = _mutation_count(document, operation_name)
    if mutations > MAX_MUTATIONS:
        return refusal(
            ApiErrorCode.TOO_MANY_MUTATIONS,
            f"A request can run at most {MAX_MUTATIONS} mutations; this one has {mutations}.",
            status=400,
        )
    try:
        result = execute(
            schema,
            document,
            context_value=context,
            variable_values=variables,
            operation_name=operation_name,
        )
    except GraphQLError as exc:
        # graphql-core 2 raises variable coercion errors (unknown input fields...) here.
        return refusal(ApiErrorCode.GRAPHQL_VALIDATION_FAILED, exc.message, status=400)
    except (TypeError, ValueError):
        # ...and lets some others escape as plain exceptions.
        return refusal(
            ApiErrorCode.GRAPHQL_VALIDATION_FAILED,
            "A variable does not match its declared type.",
            status=400,
        )
    if not isinstance(result, ExecutionResult):
        raise TypeError("Synchronous execution returned a promise.")
    if result.invalid:
        errors = [_format(e, ApiErrorCode.GRAPHQL_VALIDATION_FAILED) for e in result.errors or []]
        return Outcome({"errors": errors}, status=400)
    payload: dict[str, Any] = {"data": result.data}
    if result.errors:
        payload["errors"] = [_format(e, ApiErrorCode.INTERNAL_ERROR) for e in result.errors]
    return Outcome(payload, status=200)


def refusal(code: ApiErrorCode, message: str, *, status: int) -> Outcome:
    """Answer a request that is not executed at all with one error of ``code``."""
    return Outcome(
        {"errors": [{"message": message, "extensions": error_extensions(code)}]}, status=status
    )


def _format(error: Exception, code: ApiErrorCode) -> dict[str, Any]:
    """Format ``error``; ``code`` applies when it carries none of its own.

    Unexpected exceptions in resolvers are reported without their message (it is logged).
    """
    original = getattr(error, "original_error", None)
    extensions = getattr(error, "extensions", None) or error_extensions(code)
    message = str(error)
    if original is not None and not isinstance(original, GraphQLError):
        message = "Internal server error."
        extensions = error_extensions(ApiErrorCode.INTERNAL_ERROR)
    formatted: dict[str, Any] = {"message": message}
    locations = getattr(error, "locations", None)
    if locations:
        formatted["locations"] = [{"line": p.line, "column": p.column} for p in locations]
    path = getattr(error, "path", None)
    if path:
        formatted["path"] = path
    formatted["extensions"] = extensions
    return formatted


def _mutation_count(document: Any, operation_name: str | None) -> int:
    operations = [d for d in document.definitions if isinstance(d, ast.OperationDefinition)]
    if operation_name is not None:
        operations = [o for o in operations if o.name and o.name.value == operation_name]
    if len(operations) != 1 or operations[0].operation != "mutation":
        return 0
    fragments = {
        d.name.value: d for d in document.definitions if isinstance(d, ast.FragmentDefinition)
    }
    return _root_fields(operations[0].selection_set, fragments, set())


def _root_fields(selection_set: Any, fragments: dict[str, Any], seen: set[str]) -> int:
    count = 0
    for selection in selection_set.selections:
        if isinstance(selection, ast.Field):
            count += not selection.name.value.startswith("__")
        elif isinstance(selection, ast.InlineFragment):
            count += _root_fields(selection.selection_set, fragments, seen)
        elif isinstance(selection, ast.FragmentSpread):
            name = selection.name.value
            if name in fragments and name not in seen:
                count += _root_fields(fragments[name].selection_set, fragments, seen | {name})
    return count

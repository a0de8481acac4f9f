"""Run one GraphQL request against a schema: parse, limit, validate, limit, execute, format.

Limits checked on the document's text, before the schema validation (whose check of
overlapping fields takes time quadratic in repeated fields: 20,000 repeats of one field, a
100 KB body, took minutes): selections, aliases and depth. Limits checked once the document
is valid: mutations and the estimated cost (a lower one for requestors who are not agents).
All of them come from ``SUPPORT_DESK``.

The cost estimates the fields resolved: every field costs 1, and the fields of a page count
once per item: in a field taking ``first`` (a connection), its list-typed fields (``edges``)
and everything below them count ``first`` times (``DEFAULT_PAGE_SIZE`` when it is not given,
at most ``MAX_PAGE_SIZE``), its other fields (``pageInfo``) once. Pages nest, so a page of
50 tickets with 50 messages each counts 2,500 messages. Fragments on different types are
added up, an upper bound.
"""

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from graphql.error import GraphQLError, GraphQLSyntaxError
from graphql.execution import ExecutionResult, execute
from graphql.execution.utils import get_field_def
from graphql.language import ast
from graphql.language.parser import parse
from graphql.type.definition import GraphQLList, GraphQLNonNull, get_named_type
from graphql.validation import validate
from graphql.validation.rules import NoFragmentCycles

from ...conf import desk_settings
from .connections import MAX_PAGE_SIZE
from .context import RequestContext
from .errors import ApiErrorCode, error_extensions

PAGE_SIZE_ARGUMENT = "first"
DEFAULT_PAGE_SIZE = 50
"""Page size the cost assumes when ``first`` is not given (the default of every list)."""


@dataclass(frozen=True)
class QueryLimits:
    max_cost: int
    max_customer_cost: int
    """The cost limit of everyone but agents (customers, guests, anonymous visitors)."""
    max_depth: int
    max_aliases: int
    max_selections: int
    max_mutations: int

    @classmethod
    def from_settings(cls) -> "QueryLimits":
        values = desk_settings()
        return cls(
            max_cost=values.max_query_cost,
            max_customer_cost=values.max_customer_query_cost,
            max_depth=values.max_query_depth,
            max_aliases=values.max_aliases,
            max_selections=values.max_selections,
            max_mutations=values.max_mutations,
        )


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
    limits: QueryLimits | None = None,
) -> Outcome:
    limits = limits or QueryLimits.from_settings()
    try:
        document = parse(query)
    except GraphQLSyntaxError as exc:
        return refusal(ApiErrorCode.GRAPHQL_PARSE_FAILED, exc.message, status=400)
    except RecursionError:
        return _too_deep()
    refused = _refuse_written(document, limits)
    if refused is not None:
        return refused
    try:
        # Fragment cycles first: the check of overlapping fields recurses through them.
        validation_errors = validate(schema, document, [NoFragmentCycles]) or validate(
            schema, document
        )
    except RecursionError:
        return _too_deep()
    if validation_errors:
        errors = [_format(e, ApiErrorCode.GRAPHQL_VALIDATION_FAILED) for e in validation_errors]
        return Outcome({"errors": errors}, status=400)
    refused = _refuse_valid(
        schema,
        document,
        operation_name,
        variables or {},
        limits,
        is_agent=context.requestor.is_agent,
    )
    if refused is not None:
        return refused
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


def _refuse_written(document: Any, limits: QueryLimits) -> Outcome | None:
    """Refuse a document over the limits that need no schema: selections, aliases, depth."""
    selections, aliases = count_selections_and_aliases(document)
    if selections > limits.max_selections:
        return refusal(
            ApiErrorCode.TOO_MANY_SELECTIONS,
            f"A document can have at most {limits.max_selections} selections (fields and"
            f" fragments); this one has {selections}.",
            status=400,
        )
    if aliases > limits.max_aliases:
        return refusal(
            ApiErrorCode.TOO_MANY_ALIASES,
            f"A document can have at most {limits.max_aliases} aliases; this one has {aliases}.",
            status=400,
        )
    try:
        depth = query_depth(document)
    except RecursionError:
        return _too_deep()
    if depth > limits.max_depth:
        return refusal(
            ApiErrorCode.QUERY_TOO_DEEP,
            f"Fields can be nested at most {limits.max_depth} deep; this document nests"
            f" them {depth} deep.",
            status=400,
        )
    return None


def _refuse_valid(
    schema: Any,
    document: Any,
    operation_name: str | None,
    variables: Mapping[str, Any],
    limits: QueryLimits,
    *,
    is_agent: bool,
) -> Outcome | None:
    """Refuse a valid document over the mutation or the cost limit.

    Everyone's operations must fit ``max_cost``; those of requestors who are not agents
    (customers, guests, anonymous visitors) ``max_customer_cost`` as well.
    """
    operation = _operation(document, operation_name)
    if operation is None:
        return None  # execution names the missing or ambiguous operation
    fragments = _fragments(document)
    if operation.operation == "mutation":
        mutations = _root_fields(operation.selection_set, fragments, set())
        if mutations > limits.max_mutations:
            return refusal(
                ApiErrorCode.TOO_MANY_MUTATIONS,
                f"A request can run at most {limits.max_mutations} mutations;"
                f" this one has {mutations}.",
                status=400,
            )
    try:
        cost = _CostEstimate(schema, fragments, variables, operation).total()
    except RecursionError:
        cost = None
    if cost is None or cost > limits.max_cost:
        measured = "too high to estimate" if cost is None else f"{cost}"
        return refusal(
            ApiErrorCode.QUERY_TOO_COMPLEX,
            f"An operation can cost at most {limits.max_cost}; this one costs {measured}"
            " (every field resolved counts 1, fields in pages once per item).",
            status=400,
        )
    if not is_agent and cost > limits.max_customer_cost:
        return refusal(
            ApiErrorCode.QUERY_TOO_COMPLEX,
            f"A customer's operation can cost at most {limits.max_customer_cost}; this one"
            f" costs {cost} (every field resolved counts 1, fields in pages once per item).",
            status=400,
        )
    return None


def _too_deep() -> Outcome:
    return refusal(
        ApiErrorCode.QUERY_TOO_DEEP, "The document nests too deeply to be read.", status=400
    )


def count_selections_and_aliases(document: Any) -> tuple[int, int]:
    """Count the selections (fields, fragment spreads, inline fragments) and aliases written.

    Fragments count where they are defined, not once per spread (the cost covers spreads).
    """
    selections = aliases = 0
    pending = [d.selection_set for d in document.definitions if d.selection_set is not None]
    while pending:
        selection_set = pending.pop()
        for selection in selection_set.selections:
            selections += 1
            if isinstance(selection, ast.Field) and selection.alias is not None:
                aliases += 1
            if getattr(selection, "selection_set", None) is not None:
                pending.append(selection.selection_set)
    return selections, aliases


def query_depth(document: Any) -> int:
    """Return how deep the document nests fields, fragments expanded (root fields are 1).

    A fragment spread inside itself counts as empty; the validation refuses such cycles.
    """
    fragments = _fragments(document)
    depths: dict[str, int] = {}
    for name in _dependency_order(fragments):
        depths[name] = _selection_depth(fragments[name].selection_set, depths)
    operations = [d for d in document.definitions if isinstance(d, ast.OperationDefinition)]
    return max((_selection_depth(o.selection_set, depths) for o in operations), default=0)


def _selection_depth(selection_set: Any, fragment_depths: dict[str, int]) -> int:
    deepest = 0
    for selection in selection_set.selections:
        if isinstance(selection, ast.Field):
            below = selection.selection_set
            depth = 1 + (_selection_depth(below, fragment_depths) if below else 0)
        elif isinstance(selection, ast.InlineFragment):
            depth = _selection_depth(selection.selection_set, fragment_depths)
        else:
            depth = fragment_depths.get(selection.name.value, 0)
        deepest = max(deepest, depth)
    return deepest


def query_cost(
    schema: Any,
    document: Any,
    *,
    operation_name: str | None = None,
    variables: Mapping[str, Any] | None = None,
) -> int:
    """Return the estimated cost of the operation that would run (0 when none would)."""
    operation = _operation(document, operation_name)
    if operation is None:
        return 0
    return _CostEstimate(schema, _fragments(document), variables or {}, operation).total()


class _CostEstimate:
    """The cost of one operation of a valid document.

    A selection's cost is ``fixed + per_item * page``: its list-typed fields count once per
    item of the enclosing page, the others once. Fragments are estimated once each, those
    they spread first, so nothing is walked twice and fragment chains need no recursion.
    """

    def __init__(
        self,
        schema: Any,
        fragments: dict[str, Any],
        variables: Mapping[str, Any],
        operation: Any,
    ) -> None:
        self.schema = schema
        self.variables = variables
        self.variable_defaults = {
            d.variable.name.value: d.default_value for d in operation.variable_definitions or []
        }
        self.operation = operation
        self.fragment_costs: dict[str, tuple[int, int]] = {}
        for name in _dependency_order(fragments):
            fragment = fragments[name]
            on = self.schema.get_type(fragment.type_condition.name.value)
            self.fragment_costs[name] = self._selections(fragment.selection_set, on)

    def total(self) -> int:
        root = {
            "query": self.schema.get_query_type(),
            "mutation": self.schema.get_mutation_type(),
            "subscription": self.schema.get_subscription_type(),
        }[self.operation.operation]
        fixed, per_item = self._selections(self.operation.selection_set, root)
        return fixed + per_item

    def _selections(self, selection_set: Any, parent_type: Any) -> tuple[int, int]:
        """Return ``(fixed, per_item)`` of ``selection_set`` on ``parent_type``."""
        fixed = per_item = 0
        for selection in selection_set.selections:
            if isinstance(selection, ast.Field):
                cost, is_list = self._field(selection, parent_type)
                if is_list:
                    per_item += cost
                else:
                    fixed += cost
                continue
            if isinstance(selection, ast.InlineFragment):
                condition = selection.type_condition
                on = self.schema.get_type(condition.name.value) if condition else parent_type
                more_fixed, more_per_item = self._selections(selection.selection_set, on)
            else:
                more_fixed, more_per_item = self.fragment_costs.get(selection.name.value, (0, 0))
            fixed += more_fixed
            per_item += more_per_item
        return fixed, per_item

    def _field(self, node: Any, parent_type: Any) -> tuple[int, bool]:
        """Return the cost of one resolution of the field, and whether it is a list."""
        try:
            definition = get_field_def(self.schema, parent_type, node.name.value)
        except AttributeError:  # an unknown type or a union's field: invalid, counted as 1
            definition = None
        if definition is None:
            return 1, False
        cost = 1
        if node.selection_set is not None:
            fixed, per_item = self._selections(node.selection_set, get_named_type(definition.type))
            cost += fixed + per_item * self._page_size(definition, node)
        return cost, _is_list(definition.type)

    def _page_size(self, definition: Any, node: Any) -> int:
        """Return ``first`` of a paged field (default and range applied); 1 for other fields."""
        argument = definition.args.get(PAGE_SIZE_ARGUMENT)
        if argument is None:
            return 1
        value: Any = None
        for given in node.arguments or []:
            if given.name.value == PAGE_SIZE_ARGUMENT:
                value = self._value(given.value)
        if not isinstance(value, int) or isinstance(value, bool):
            default = argument.default_value
            value = default if isinstance(default, int) else DEFAULT_PAGE_SIZE
        return min(max(value, 1), MAX_PAGE_SIZE)

    def _value(self, node: Any) -> Any:
        if isinstance(node, ast.Variable):
            name = node.name.value
            if self.variables.get(name) is not None:
                return self.variables[name]
            node = self.variable_defaults.get(name)
        if isinstance(node, ast.IntValue):
            return int(node.value)
        return None


def _dependency_order(fragments: dict[str, Any]) -> list[str]:
    """Return the fragments' names, each after all the fragments it spreads.

    Walks without recursion. A spread closing a cycle is left out of the order's
    constraints (the validation refuses cycles).
    """
    uses = {
        name: _spread_names(f.selection_set) & fragments.keys() for name, f in fragments.items()
    }
    order: list[str] = []
    seen: set[str] = set()
    for first in uses:
        if first in seen:
            continue
        seen.add(first)
        stack = [(first, iter(sorted(uses[first])))]
        while stack:
            name, pending = stack[-1]
            spread = next(pending, None)
            if spread is None:
                stack.pop()
                order.append(name)
            elif spread not in seen:
                seen.add(spread)
                stack.append((spread, iter(sorted(uses[spread]))))
    return order


def _spread_names(selection_set: Any) -> set[str]:
    names: set[str] = set()
    pending = [selection_set]
    while pending:
        for selection in pending.pop().selections:
            if isinstance(selection, ast.FragmentSpread):
                names.add(selection.name.value)
            elif selection.selection_set is not None:
                pending.append(selection.selection_set)
    return names


def _is_list(type_: Any) -> bool:
    if isinstance(type_, GraphQLNonNull):
        type_ = type_.of_type
    return isinstance(type_, GraphQLList)


def _operation(document: Any, operation_name: str | None) -> Any:
    """Return the operation ``execute`` would run, or ``None`` when it would find none."""
    operations = [d for d in document.definitions if isinstance(d, ast.OperationDefinition)]
    if operation_name is not None:
        operations = [o for o in operations if o.name and o.name.value == operation_name]
    return operations[0] if len(operations) == 1 else None


def _fragments(document: Any) -> dict[str, Any]:
    return {d.name.value: d for d in document.definitions if isinstance(d, ast.FragmentDefinition)}


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

"""The schema as SDL with its descriptions (graphql-core 2's printer leaves them out).

The layout follows graphql-js ``printSchema``, so tools built on graphql-js read the file and
diffs stay small: types sorted by name, descriptions as block strings above what they describe.
"""

from typing import Any

from graphql.language.printer import print_ast
from graphql.type.definition import (
    GraphQLEnumType,
    GraphQLInputObjectType,
    GraphQLInterfaceType,
    GraphQLObjectType,
    GraphQLScalarType,
    GraphQLUnionType,
)
from graphql.utils.ast_from_value import ast_from_value

BUILT_IN_SCALARS = frozenset({"String", "Boolean", "Int", "Float", "ID"})
DEFAULT_DEPRECATION_REASON = "No longer supported"


def print_schema(schema: Any) -> str:
    types = [
        type_
        for name, type_ in sorted(schema.get_type_map().items())
        if not name.startswith("__") and name not in BUILT_IN_SCALARS
    ]
    blocks = [_schema_definition(schema), *(_type(t) for t in types)]
    return "\n\n".join(b for b in blocks if b) + "\n"


def _schema_definition(schema: Any) -> str:
    roots = [
        ("query", schema.get_query_type(), "Query"),
        ("mutation", schema.get_mutation_type(), "Mutation"),
        ("subscription", schema.get_subscription_type(), "Subscription"),
    ]
    if all(root is None or root.name == usual for _, root, usual in roots):
        return ""
    lines = [f"  {operation}: {root.name}" for operation, root, _ in roots if root is not None]
    return "schema {\n" + "\n".join(lines) + "\n}"


def _type(type_: Any) -> str:
    if isinstance(type_, GraphQLScalarType):
        body = f"scalar {type_.name}"
    elif isinstance(type_, GraphQLObjectType):
        interfaces = ", ".join(i.name for i in type_.interfaces)
        implements = f" implements {interfaces}" if interfaces else ""
        body = f"type {type_.name}{implements}{_fields(type_.fields)}"
    elif isinstance(type_, GraphQLInterfaceType):
        body = f"interface {type_.name}{_fields(type_.fields)}"
    elif isinstance(type_, GraphQLUnionType):
        body = f"union {type_.name} = {' | '.join(t.name for t in type_.types)}"
    elif isinstance(type_, GraphQLEnumType):
        body = f"enum {type_.name}{_enum_values(type_.values)}"
    elif isinstance(type_, GraphQLInputObjectType):
        body = f"input {type_.name}{_input_fields(type_.fields)}"
    else:
        raise TypeError(f"Cannot print {type_!r}")
    return _description(type_.description, "") + body


def _fields(fields: dict[str, Any]) -> str:
    lines = [
        _description(field.description, "  ", first=index == 0)
        + f"  {name}{_arguments(field.args)}: {field.type}"
        + _deprecated(field.deprecation_reason)
        for index, (name, field) in enumerate(fields.items())
    ]
    return _block(lines)


def _input_fields(fields: dict[str, Any]) -> str:
    lines = [
        _description(field.description, "  ", first=index == 0) + "  " + _value(name, field)
        for index, (name, field) in enumerate(fields.items())
    ]
    return _block(lines)


def _enum_values(values: list[Any]) -> str:
    lines = [
        _description(value.description, "  ", first=index == 0)
        + f"  {value.name}"
        + _deprecated(value.deprecation_reason)
        for index, value in enumerate(values)
    ]
    return _block(lines)


def _arguments(args: dict[str, Any]) -> str:
    if not args:
        return ""
    if not any(arg.description for arg in args.values()):
        return "(" + ", ".join(_value(name, arg) for name, arg in args.items()) + ")"
    lines = [
        _description(arg.description, "    ", first=index == 0) + "    " + _value(name, arg)
        for index, (name, arg) in enumerate(args.items())
    ]
    return "(\n" + "\n".join(lines) + "\n  )"


def _value(name: str, value: Any) -> str:
    text = f"{name}: {value.type}"
    if value.default_value is not None:
        text += f" = {print_ast(ast_from_value(value.default_value, value.type))}"
    return text


def _deprecated(reason: str | None) -> str:
    if reason is None:
        return ""
    if reason == DEFAULT_DEPRECATION_REASON:
        return " @deprecated"
    return f" @deprecated(reason: {print_ast(ast_from_value(reason))})"


def _block(lines: list[str]) -> str:
    return " {\n" + "\n".join(lines) + "\n}" if lines else ""


def _description(description: str | None, indentation: str, *, first: bool = True) -> str:
    if not description:
        return ""
    text = description.replace('"""', '\\"""')
    separator = "" if first or not indentation else "\n"
    if "\n" not in text:
        return f'{separator}{indentation}"""{text}"""\n'
    lines = [f"{indentation}{line}" if line else "" for line in text.split("\n")]
    return f'{separator}{indentation}"""\n' + "\n".join(lines) + f'\n{indentation}"""\n'

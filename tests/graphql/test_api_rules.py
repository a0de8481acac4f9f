"""Rules the API layers keep, checked on the schema and the source."""

import re
from pathlib import Path

from graphql.type.definition import (
    GraphQLEnumType,
    GraphQLInputObjectType,
    GraphQLInterfaceType,
    GraphQLObjectType,
)

from saleor_support_plugin.graphql.api import schema

PACKAGE = Path(__file__).resolve().parents[2] / "saleor_support_plugin"
API_LAYERS = [PACKAGE / "graphql", PACKAGE / "web"]


def _own_types():
    return [
        t
        for name, t in schema.get_type_map().items()
        if not name.startswith("__") and name not in {"String", "Boolean", "Int", "Float", "ID"}
    ]


def test_every_type_field_and_argument_has_a_description():
    missing = []
    for type_ in _own_types():
        if not type_.description:
            missing.append(type_.name)
        if isinstance(type_, GraphQLObjectType | GraphQLInterfaceType):
            for name, field in type_.fields.items():
                if not field.description:
                    missing.append(f"{type_.name}.{name}")
                missing += [
                    f"{type_.name}.{name}({arg_name})"
                    for arg_name, arg in field.args.items()
                    if not arg.description
                ]
        if isinstance(type_, GraphQLInputObjectType):
            missing += [
                f"{type_.name}.{name}"
                for name, field in type_.fields.items()
                if not field.description
            ]
        if isinstance(type_, GraphQLEnumType):
            missing += [f"{type_.name}.{v.name}" for v in type_.values if not v.description]

    assert missing == []


def test_the_api_reads_tickets_only_through_the_access_functions():
    direct = re.compile(r"\bTicket\.(objects|_default_manager)\b")
    offences = [
        str(path.relative_to(PACKAGE))
        for folder in API_LAYERS
        for path in sorted(folder.rglob("*.py"))
        if direct.search(path.read_text())
    ]

    assert offences == []

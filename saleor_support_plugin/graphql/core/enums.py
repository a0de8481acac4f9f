from enum import Enum
from typing import Any

import graphene


def enum_from_choices(name: str, choices: list[tuple[Any, str]], *, description: str) -> Any:
    """Build a GraphQL enum from a domain ``CHOICES`` list; each label describes its value.

    String values become upper-case names (``on_hold`` -> ``ON_HOLD``); other values take
    their label as name (tier ``1`` -> ``L1``).
    """
    labels = dict(choices)
    members = {
        (value.upper() if isinstance(value, str) else label.upper()): value
        for value, label in choices
    }
    return _graphene_enum(name, members, labels, description)


def enum_from_python(
    python_enum: type[Enum], *, name: str, description: str, value_descriptions: dict[Any, str]
) -> Any:
    """Expose a Python enum under the GraphQL ``name``, with a description per member."""
    members = {member.name: member.value for member in python_enum}
    labels = {member.value: value_descriptions[member] for member in python_enum}
    return _graphene_enum(name, members, labels, description)


def _graphene_enum(
    name: str, members: dict[str, Any], labels: dict[Any, str], description: str
) -> Any:
    functional_api: Any = Enum  # mypy only accepts a literal name in Enum(...)
    python_enum = functional_api(name, members)
    python_enum.description = property(lambda member: labels[member.value])
    meta = type("Meta", (), {"enum": python_enum, "name": name, "description": description})
    return type(name, (graphene.Enum,), {"Meta": meta})

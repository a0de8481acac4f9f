"""Placeholders in macro texts: ``{{ customer.first_name }}``, filled in with escaped values.

Pure: no database, no template engine. A text is HTML (the message allowlist); a
placeholder is ``{{``, a dotted variable name, ``}}``, with optional spaces inside.
Nothing else in the text is interpreted: single braces are literal, ``}}`` alone is
literal. A ``{{`` that does not open a well-formed placeholder, a name the catalogue does
not know and a variable without a value for the ticket each fail with a typed error that
names the placeholder, its line and column; nothing is ever left blank.
"""

import html
import re
from collections.abc import Collection, Mapping
from dataclasses import dataclass

from .error_codes import MacroError, MacroErrorCode

_OPEN = "{{"
_PLACEHOLDER = re.compile(r"\{\{[ \t]*([^{}\n]*?)[ \t]*\}\}")
_NAME = re.compile(r"[a-z][a-z0-9_]*(?:\.[a-z][a-z0-9_]*)*")


@dataclass(frozen=True)
class Lines:
    """A value written one item per line (``<br>`` between them), e.g. an order's items."""

    items: tuple[str, ...]


@dataclass(frozen=True)
class Missing:
    """A variable that has no value for this ticket, and why (``"the ticket has no order"``)."""

    reason: str


Value = str | Lines | Missing


@dataclass(frozen=True)
class Placeholder:
    name: str
    start: int
    end: int
    line: int
    column: int


def _position(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, column


def _where(line: int, column: int, language: str) -> str:
    text = f"the {language} text" if language else "the default text"
    return f"line {line}, column {column} of {text}"


def parse(template: str, *, language: str = "") -> list[Placeholder]:
    """Return the placeholders of ``template`` in order; raise ``INVALID_PLACEHOLDER``."""
    found: list[Placeholder] = []
    offset = template.find(_OPEN)
    while offset != -1:
        match = _PLACEHOLDER.match(template, offset)
        line, column = _position(template, offset)
        name = match.group(1) if match else ""
        if match is None or not _NAME.fullmatch(name):
            snippet = template[offset : offset + 30].split("\n")[0]
            raise MacroError(
                MacroErrorCode.INVALID_PLACEHOLDER,
                f"'{snippet}' at {_where(line, column, language)} is not a placeholder:"
                " write a variable name between {{ and }}, such as {{ customer.first_name }}.",
                language=language,
                line=line,
                column=column,
            )
        found.append(Placeholder(name, match.start(), match.end(), line, column))
        offset = template.find(_OPEN, match.end())
    return found


def check_template(
    template: str, known: Collection[str], *, language: str = ""
) -> list[Placeholder]:
    """Return the placeholders of ``template``; raise for a malformed or unknown one."""
    placeholders = parse(template, language=language)
    for placeholder in placeholders:
        if placeholder.name not in known:
            raise MacroError(
                MacroErrorCode.UNKNOWN_VARIABLE,
                f"Unknown variable {{{{ {placeholder.name} }}}} at"
                f" {_where(placeholder.line, placeholder.column, language)}.",
                variable=placeholder.name,
                language=language,
                line=placeholder.line,
                column=placeholder.column,
            )
    return placeholders


def _html(value: str | Lines) -> str:
    if isinstance(value, Lines):
        return "<br>".join(html.escape(item) for item in value.items)
    return html.escape(value)


def render(template: str, values: Mapping[str, Value], *, language: str = "") -> str:
    """Return ``template`` with every placeholder replaced by its HTML-escaped value.

    ``values`` holds every variable of the catalogue; a name it lacks is unknown
    (``UNKNOWN_VARIABLE``), a ``Missing`` value fails with ``MISSING_VALUE``.
    """
    parts: list[str] = []
    position = 0
    for placeholder in check_template(template, values.keys(), language=language):
        value = values[placeholder.name]
        if isinstance(value, Missing):
            raise MacroError(
                MacroErrorCode.MISSING_VALUE,
                f"{{{{ {placeholder.name} }}}} at"
                f" {_where(placeholder.line, placeholder.column, language)} has no value"
                f" for this ticket: {value.reason}.",
                variable=placeholder.name,
                language=language,
                line=placeholder.line,
                column=placeholder.column,
            )
        parts.append(template[position : placeholder.start])
        parts.append(_html(value))
        position = placeholder.end
    parts.append(template[position:])
    return "".join(parts)

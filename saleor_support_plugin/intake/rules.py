"""The merchant's intake rules: which store events open tickets, and how.

They are stored as the plugin's configuration (a name to string mapping edited in
Saleor's Dashboard), declared here as data so the plugin, the sandbox and the
processing read the same fields.
"""

import re
import string
from dataclasses import dataclass
from typing import Any

from ..tickets import TicketPriority
from . import IntakeKind

FIELD_BOOLEAN = "boolean"
FIELD_MULTILINE = "multiline"
FIELD_STRING = "string"


@dataclass(frozen=True)
class ConfigField:
    name: str
    type: str
    default: str
    label: str
    help_text: str


def open_on_field(kind: str) -> str:
    return f"open_on_{kind}"


EVENT_DEFAULTS_FIELD = "event_defaults"
ACKNOWLEDGE_FIELD = "acknowledge_customer"
ACKNOWLEDGEMENT_MESSAGE_FIELD = "acknowledgement_message"
REOPEN_DAYS_FIELD = "customer_reopen_days"
DEFAULT_REOPEN_DAYS = 7
MAX_REOPEN_DAYS = 365

DEFAULT_EVENT_RULES = {
    IntakeKind.CANCELLATION: (TicketPriority.NORMAL, "cancellation"),
    IntakeKind.EXPIRY: (TicketPriority.NORMAL, "order"),
    IntakeKind.REFUND: (TicketPriority.NORMAL, "refund"),
    IntakeKind.FULL_REFUND: (TicketPriority.HIGH, "refund"),
    IntakeKind.RETURN: (TicketPriority.NORMAL, "return"),
    IntakeKind.REPLACEMENT: (TicketPriority.NORMAL, "return"),
    IntakeKind.CUSTOMER_NOTE: (TicketPriority.NORMAL, "order"),
    IntakeKind.PAYMENT_PROBLEM: (TicketPriority.HIGH, "payment"),
}

DEFAULT_ACKNOWLEDGEMENT = (
    "Hello {customer_name},\n\n"
    "we have opened ticket #{ticket_number} about your order #{order_number}. "
    "Our team will get back to you soon."
)
ACKNOWLEDGEMENT_PLACEHOLDERS = frozenset({"customer_name", "order_number", "ticket_number"})
MAX_ACKNOWLEDGEMENT_LENGTH = 5_000

_OPEN_ON_HELP = {
    IntakeKind.CANCELLATION: "Open a ticket when an order is cancelled.",
    IntakeKind.EXPIRY: "Open a ticket when an unpaid, unconfirmed order expires.",
    IntakeKind.REFUND: "Open a ticket when money is refunded for an order.",
    IntakeKind.FULL_REFUND: "Open a ticket when an order is refunded in full.",
    IntakeKind.RETURN: "Open a ticket when items of an order are returned.",
    IntakeKind.REPLACEMENT: "Open a ticket when items of an order are replaced.",
    IntakeKind.CUSTOMER_NOTE: "Open a ticket when a customer places an order with a note.",
    IntakeKind.PAYMENT_PROBLEM: "Open a ticket when a payment for an order fails.",
}


def _format_event_defaults(rules: dict[str, tuple[str, str]]) -> str:
    return "\n".join(
        f"{kind}: {priority}, {category}" for kind, (priority, category) in rules.items()
    )


CONFIG_FIELDS: list[ConfigField] = [
    *(
        ConfigField(
            name=open_on_field(kind),
            type=FIELD_BOOLEAN,
            default="true",
            label=f"Open tickets on {IntakeKind.LABELS[kind]}",
            help_text=_OPEN_ON_HELP[kind]
            + " Later events of the same order are added to its open ticket.",
        )
        for kind in IntakeKind.ALL
    ),
    ConfigField(
        name=EVENT_DEFAULTS_FIELD,
        type=FIELD_MULTILINE,
        default=_format_event_defaults(DEFAULT_EVENT_RULES),
        label="Priority and category per event",
        help_text=(
            "One line per event: 'event: priority, category'. Events: "
            + ", ".join(IntakeKind.ALL)
            + ". Priorities: low, normal, high, urgent. Categories are the slugs of the"
            " desk's categories (order, cancellation, return, refund, delivery, payment,"
            " product-question, account, complaint, other, and your own). Events left out"
            " keep their defaults."
        ),
    ),
    ConfigField(
        name=ACKNOWLEDGE_FIELD,
        type=FIELD_BOOLEAN,
        default="false",
        label="Acknowledge automatic tickets",
        help_text=(
            "Add a public message to the customer when a store event opens a ticket,"
            " so they see it in their account."
        ),
    ),
    ConfigField(
        name=ACKNOWLEDGEMENT_MESSAGE_FIELD,
        type=FIELD_MULTILINE,
        default=DEFAULT_ACKNOWLEDGEMENT,
        label="Acknowledgement message",
        help_text=(
            "Text of the acknowledgement. It may use {customer_name}, {order_number} and"
            " {ticket_number}. For other languages add sections: a line '[ro]', '[pl]' or"
            " '[fa]' followed by the text in that language; customers whose order is in"
            " another language get the text before the first section."
        ),
    ),
    ConfigField(
        name=REOPEN_DAYS_FIELD,
        type=FIELD_STRING,
        default=str(DEFAULT_REOPEN_DAYS),
        label="Days a customer may reopen a ticket",
        help_text=(
            "How many days after a ticket is solved or closed its customer may reopen it"
            f" (0 to {MAX_REOPEN_DAYS}; 0: never). Later, they open a new ticket."
        ),
    ),
]

DEFAULT_CONFIGURATION: dict[str, str] = {f.name: f.default for f in CONFIG_FIELDS}


@dataclass(frozen=True)
class EventRule:
    enabled: bool
    priority: str
    category: str


@dataclass(frozen=True)
class IntakeSettings:
    rules: dict[str, EventRule]
    acknowledge: bool
    acknowledgements: dict[str, str]
    """Acknowledgement text per language code; ``""`` holds the default."""
    reopen_days: int = DEFAULT_REOPEN_DAYS
    """Days after solving or closing during which the customer may reopen a ticket."""

    def rule(self, kind: str) -> EventRule:
        return self.rules[kind]

    def acknowledgement(self, language_code: str) -> str:
        """Return the text for ``language_code`` ("pt-BR" falls back to "pt", then default)."""
        code = language_code.lower()
        for candidate in (code, code.split("-")[0], ""):
            if candidate in self.acknowledgements:
                return self.acknowledgements[candidate]
        return ""


_SECTION = re.compile(r"^\[([a-zA-Z]{2,3}(?:-[a-zA-Z0-9]{2,8})?)\]$")


def split_language_sections(text: str) -> tuple[dict[str, str], list[str]]:
    """Split a message into its default text and ``[lang]`` sections; list repeated ones."""
    sections: dict[str, list[str]] = {"": []}
    repeated: list[str] = []
    current = ""
    for line in text.splitlines():
        match = _SECTION.match(line.strip())
        if match:
            current = match.group(1).lower()
            if current in sections:
                repeated.append(current)
            sections[current] = []
            continue
        sections[current].append(line)
    return {code: "\n".join(lines).strip() for code, lines in sections.items()}, repeated


class ConfigurationError(Exception):
    """Invalid plugin configuration: ``errors`` maps a field name to what is wrong with it."""

    def __init__(self, errors: dict[str, str]) -> None:
        super().__init__("; ".join(f"{k}: {v}" for k, v in errors.items()))
        self.errors = errors


def _parse_boolean(value: Any) -> bool | None:
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in {"true", "1", "yes", "on"}:
        return True
    if text in {"false", "0", "no", "off", ""}:
        return False
    return None


def _parse_days(value: Any) -> int | None:
    text = str(value).strip()
    if not (text.isascii() and text.isdigit()) or int(text) > MAX_REOPEN_DAYS:
        return None
    return int(text)


def _parse_event_defaults(
    text: str, known_categories: set[str] | None
) -> tuple[dict[str, tuple[str, str]], list[str]]:
    rules = dict(DEFAULT_EVENT_RULES)
    problems: list[str] = []
    seen: set[str] = set()
    priorities = {key for key, _ in TicketPriority.CHOICES}
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        kind, sep, rest = line.partition(":")
        kind = kind.strip()
        parts = [p.strip() for p in rest.split(",")]
        if not sep or len(parts) != 2 or not all(parts):
            problems.append(f"line {number}: write 'event: priority, category'")
            continue
        priority, category = parts
        if kind not in IntakeKind.ALL:
            problems.append(f"line {number}: unknown event '{kind}'")
        elif kind in seen:
            problems.append(f"line {number}: '{kind}' is listed twice")
        if priority not in priorities:
            problems.append(f"line {number}: unknown priority '{priority}'")
        if known_categories is not None and category not in known_categories:
            problems.append(f"line {number}: unknown category '{category}'")
        seen.add(kind)
        if kind in IntakeKind.ALL:
            rules[kind] = (priority, category)
    return rules, problems


def _check_message(text: str) -> str | None:
    try:
        names = {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}
    except ValueError:
        return "unbalanced braces; write {{ and }} for literal braces"
    unknown = names - ACKNOWLEDGEMENT_PLACEHOLDERS
    if unknown:
        return "unknown placeholder " + ", ".join("{" + n + "}" for n in sorted(unknown))
    try:
        rendered = render_acknowledgement(
            text, customer_name="Ana Popescu", order_number="1042", ticket_number=1007
        )
    except (ValueError, TypeError) as exc:
        return f"a placeholder cannot be filled in ({exc}); write them as {{customer_name}}"
    if len(rendered) > MAX_ACKNOWLEDGEMENT_LENGTH:
        return f"at most {MAX_ACKNOWLEDGEMENT_LENGTH} characters"
    return None


def parse_configuration(
    values: dict[str, Any], *, known_categories: set[str] | None = None
) -> IntakeSettings:
    """Turn stored configuration values into intake settings.

    Missing names take their defaults. Raises ``ConfigurationError`` naming every bad field.
    """
    merged = {
        **DEFAULT_CONFIGURATION,
        **{k: v for k, v in values.items() if v is not None},
    }
    errors: dict[str, str] = {}
    enabled: dict[str, bool] = {}
    for kind in IntakeKind.ALL:
        name = open_on_field(kind)
        flag = _parse_boolean(merged[name])
        if flag is None:
            errors[name] = f"'{merged[name]}' is not true or false"
        enabled[kind] = bool(flag)
    event_rules, problems = _parse_event_defaults(
        str(merged[EVENT_DEFAULTS_FIELD]), known_categories
    )
    if problems:
        errors[EVENT_DEFAULTS_FIELD] = "; ".join(problems)
    acknowledge = _parse_boolean(merged[ACKNOWLEDGE_FIELD])
    if acknowledge is None:
        errors[ACKNOWLEDGE_FIELD] = f"'{merged[ACKNOWLEDGE_FIELD]}' is not true or false"
    texts, repeated = split_language_sections(str(merged[ACKNOWLEDGEMENT_MESSAGE_FIELD]))
    problems = [f"[{code}] is given twice" for code in repeated]
    for code, text in texts.items():
        problem = _check_message(text)
        if problem:
            problems.append(f"[{code}]: {problem}" if code else problem)
        elif code and not text:
            problems.append(f"[{code}] has no text")
    if problems:
        errors[ACKNOWLEDGEMENT_MESSAGE_FIELD] = "; ".join(problems)
    elif acknowledge and not texts[""]:
        errors[ACKNOWLEDGEMENT_MESSAGE_FIELD] = "write the message, or turn acknowledgements off"
    reopen_days = _parse_days(merged[REOPEN_DAYS_FIELD])
    if reopen_days is None:
        errors[REOPEN_DAYS_FIELD] = (
            f"'{merged[REOPEN_DAYS_FIELD]}' is not a whole number from 0 to {MAX_REOPEN_DAYS}"
        )
    if errors:
        raise ConfigurationError(errors)
    return IntakeSettings(
        rules={
            kind: EventRule(enabled=enabled[kind], priority=prio, category=cat)
            for kind, (prio, cat) in event_rules.items()
        },
        acknowledge=bool(acknowledge),
        acknowledgements=texts,
        reopen_days=reopen_days or 0,
    )


def render_acknowledgement(
    template: str, *, customer_name: str, order_number: str, ticket_number: int
) -> str:
    return template.format(
        customer_name=customer_name,
        order_number=order_number,
        ticket_number=ticket_number,
    )

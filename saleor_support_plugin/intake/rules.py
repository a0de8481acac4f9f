"""The merchant's intake rules: which store events open tickets, and how.

They are stored as the plugin's configuration (a name to string mapping edited in
Saleor's Dashboard), declared here as data so the plugin, the sandbox and the
processing read the same fields.
"""

import re
import string
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from ..tickets import TicketPriority
from ..tickets.models import TicketCategory
from . import IntakeKind
from .error_codes import IntakeRulesErrorCode

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


def format_event_defaults(rules: Mapping[str, tuple[str, str]]) -> str:
    """Write event rules (kind to priority and category) as the configuration's lines."""
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
        default=format_event_defaults(DEFAULT_EVENT_RULES),
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
    acknowledgement_text: str = ""
    """The acknowledgement as written, language sections included."""

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


@dataclass(frozen=True)
class ConfigurationProblem:
    """One thing wrong with a configuration value."""

    name: str
    """The configuration field."""
    code: IntakeRulesErrorCode
    message: str
    kind: str | None = None
    """The event it is about: of an ``open_on_*`` switch, or of an ``event_defaults`` line."""
    part: str | None = None
    """Of an ``event_defaults`` line: ``priority`` or ``category``; ``None`` for the line."""
    line: int | None = None

    @property
    def text(self) -> str:
        return f"line {self.line}: {self.message}" if self.line else self.message


class ConfigurationError(Exception):
    """Invalid plugin configuration: ``errors`` maps a field name to what is wrong with it."""

    def __init__(self, problems: list[ConfigurationProblem]) -> None:
        self.problems = problems
        self.errors: dict[str, str] = {}
        for problem in problems:
            known = self.errors.get(problem.name)
            self.errors[problem.name] = f"{known}; {problem.text}" if known else problem.text
        super().__init__("; ".join(f"{k}: {v}" for k, v in self.errors.items()))


@dataclass(frozen=True)
class KnownCategories:
    """The categories event rules may name."""

    active: frozenset[str]
    inactive: frozenset[str] = frozenset()
    kept: Mapping[str, str] = field(default_factory=dict)
    """Event kind to the category it had before the change: accepted as it is, even when
    deactivated or deleted since (its events then open tickets in ``other``)."""

    def problem(self, kind: str, slug: str) -> tuple[IntakeRulesErrorCode, str] | None:
        if slug in self.active or self.kept.get(kind) == slug:
            return None
        if slug in self.inactive:
            return IntakeRulesErrorCode.INACTIVE_CATEGORY, f"category '{slug}' is inactive"
        return IntakeRulesErrorCode.UNKNOWN_CATEGORY, f"unknown category '{slug}'"


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
    text: str, known: KnownCategories | None
) -> tuple[dict[str, tuple[str, str]], list[ConfigurationProblem]]:
    rules = dict(DEFAULT_EVENT_RULES)
    problems: list[ConfigurationProblem] = []
    seen: set[str] = set()
    priorities = {key for key, _ in TicketPriority.CHOICES}

    def problem(
        code: IntakeRulesErrorCode, message: str, line: int, kind: str | None, part: str | None
    ) -> None:
        problems.append(ConfigurationProblem(EVENT_DEFAULTS_FIELD, code, message, kind, part, line))

    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        kind, sep, rest = line.partition(":")
        kind = kind.strip()
        parts = [p.strip() for p in rest.split(",")]
        event = kind if kind in IntakeKind.ALL else None
        if not sep or len(parts) != 2 or not all(parts):
            problem(
                IntakeRulesErrorCode.INVALID,
                "write 'event: priority, category'",
                number,
                event,
                None,
            )
            continue
        priority, category = parts
        if event is None:
            problem(IntakeRulesErrorCode.INVALID, f"unknown event '{kind}'", number, None, None)
        elif kind in seen:
            problem(IntakeRulesErrorCode.DUPLICATE, f"'{kind}' is listed twice", number, kind, None)
        if priority not in priorities:
            problem(
                IntakeRulesErrorCode.INVALID,
                f"unknown priority '{priority}'",
                number,
                event,
                "priority",
            )
        refused = known.problem(kind, category) if known is not None else None
        if refused is not None:
            problem(*refused, number, event, "category")
        seen.add(kind)
        if event is not None:
            rules[kind] = (priority, category)
    return rules, problems


def stored_event_rules(values: Mapping[str, Any]) -> dict[str, tuple[str, str]]:
    """Return each event's (priority, category) as stored, defaults filled in.

    Lines that do not parse are left out: their events keep the defaults.
    """
    text = values.get(EVENT_DEFAULTS_FIELD)
    if text is None:
        text = DEFAULT_CONFIGURATION[EVENT_DEFAULTS_FIELD]
    return _parse_event_defaults(str(text), None)[0]


def _check_message(text: str) -> tuple[IntakeRulesErrorCode, str] | None:
    try:
        names = {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}
    except ValueError:
        return (
            IntakeRulesErrorCode.INVALID,
            "unbalanced braces; write {{ and }} for literal braces",
        )
    unknown = names - ACKNOWLEDGEMENT_PLACEHOLDERS
    if unknown:
        return (
            IntakeRulesErrorCode.INVALID,
            "unknown placeholder " + ", ".join("{" + n + "}" for n in sorted(unknown)),
        )
    try:
        rendered = render_acknowledgement(
            text, customer_name="Ana Popescu", order_number="1042", ticket_number=1007
        )
    except (ValueError, TypeError) as exc:
        return (
            IntakeRulesErrorCode.INVALID,
            f"a placeholder cannot be filled in ({exc}); write them as {{customer_name}}",
        )
    if len(rendered) > MAX_ACKNOWLEDGEMENT_LENGTH:
        return IntakeRulesErrorCode.TOO_LONG, f"at most {MAX_ACKNOWLEDGEMENT_LENGTH} characters"
    return None


def _message_problems(text: str, *, acknowledge: bool | None) -> list[ConfigurationProblem]:
    texts, repeated = split_language_sections(text)
    found = [(IntakeRulesErrorCode.DUPLICATE, f"[{code}] is given twice") for code in repeated]
    for code, section in texts.items():
        problem = _check_message(section)
        if problem:
            found.append((problem[0], f"[{code}]: {problem[1]}" if code else problem[1]))
        elif code and not section:
            found.append((IntakeRulesErrorCode.REQUIRED, f"[{code}] has no text"))
    if not found and acknowledge and not texts[""]:
        found.append(
            (IntakeRulesErrorCode.REQUIRED, "write the message, or turn acknowledgements off")
        )
    return [ConfigurationProblem(ACKNOWLEDGEMENT_MESSAGE_FIELD, c, m) for c, m in found]


def parse_configuration(
    values: Mapping[str, Any], *, known_categories: set[str] | KnownCategories | None = None
) -> IntakeSettings:
    """Turn stored configuration values into intake settings.

    Missing names take their defaults. Event rules may name any category unless
    ``known_categories`` says which. Raises ``ConfigurationError`` naming every bad field.
    """
    known = (
        KnownCategories(active=frozenset(known_categories))
        if isinstance(known_categories, set)
        else known_categories
    )
    merged = {
        **DEFAULT_CONFIGURATION,
        **{k: v for k, v in values.items() if v is not None},
    }
    problems: list[ConfigurationProblem] = []
    enabled: dict[str, bool] = {}
    for kind in IntakeKind.ALL:
        name = open_on_field(kind)
        flag = _parse_boolean(merged[name])
        if flag is None:
            problems.append(
                ConfigurationProblem(
                    name,
                    IntakeRulesErrorCode.INVALID,
                    f"'{merged[name]}' is not true or false",
                    kind=kind,
                )
            )
        enabled[kind] = bool(flag)
    event_rules, event_problems = _parse_event_defaults(str(merged[EVENT_DEFAULTS_FIELD]), known)
    problems += event_problems
    acknowledge = _parse_boolean(merged[ACKNOWLEDGE_FIELD])
    if acknowledge is None:
        problems.append(
            ConfigurationProblem(
                ACKNOWLEDGE_FIELD,
                IntakeRulesErrorCode.INVALID,
                f"'{merged[ACKNOWLEDGE_FIELD]}' is not true or false",
            )
        )
    text = str(merged[ACKNOWLEDGEMENT_MESSAGE_FIELD])
    problems += _message_problems(text, acknowledge=acknowledge)
    reopen_days = _parse_days(merged[REOPEN_DAYS_FIELD])
    if reopen_days is None:
        problems.append(
            ConfigurationProblem(
                REOPEN_DAYS_FIELD,
                IntakeRulesErrorCode.INVALID,
                f"'{merged[REOPEN_DAYS_FIELD]}' is not a whole number from 0 to {MAX_REOPEN_DAYS}",
            )
        )
    if problems:
        raise ConfigurationError(problems)
    return IntakeSettings(
        rules={
            kind: EventRule(enabled=enabled[kind], priority=prio, category=cat)
            for kind, (prio, cat) in event_rules.items()
        },
        acknowledge=bool(acknowledge),
        acknowledgements=split_language_sections(text)[0],
        reopen_days=reopen_days or 0,
        acknowledgement_text=text,
    )


def validate_configuration(
    values: Mapping[str, Any], *, previous: Mapping[str, Any]
) -> IntakeSettings:
    """Check the configuration a merchant saves, in the plugin's form or through the API.

    As ``parse_configuration``, and event rules name active categories; an event may keep
    the category it has in ``previous`` (the stored values) even when that one was
    deactivated or deleted since. Raises ``ConfigurationError`` naming every bad field.
    """
    categories = dict(TicketCategory.objects.values_list("slug", "is_active"))
    known = KnownCategories(
        active=frozenset(slug for slug, active in categories.items() if active),
        inactive=frozenset(slug for slug, active in categories.items() if not active),
        kept={kind: category for kind, (_, category) in stored_event_rules(previous).items()},
    )
    return parse_configuration(values, known_categories=known)


def render_acknowledgement(
    template: str, *, customer_name: str, order_number: str, ticket_number: int
) -> str:
    return template.format(
        customer_name=customer_name,
        order_number=order_number,
        ticket_number=ticket_number,
    )

"""What team leads change in the intake rules: partial updates, checked like the plugin's form.

The rules are the plugin's configuration, stored by the host (Saleor's plugin configuration,
or the sandbox's). An update reads the stored values, applies the fields given, checks the
result with ``rules.validate_configuration`` (as Saleor's Dashboard form does) and writes the
changed names through the host, all or nothing. Errors name the API's input fields.
"""

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..host import Host
from . import IntakeKind
from .error_codes import IntakeRulesError, IntakeRulesErrorCode, IntakeRulesProblem
from .rules import (
    ACKNOWLEDGE_FIELD,
    ACKNOWLEDGEMENT_MESSAGE_FIELD,
    EVENT_DEFAULTS_FIELD,
    REOPEN_DAYS_FIELD,
    ConfigurationError,
    ConfigurationProblem,
    IntakeSettings,
    format_event_defaults,
    open_on_field,
    stored_event_rules,
    validate_configuration,
)

CATEGORY_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
INPUT_FIELDS = {
    ACKNOWLEDGE_FIELD: "acknowledgeCustomer",
    ACKNOWLEDGEMENT_MESSAGE_FIELD: "acknowledgementMessage",
    REOPEN_DAYS_FIELD: "customerReopenDays",
}
"""Configuration field to the input field that sets it (events are ``events[i].*``)."""


@dataclass(frozen=True)
class EventRuleChange:
    """A change to one event's rule; fields left ``None`` stay as they are."""

    kind: str
    enabled: bool | None = None
    priority: str | None = None
    category: str | None = None
    """Slug of the category its tickets open in."""


@dataclass(frozen=True)
class IntakeRulesChange:
    """A change to the intake rules; fields left ``None`` (or events left out) stay."""

    events: Sequence[EventRuleChange] = ()
    acknowledge: bool | None = None
    acknowledgement_message: str | None = None
    reopen_days: int | None = None


def _check_events(events: Sequence[EventRuleChange]) -> list[IntakeRulesProblem]:
    problems: list[IntakeRulesProblem] = []
    seen: set[str] = set()
    for index, event in enumerate(events):
        field = f"events[{index}]"
        if event.kind not in IntakeKind.ALL:
            problems.append(
                IntakeRulesProblem(
                    IntakeRulesErrorCode.INVALID, f"Unknown event '{event.kind}'.", f"{field}.kind"
                )
            )
        elif event.kind in seen:
            problems.append(
                IntakeRulesProblem(
                    IntakeRulesErrorCode.DUPLICATE,
                    f"The event '{event.kind}' is listed twice.",
                    f"{field}.kind",
                )
            )
        seen.add(event.kind)
        if event.category is None:
            continue
        if not event.category.strip():
            problems.append(
                IntakeRulesProblem(
                    IntakeRulesErrorCode.REQUIRED, "A category is required.", f"{field}.category"
                )
            )
        elif not CATEGORY_SLUG.match(event.category.strip()):
            problems.append(
                IntakeRulesProblem(
                    IntakeRulesErrorCode.UNKNOWN_CATEGORY,
                    f"Unknown category '{event.category}'.",
                    f"{field}.category",
                )
            )
    return problems


def _changed_values(stored: dict[str, str], change: IntakeRulesChange) -> dict[str, str]:
    values: dict[str, str] = {}
    rules = stored_event_rules(stored)
    rules_changed = False
    for event in change.events:
        if event.enabled is not None:
            values[open_on_field(event.kind)] = "true" if event.enabled else "false"
        if event.priority is not None or event.category is not None:
            priority, category = rules[event.kind]
            rules[event.kind] = (
                event.priority if event.priority is not None else priority,
                event.category.strip() if event.category is not None else category,
            )
            rules_changed = True
    if rules_changed:
        values[EVENT_DEFAULTS_FIELD] = format_event_defaults(rules)
    if change.acknowledge is not None:
        values[ACKNOWLEDGE_FIELD] = "true" if change.acknowledge else "false"
    if change.acknowledgement_message is not None:
        values[ACKNOWLEDGEMENT_MESSAGE_FIELD] = change.acknowledgement_message
    if change.reopen_days is not None:
        values[REOPEN_DAYS_FIELD] = str(change.reopen_days)
    return values


def _sentence(text: str) -> str:
    text = text[:1].upper() + text[1:]
    return text if text.endswith((".", "!", "?")) else text + "."


def _input_problem(problem: ConfigurationProblem, index_of: dict[str, int]) -> IntakeRulesProblem:
    field = INPUT_FIELDS.get(problem.name, "events")
    if problem.kind in index_of:
        event = f"events[{index_of[problem.kind]}]"
        if problem.name == EVENT_DEFAULTS_FIELD:
            field = f"{event}.{problem.part}" if problem.part else event
        elif problem.name == open_on_field(problem.kind):
            field = f"{event}.enabled"
    return IntakeRulesProblem(problem.code, _sentence(problem.message), field)


def update_intake_rules(host: Host, change: IntakeRulesChange) -> IntakeSettings:
    """Apply ``change`` to the stored intake rules and return the rules in effect.

    Raises ``IntakeRulesError`` naming every input field at fault; then nothing is stored.
    """
    problems = _check_events(change.events)
    if problems:
        raise IntakeRulesError(problems)
    stored = host.plugin_configuration()
    values = _changed_values(stored, change)
    index_of = {event.kind: index for index, event in enumerate(change.events)}
    try:
        settings = validate_configuration({**stored, **values}, previous=stored)
        if values:
            host.save_plugin_configuration(values)
    except ConfigurationError as exc:
        raise IntakeRulesError([_input_problem(p, index_of) for p in exc.problems]) from exc
    return settings

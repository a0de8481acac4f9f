import pytest

from saleor_support_plugin.intake import IntakeKind
from saleor_support_plugin.intake.rules import (
    DEFAULT_CONFIGURATION,
    ConfigurationError,
    EventRule,
    parse_configuration,
    render_acknowledgement,
)

CATEGORIES = {"order", "cancellation", "return", "refund", "payment", "complaint"}


def test_defaults_turn_every_event_on():
    settings = parse_configuration({}, known_categories=CATEGORIES)

    assert settings.rules == {
        IntakeKind.CANCELLATION: EventRule(True, "normal", "cancellation"),
        IntakeKind.EXPIRY: EventRule(True, "normal", "order"),
        IntakeKind.REFUND: EventRule(True, "normal", "refund"),
        IntakeKind.FULL_REFUND: EventRule(True, "high", "refund"),
        IntakeKind.RETURN: EventRule(True, "normal", "return"),
        IntakeKind.REPLACEMENT: EventRule(True, "normal", "return"),
        IntakeKind.CUSTOMER_NOTE: EventRule(True, "normal", "order"),
        IntakeKind.PAYMENT_PROBLEM: EventRule(True, "high", "payment"),
    }
    assert settings.acknowledge is False
    assert parse_configuration(DEFAULT_CONFIGURATION) == settings


def test_lines_override_their_events_only_and_comments_are_ignored():
    settings = parse_configuration(
        {
            "event_defaults": "# mine\n\n return : urgent , complaint \n",
            "open_on_expiry": "False",
        },
        known_categories=CATEGORIES,
    )

    assert settings.rule(IntakeKind.RETURN) == EventRule(True, "urgent", "complaint")
    assert settings.rule(IntakeKind.EXPIRY) == EventRule(False, "normal", "order")
    assert settings.rule(IntakeKind.REPLACEMENT) == EventRule(True, "normal", "return")


@pytest.mark.parametrize(
    ("values", "errors"),
    [
        ({"open_on_return": "sometimes"}, {"open_on_return": "'sometimes' is not true or false"}),
        (
            {"event_defaults": "refund high refund"},
            {"event_defaults": "line 1: write 'event: priority, category'"},
        ),
        (
            {"event_defaults": "lost: high, order"},
            {"event_defaults": "line 1: unknown event 'lost'"},
        ),
        (
            {"event_defaults": "refund: high, order\nrefund: low, order"},
            {"event_defaults": "line 2: 'refund' is listed twice"},
        ),
        (
            {"event_defaults": "refund: high, shoes"},
            {"event_defaults": "line 1: unknown category 'shoes'"},
        ),
        (
            {"acknowledge_customer": "yes please"},
            {"acknowledge_customer": "'yes please' is not true or false"},
        ),
        (
            {"acknowledgement_message": "Hi {customer_name"},
            {"acknowledgement_message": "unbalanced braces; write {{ and }} for literal braces"},
        ),
        (
            {"acknowledgement_message": "Hi {customer_name:d}"},
            {
                "acknowledgement_message": "a placeholder cannot be filled in (Unknown format"
                " code 'd' for object of type 'str'); write them as {customer_name}"
            },
        ),
        (
            {"acknowledgement_message": "x" * 5_001},
            {"acknowledgement_message": "at most 5000 characters"},
        ),
        (
            {"acknowledge_customer": "true", "acknowledgement_message": "  "},
            {"acknowledgement_message": "write the message, or turn acknowledgements off"},
        ),
    ],
)
def test_bad_values_are_named(values, errors):
    with pytest.raises(ConfigurationError) as error:
        parse_configuration(values, known_categories=CATEGORIES)

    assert error.value.errors == errors


def test_acknowledgement_renders_persian_text():
    text = render_acknowledgement(
        "سلام {customer_name}، تیکت {ticket_number} برای سفارش {order_number} باز شد.",
        customer_name="مریم",
        order_number="1042",
        ticket_number=1007,
    )

    assert text == "سلام مریم، تیکت 1007 برای سفارش 1042 باز شد."


def test_acknowledgements_per_language_fall_back_to_the_default():
    settings = parse_configuration(
        {
            "acknowledgement_message": (
                "Hello {customer_name}\n\n[ro]\nBună ziua, {customer_name}!"
                "\n[fa]\nسلام {customer_name}"
            )
        }
    )

    assert settings.acknowledgements == {
        "": "Hello {customer_name}",
        "ro": "Bună ziua, {customer_name}!",
        "fa": "سلام {customer_name}",
    }
    assert settings.acknowledgement("ro") == "Bună ziua, {customer_name}!"
    assert settings.acknowledgement("fa-IR") == "سلام {customer_name}"
    assert settings.acknowledgement("pl") == "Hello {customer_name}"


def test_language_sections_are_checked_one_by_one():
    with pytest.raises(ConfigurationError) as error:
        parse_configuration(
            {"acknowledgement_message": "Hi\n[ro]\nSalut\n[pl]\n[ro]\nSalut {nume}"}
        )

    assert error.value.errors == {
        "acknowledgement_message": "[ro] is given twice; [ro]: unknown placeholder {nume};"
        " [pl] has no text"
    }

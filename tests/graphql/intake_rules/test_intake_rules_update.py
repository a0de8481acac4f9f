"""supportIntakeRulesUpdate: team leads change the intake rules, checked as Saleor's form is."""

import pytest

from saleor_support_plugin.host import get_host
from saleor_support_plugin.host.requestor import DeskPermission, Requestor, RequestorKind
from saleor_support_plugin.intake.rules import DEFAULT_CONFIGURATION
from saleor_support_plugin.tickets.categories import CategoryValues, update_category
from saleor_support_plugin.tickets.models import TicketCategory
from sandbox.store.models import PluginSetting
from tests.graphql.requestors import act_as

UPDATE = """
mutation Update($input: SupportIntakeRulesInput!) {
  supportIntakeRulesUpdate(input: $input) {
    intakeRules {
      events { kind enabled priority category { slug } categorySlug }
      acknowledgeCustomer
      acknowledgementMessage
      customerReopenDays
    }
    errors { field message code }
  }
}
"""
LEAD_DENIED = "Only team leads, managers and holders of MANAGE_SETTINGS can do this."
AGENT_DENIED = "You need the following permissions to do this: MANAGE_ORDERS."


def _saved():
    return dict(PluginSetting.objects.values_list("name", "value"))


def _error(field, message, code):
    return {"field": field, "message": message, "code": code}


def _deactivate(slug):
    update_category(TicketCategory.objects.get(slug=slug), CategoryValues(is_active=False))


def test_a_lead_changes_some_rules_and_the_rest_stays(lead_client, desk_configuration):
    # given: the sandbox's settings turn acknowledgements on
    desk_configuration.update(
        {"acknowledge_customer": "true", "event_defaults": "expiry: low, order"}
    )

    # when
    result = lead_client.execute(
        UPDATE,
        {
            "input": {
                "events": [
                    {"kind": "CANCELLATION", "enabled": False},
                    {"kind": "REFUND", "priority": "URGENT", "category": "complaint"},
                ],
                "customerReopenDays": 0,
            }
        },
    )

    # then
    payload = result["data"]["supportIntakeRulesUpdate"]
    assert payload["errors"] == []
    rules = payload["intakeRules"]
    assert rules["events"][:3] == [
        {
            "kind": "CANCELLATION",
            "enabled": False,
            "priority": "NORMAL",
            "category": {"slug": "cancellation"},
            "categorySlug": "cancellation",
        },
        {
            "kind": "EXPIRY",
            "enabled": True,
            "priority": "LOW",
            "category": {"slug": "order"},
            "categorySlug": "order",
        },
        {
            "kind": "REFUND",
            "enabled": True,
            "priority": "URGENT",
            "category": {"slug": "complaint"},
            "categorySlug": "complaint",
        },
    ]
    assert (rules["acknowledgeCustomer"], rules["customerReopenDays"]) == (True, 0)
    assert _saved() == {
        "open_on_cancellation": "false",
        "event_defaults": (
            "cancellation: normal, cancellation\n"
            "expiry: low, order\n"
            "refund: urgent, complaint\n"
            "full_refund: high, refund\n"
            "return: normal, return\n"
            "replacement: normal, return\n"
            "customer_note: normal, order\n"
            "payment_problem: high, payment"
        ),
        "customer_reopen_days": "0",
    }


def test_saved_rules_persist_over_the_settings_and_can_change_again(
    lead_client, desk_configuration
):
    # given
    desk_configuration["acknowledge_customer"] = "true"
    message = "Salut {customer_name}, tichetul #{ticket_number}.\n[fa]\nسلام {customer_name}"

    # when
    lead_client.execute(
        UPDATE, {"input": {"acknowledgeCustomer": False, "acknowledgementMessage": message}}
    )
    lead_client.execute(UPDATE, {"input": {"acknowledgeCustomer": True}})

    # then
    assert get_host().plugin_configuration() == {
        "acknowledge_customer": "true",
        "acknowledgement_message": message,
    }
    settings = lead_client.execute(
        "{ supportIntakeRules { acknowledgeCustomer acknowledgementMessage } }"
    )
    assert settings["data"]["supportIntakeRules"] == {
        "acknowledgeCustomer": True,
        "acknowledgementMessage": message,
    }
    assert PluginSetting.objects.count() == 2


def test_an_empty_change_stores_nothing(lead_client, desk_configuration):
    # when
    result = lead_client.execute(UPDATE, {"input": {"events": []}})

    # then
    assert result["data"]["supportIntakeRulesUpdate"]["errors"] == []
    assert _saved() == {}


@pytest.mark.parametrize(
    ("change", "errors"),
    [
        (
            {"customerReopenDays": -1},
            [_error("customerReopenDays", "'-1' is not a whole number from 0 to 365.", "INVALID")],
        ),
        (
            {"customerReopenDays": 366},
            [_error("customerReopenDays", "'366' is not a whole number from 0 to 365.", "INVALID")],
        ),
        (
            {"acknowledgementMessage": "Hi {name}"},
            [_error("acknowledgementMessage", "Unknown placeholder {name}.", "INVALID")],
        ),
        (
            {"acknowledgementMessage": "Hi {customer_name"},
            [
                _error(
                    "acknowledgementMessage",
                    "Unbalanced braces; write {{ and }} for literal braces.",
                    "INVALID",
                )
            ],
        ),
        (
            {"acknowledgementMessage": "x" * 5_001},
            [_error("acknowledgementMessage", "At most 5000 characters.", "TOO_LONG")],
        ),
        (
            {"acknowledgeCustomer": True, "acknowledgementMessage": " \n "},
            [
                _error(
                    "acknowledgementMessage",
                    "Write the message, or turn acknowledgements off.",
                    "REQUIRED",
                )
            ],
        ),
        (
            {"acknowledgementMessage": "Hi\n[ro]\nSalut\n[ro]\nSalut!\n[pl]"},
            [
                _error("acknowledgementMessage", "[ro] is given twice.", "DUPLICATE"),
                _error("acknowledgementMessage", "[pl] has no text.", "REQUIRED"),
            ],
        ),
        (
            {"events": [{"kind": "REFUND", "enabled": False}, {"kind": "REFUND"}]},
            [_error("events[1].kind", "The event 'refund' is listed twice.", "DUPLICATE")],
        ),
        (
            {"events": [{"kind": "RETURN", "category": "  "}]},
            [_error("events[0].category", "A category is required.", "REQUIRED")],
        ),
        (
            {"events": [{"kind": "RETURN", "category": "return, urgent\nrefund: low"}]},
            [
                _error(
                    "events[0].category",
                    "Unknown category 'return, urgent\nrefund: low'.",
                    "UNKNOWN_CATEGORY",
                )
            ],
        ),
        (
            {
                "events": [
                    {"kind": "EXPIRY", "enabled": False},
                    {"kind": "RETURN", "priority": "HIGH"},
                    {"kind": "REFUND", "category": "teleportation"},
                ]
            },
            [_error("events[2].category", "Unknown category 'teleportation'.", "UNKNOWN_CATEGORY")],
        ),
        (
            {"events": [{"kind": "CANCELLATION", "category": "complaint"}]},
            [
                _error(
                    "events[0].category", "Category 'complaint' is inactive.", "INACTIVE_CATEGORY"
                )
            ],
        ),
        (
            {
                "events": [{"kind": "PAYMENT_PROBLEM", "category": "nope"}],
                "customerReopenDays": 1000,
                "acknowledgementMessage": "{x}",
            },
            [
                _error("events[0].category", "Unknown category 'nope'.", "UNKNOWN_CATEGORY"),
                _error("acknowledgementMessage", "Unknown placeholder {x}.", "INVALID"),
                _error(
                    "customerReopenDays", "'1000' is not a whole number from 0 to 365.", "INVALID"
                ),
            ],
        ),
    ],
    ids=[
        "negative days",
        "too many days",
        "unknown placeholder",
        "unbalanced braces",
        "message too long",
        "acknowledging without a message",
        "language sections",
        "event twice",
        "empty category",
        "not a slug",
        "unknown category",
        "inactive category",
        "every bad field",
    ],
)
def test_bad_changes_name_their_fields_and_store_nothing(
    lead_client, desk_configuration, change, errors
):
    # given
    _deactivate("complaint")

    # when
    result = lead_client.execute(UPDATE, {"input": change})

    # then
    assert result["data"]["supportIntakeRulesUpdate"] == {"intakeRules": None, "errors": errors}
    assert _saved() == {}


def test_an_event_keeps_its_deactivated_category_while_other_fields_change(
    lead_client, desk_configuration
):
    # given: refunds open tickets in "complaint", deactivated since
    desk_configuration["event_defaults"] = "refund: high, complaint"
    _deactivate("complaint")

    # when
    result = lead_client.execute(
        UPDATE,
        {
            "input": {
                "events": [{"kind": "REFUND", "priority": "LOW", "category": "complaint"}],
                "customerReopenDays": 3,
            }
        },
    )

    # then
    payload = result["data"]["supportIntakeRulesUpdate"]
    assert payload["errors"] == []
    assert payload["intakeRules"]["events"][2] == {
        "kind": "REFUND",
        "enabled": True,
        "priority": "LOW",
        "category": {"slug": "complaint"},
        "categorySlug": "complaint",
    }
    assert _saved()["customer_reopen_days"] == "3"


def test_a_stored_value_that_no_longer_parses_is_named(lead_client, desk_configuration):
    # given: a stored value the form would refuse
    desk_configuration["acknowledgement_message"] = "Hi {nume}"

    # when
    result = lead_client.execute(UPDATE, {"input": {"customerReopenDays": 3}})

    # then
    assert result["data"]["supportIntakeRulesUpdate"] == {
        "intakeRules": None,
        "errors": [_error("acknowledgementMessage", "Unknown placeholder {nume}.", "INVALID")],
    }
    assert _saved() == {}


CHANGE = {"input": {"events": [{"kind": "CANCELLATION", "enabled": False}]}}


@pytest.mark.parametrize(
    ("who", "message"),
    [
        ("staff_api_client", LEAD_DENIED),
        ("customer_api_client", AGENT_DENIED),
        ("guest_client", AGENT_DENIED),
        ("api_client", AGENT_DENIED),
    ],
    ids=["agent", "customer", "guest", "anonymous"],
)
def test_only_leads_change_the_rules(request, db, desk_configuration, who, message):
    # given
    client = request.getfixturevalue(who)

    # when
    result = client.execute(UPDATE, CHANGE)

    # then
    assert [(e["message"], e["extensions"]) for e in result["errors"]] == [
        (message, {"exception": {"code": "PERMISSION_DENIED"}})
    ]
    assert _saved() == {}


def test_support_administrators_change_the_rules(
    api_client, monkeypatch, agent, desk_configuration
):
    # given: MANAGE_SETTINGS with MANAGE_ORDERS, no agent profile
    act_as(
        monkeypatch,
        Requestor(
            kind=RequestorKind.STAFF,
            user_id=agent.pk,
            permissions=frozenset(
                {DeskPermission.MANAGE_ORDERS.value, DeskPermission.MANAGE_SETTINGS.value}
            ),
        ),
    )

    # when
    result = api_client.execute(UPDATE, CHANGE)

    # then
    assert result["data"]["supportIntakeRulesUpdate"]["errors"] == []
    assert _saved() == {"open_on_cancellation": "false"}


def test_the_saved_names_are_the_plugins_configuration_fields():
    assert {"open_on_cancellation", "event_defaults", "customer_reopen_days"} <= set(
        DEFAULT_CONFIGURATION
    )

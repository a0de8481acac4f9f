"""supportIntakeRules: the rules in effect, for agents."""

import pytest

from saleor_support_plugin.graphql.core.ids import to_global_id
from saleor_support_plugin.intake.rules import DEFAULT_ACKNOWLEDGEMENT
from saleor_support_plugin.tickets.categories import (
    CategoryValues,
    delete_category,
    update_category,
)
from saleor_support_plugin.tickets.models import TicketCategory
from tests.query_counts import assert_statements

RULES = """
query {
  supportIntakeRules {
    events { kind enabled priority category { id slug name isActive } categorySlug }
    acknowledgeCustomer
    acknowledgementMessage
    customerReopenDays
  }
}
"""
DEFAULT_EVENTS = [
    ("CANCELLATION", "NORMAL", "cancellation"),
    ("EXPIRY", "NORMAL", "order"),
    ("REFUND", "NORMAL", "refund"),
    ("FULL_REFUND", "HIGH", "refund"),
    ("RETURN", "NORMAL", "return"),
    ("REPLACEMENT", "NORMAL", "return"),
    ("CUSTOMER_NOTE", "NORMAL", "order"),
    ("PAYMENT_PROBLEM", "HIGH", "payment"),
]


def _category(slug):
    category = TicketCategory.objects.get(slug=slug)
    return {
        "id": to_global_id("SupportTicketCategory", category.pk),
        "slug": slug,
        "name": category.name,
        "isActive": category.is_active,
    }


def _event(kind, priority, slug, *, enabled=True, category=True):
    return {
        "kind": kind,
        "enabled": enabled,
        "priority": priority,
        "category": _category(slug) if category else None,
        "categorySlug": slug,
    }


@pytest.mark.parametrize("who", ["staff_api_client", "lead_client"])
def test_agents_read_the_default_rules(request, db, desk_configuration, who):
    # given
    client = request.getfixturevalue(who)

    # when
    result = client.execute(RULES)

    # then
    assert result == {
        "data": {
            "supportIntakeRules": {
                "events": [_event(*event) for event in DEFAULT_EVENTS],
                "acknowledgeCustomer": False,
                "acknowledgementMessage": DEFAULT_ACKNOWLEDGEMENT,
                "customerReopenDays": 7,
            }
        }
    }


def test_the_rules_show_the_configuration_with_defaults_filled_in(
    staff_api_client, desk_configuration
):
    # given
    desk_configuration.update(
        {
            "open_on_expiry": "false",
            "event_defaults": "refund: urgent, complaint\nexpiry: low, vouchers",
            "acknowledge_customer": "true",
            "acknowledgement_message": "Hi {customer_name}\n[ro]\nBună {customer_name}",
            "customer_reopen_days": "30",
        }
    )
    update_category(TicketCategory.objects.get(slug="complaint"), CategoryValues(is_active=False))

    # when
    result = staff_api_client.execute(RULES)

    # then
    rules = result["data"]["supportIntakeRules"]
    assert rules["events"][:3] == [
        _event("CANCELLATION", "NORMAL", "cancellation"),
        _event("EXPIRY", "LOW", "vouchers", enabled=False, category=False),
        _event("REFUND", "URGENT", "complaint"),
    ]
    assert rules["events"][2]["category"]["isActive"] is False
    assert rules["events"][3:] == [_event(*event) for event in DEFAULT_EVENTS[3:]]
    assert (
        rules["acknowledgeCustomer"],
        rules["acknowledgementMessage"],
        rules["customerReopenDays"],
    ) == (True, "Hi {customer_name}\n[ro]\nBună {customer_name}", 30)


def test_a_deleted_category_shows_its_slug_only(staff_api_client, desk_configuration):
    # given
    desk_configuration["event_defaults"] = "refund: high, complaint"
    delete_category(TicketCategory.objects.get(slug="complaint"))

    # when
    result = staff_api_client.execute(RULES)

    # then
    assert result["data"]["supportIntakeRules"]["events"][2] == _event(
        "REFUND", "HIGH", "complaint", category=False
    )


def test_a_configuration_that_does_not_parse_shows_the_defaults_the_intake_uses(
    staff_api_client, desk_configuration
):
    # given
    desk_configuration.update({"customer_reopen_days": "forever", "open_on_refund": "false"})

    # when
    result = staff_api_client.execute(RULES)

    # then
    rules = result["data"]["supportIntakeRules"]
    assert rules["customerReopenDays"] == 7
    assert all(event["enabled"] for event in rules["events"])


@pytest.mark.parametrize("who", ["customer_api_client", "guest_client", "api_client"])
def test_only_agents_read_the_rules(request, db, who):
    # given
    client = request.getfixturevalue(who)

    # when
    result = client.execute(RULES)

    # then
    assert result["data"] is None
    assert [(e["message"], e["extensions"]) for e in result["errors"]] == [
        (
            "You need the following permissions to do this: MANAGE_ORDERS.",
            {"exception": {"code": "PERMISSION_DENIED"}},
        )
    ]


@pytest.mark.parametrize("saved", [False, True])
def test_reading_the_rules_costs_three_statements(staff_api_client, desk_configuration, saved):
    # given
    if saved:
        from sandbox.store.models import PluginSetting

        PluginSetting.objects.create(
            name="event_defaults", value="refund: high, complaint\nexpiry: low, vouchers"
        )

    # when: the token's user, the configuration, the categories by slug
    with assert_statements(3):
        result = staff_api_client.execute(RULES)

    # then
    assert len(result["data"]["supportIntakeRules"]["events"]) == 8

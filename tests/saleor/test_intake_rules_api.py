"""Intake rules changed through the desk's API are Saleor's plugin configuration.

``supportIntakeRulesUpdate`` writes through Saleor's ``PluginsManager`` (as the Dashboard's
``pluginUpdate`` does): the row keeps its ``active`` flag, is created when missing, and the
plugin's own validation runs on the way.
"""

import json
from typing import Any

import graphene
import pytest
from django.test import Client, TestCase
from saleor.core.jwt import create_access_token
from saleor.graphql.tests.utils import get_graphql_content
from saleor.plugins.manager import get_plugins_manager
from saleor.plugins.models import PluginConfiguration

from saleor_support_plugin import PLUGIN_ID
from saleor_support_plugin.host.saleor import SaleorHost
from saleor_support_plugin.intake.rules import DEFAULT_CONFIGURATION, ConfigurationError
from saleor_support_plugin.tickets.models import Ticket

ENDPOINT = f"/plugins/global/{PLUGIN_ID}/graphql/"
UPDATE = """
mutation Update($input: SupportIntakeRulesInput!) {
  supportIntakeRulesUpdate(input: $input) {
    intakeRules { events { kind enabled priority categorySlug } customerReopenDays }
    errors { field message code }
  }
}
"""
RULES = "{ supportIntakeRules { events { kind enabled priority categorySlug } } }"
ORDER_CANCEL = """
mutation Cancel($id: ID!) {
  orderCancel(id: $id) { errors { field code message } }
}
"""


def desk(user: Any, query: str, variables: dict[str, Any] | None = None) -> dict[str, Any]:
    body = json.dumps({"query": query, "variables": variables or {}})
    with TestCase.captureOnCommitCallbacks(execute=True):
        response = Client().post(
            ENDPOINT,
            data=body,
            content_type="application/json",
            headers={"Authorization": f"Bearer {create_access_token(user)}"},
        )
    assert response.status_code == 200, response.content
    result: dict[str, Any] = response.json()
    return result


def stored() -> tuple[bool, dict[str, Any]] | None:
    row = PluginConfiguration.objects.filter(identifier=PLUGIN_ID, channel=None).first()
    if row is None:
        return None
    return row.active, {item["name"]: item["value"] for item in row.configuration}


@pytest.fixture
def lead(staff_user, permission_group_manage_orders, permission_manage_settings):
    """A support administrator: MANAGE_ORDERS through a group, MANAGE_SETTINGS of their own."""
    permission_group_manage_orders.user_set.add(staff_user)
    staff_user.user_permissions.add(permission_manage_settings)
    return staff_user


def test_a_lead_changes_the_rules_and_the_plugin_stays_active(
    support_plugin, lead, staff_api_client, order_with_lines, process_pending
):
    # when
    result = desk(
        lead,
        UPDATE,
        {
            "input": {
                "events": [{"kind": "CANCELLATION", "priority": "URGENT", "category": "complaint"}],
                "customerReopenDays": 30,
            }
        },
    )
    read = desk(lead, RULES)
    staff_api_client.user = lead
    cancelled = staff_api_client.post_graphql(
        ORDER_CANCEL, {"id": graphene.Node.to_global_id("Order", order_with_lines.pk)}
    )
    process_pending()

    # then
    payload = result["data"]["supportIntakeRulesUpdate"]
    assert payload["errors"] == []
    assert payload["intakeRules"]["events"][0] == {
        "kind": "CANCELLATION",
        "enabled": True,
        "priority": "URGENT",
        "categorySlug": "complaint",
    }
    assert read["data"]["supportIntakeRules"]["events"][0]["priority"] == "URGENT"
    assert stored() is not None
    active, values = stored() or (False, {})
    assert active is True
    assert values["customer_reopen_days"] == "30"
    assert values["event_defaults"].splitlines()[0] == "cancellation: urgent, complaint"
    assert get_plugins_manager(allow_replica=False).get_plugin(PLUGIN_ID).active is True
    assert get_graphql_content(cancelled)["data"]["orderCancel"]["errors"] == []
    ticket = Ticket.objects.get()
    assert (ticket.priority, ticket.category.slug) == ("urgent", "complaint")


def test_turning_a_kind_off_stores_saleors_boolean(support_plugin, lead):
    # when
    result = desk(lead, UPDATE, {"input": {"events": [{"kind": "EXPIRY", "enabled": False}]}})

    # then
    assert result["data"]["supportIntakeRulesUpdate"]["errors"] == []
    assert (stored() or (None, {}))[1]["open_on_expiry"] is False
    assert result["data"]["supportIntakeRulesUpdate"]["intakeRules"]["events"][1]["enabled"] is (
        False
    )


def test_a_refused_change_stores_nothing(support_plugin, lead):
    # given
    before = stored()

    # when
    result = desk(lead, UPDATE, {"input": {"events": [{"kind": "REFUND", "category": "nope"}]}})

    # then
    assert result["data"]["supportIntakeRulesUpdate"] == {
        "intakeRules": None,
        "errors": [
            {
                "field": "events[0].category",
                "message": "Unknown category 'nope'.",
                "code": "UNKNOWN_CATEGORY",
            }
        ],
    }
    assert stored() == before


def test_the_host_creates_a_missing_row_inactive(support_plugin_installed, db):
    # given
    assert stored() is None

    # when
    SaleorHost().save_plugin_configuration({"customer_reopen_days": "3"})

    # then
    assert stored() == (False, {**DEFAULT_CONFIGURATION, "customer_reopen_days": "3"})
    assert SaleorHost().plugin_configuration()["customer_reopen_days"] == "3"


def test_the_host_reports_saleors_validation_as_a_configuration_error(support_plugin):
    # given
    before = stored()

    # when
    with pytest.raises(ConfigurationError) as error:
        SaleorHost().save_plugin_configuration({"event_defaults": "refund: high, nope"})

    # then
    assert error.value.errors == {"event_defaults": "line 1: unknown category 'nope'"}
    assert stored() == before

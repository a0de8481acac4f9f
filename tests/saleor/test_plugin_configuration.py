"""The plugin's settings form in Saleor's Dashboard: ``pluginUpdate`` validates and activates."""

from typing import Any

import graphene
from saleor.graphql.tests.utils import get_graphql_content
from saleor.plugins.manager import get_plugins_manager
from saleor.plugins.models import PluginConfiguration

from saleor_support_plugin import PLUGIN_ID
from saleor_support_plugin.intake.models import InboundEvent
from saleor_support_plugin.intake.rules import DEFAULT_CONFIGURATION
from saleor_support_plugin.tickets.models import Ticket

PLUGIN_UPDATE = """
mutation Update($id: ID!, $input: PluginUpdateInput!) {
  pluginUpdate(id: $id, input: $input) {
    plugin {
      id
      globalConfiguration { active configuration { name value } }
    }
    errors { field code message }
  }
}
"""
ORDER_CANCEL = """
mutation Cancel($id: ID!) {
  orderCancel(id: $id) { errors { field code message } }
}
"""


def update(api_client: Any, *, active: bool, **values: str) -> dict[str, Any]:
    variables = {
        "id": PLUGIN_ID,
        "input": {
            "active": active,
            "configuration": [{"name": name, "value": value} for name, value in values.items()],
        },
    }
    response = api_client.post_graphql(PLUGIN_UPDATE, variables)
    return get_graphql_content(response)["data"]["pluginUpdate"]


def stored() -> tuple[bool, dict[str, str]] | None:
    row = PluginConfiguration.objects.filter(identifier=PLUGIN_ID, channel=None).first()
    if row is None:
        return None
    return row.active, {item["name"]: item["value"] for item in row.configuration}


def test_bad_event_defaults_are_refused_and_not_stored(
    staff_api_client, permission_manage_plugins, support_plugin_installed
):
    # given
    staff_api_client.user.user_permissions.add(permission_manage_plugins)

    # when
    data = update(
        staff_api_client,
        active=True,
        event_defaults="cancellation: urgent, complaint\nrefund: sometimes, refund",
    )

    # then
    # Saleor camel-cases the ValidationError key of the configuration field's name.
    assert data == {
        "plugin": None,
        "errors": [
            {
                "field": "eventDefaults",
                "code": "INVALID",
                "message": "line 2: unknown priority 'sometimes'",
            }
        ],
    }
    # Saleor creates the row (inactive, defaults) before it validates; nothing sent is in it.
    assert stored() == (False, DEFAULT_CONFIGURATION)
    assert get_plugins_manager(allow_replica=False).get_plugin(PLUGIN_ID).active is False


def test_unknown_category_is_refused(
    staff_api_client, permission_manage_plugins, support_plugin_installed
):
    # given
    staff_api_client.user.user_permissions.add(permission_manage_plugins)

    # when
    data = update(staff_api_client, active=True, event_defaults="refund: high, no-such-category")

    # then
    assert data["errors"] == [
        {
            "field": "eventDefaults",
            "code": "INVALID",
            "message": "line 1: unknown category 'no-such-category'",
        }
    ]
    assert get_plugins_manager(allow_replica=False).get_plugin(PLUGIN_ID).active is False


def test_good_configuration_activates_the_plugin(
    staff_api_client, permission_manage_plugins, support_plugin_installed
):
    # given
    staff_api_client.user.user_permissions.add(permission_manage_plugins)
    event_defaults = "cancellation: urgent, complaint"

    # when
    data = update(staff_api_client, active=True, event_defaults=event_defaults)

    # then
    assert data["errors"] == []
    assert data["plugin"]["id"] == PLUGIN_ID
    configuration = data["plugin"]["globalConfiguration"]
    assert configuration["active"] is True
    values = {item["name"]: item["value"] for item in configuration["configuration"]}
    assert values == {**DEFAULT_CONFIGURATION, "event_defaults": event_defaults}
    assert stored() == (True, {**DEFAULT_CONFIGURATION, "event_defaults": event_defaults})
    assert get_plugins_manager(allow_replica=False).get_plugin(PLUGIN_ID).active is True


def test_stored_rules_decide_what_a_cancellation_opens(
    staff_api_client,
    permission_manage_plugins,
    permission_group_manage_orders,
    order_with_lines,
    support_plugin_installed,
    process_pending,
):
    # given
    staff_api_client.user.user_permissions.add(permission_manage_plugins)
    permission_group_manage_orders.user_set.add(staff_api_client.user)
    update(staff_api_client, active=True, event_defaults="cancellation: urgent, complaint")
    order_id = graphene.Node.to_global_id("Order", order_with_lines.pk)

    # when
    response = staff_api_client.post_graphql(ORDER_CANCEL, {"id": order_id})
    process_pending()

    # then
    assert get_graphql_content(response)["data"]["orderCancel"]["errors"] == []
    ticket = Ticket.objects.get()
    assert ticket.category.slug == "complaint"
    assert ticket.priority == "urgent"


def test_turned_off_kind_records_nothing(
    staff_api_client,
    permission_manage_plugins,
    permission_group_manage_orders,
    order_with_lines,
    support_plugin_installed,
):
    # given
    staff_api_client.user.user_permissions.add(permission_manage_plugins)
    permission_group_manage_orders.user_set.add(staff_api_client.user)
    assert update(staff_api_client, active=True, open_on_cancellation="false")["errors"] == []
    order_id = graphene.Node.to_global_id("Order", order_with_lines.pk)

    # when
    response = staff_api_client.post_graphql(ORDER_CANCEL, {"id": order_id})

    # then
    assert get_graphql_content(response)["data"]["orderCancel"]["errors"] == []
    assert InboundEvent.objects.count() == 0

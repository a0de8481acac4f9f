"""Store events follow the rules a lead changed; the plugin's form checks them the same way."""

from datetime import timedelta
from types import SimpleNamespace

import pytest
from django.core.exceptions import ValidationError

from saleor_support_plugin.intake import InboundEventStatus
from saleor_support_plugin.intake.models import InboundEvent
from saleor_support_plugin.plugin import SupportPlugin
from saleor_support_plugin.tickets import TicketPriority
from saleor_support_plugin.tickets.categories import CategoryValues, update_category
from saleor_support_plugin.tickets.models import Ticket, TicketCategory

UPDATE = """
mutation Update($input: SupportIntakeRulesInput!) {
  supportIntakeRulesUpdate(input: $input) { errors { field message code } }
}
"""


def _change(client, **values):
    result = client.execute(UPDATE, {"input": values})
    assert result["data"]["supportIntakeRulesUpdate"]["errors"] == []


def _cancel(store, order):
    store.cancel_order(order, at=order.created_at + timedelta(minutes=1))


def test_a_turned_off_event_opens_no_ticket(
    lead_client, desk_configuration, order_generator, store, drain
):
    # given
    _change(lead_client, events=[{"kind": "CANCELLATION", "enabled": False}])
    order = order_generator()

    # when
    _cancel(store, order)
    drain()

    # then
    assert not Ticket.objects.exists()
    assert not InboundEvent.objects.exclude(status=InboundEventStatus.SKIPPED).exists()


def test_a_new_ticket_takes_the_changed_priority_and_category(
    lead_client, desk_configuration, order_generator, store, drain
):
    # given
    _change(
        lead_client,
        events=[{"kind": "CANCELLATION", "priority": "URGENT", "category": "complaint"}],
    )
    order = order_generator()

    # when
    _cancel(store, order)
    drain()

    # then
    ticket = Ticket.objects.get()
    assert (ticket.priority, ticket.category.slug) == (TicketPriority.URGENT, "complaint")


def test_turning_an_event_back_on_opens_tickets_again(
    lead_client, desk_configuration, order_generator, store, drain
):
    # given
    _change(lead_client, events=[{"kind": "CANCELLATION", "enabled": False}])
    _change(lead_client, events=[{"kind": "CANCELLATION", "enabled": True}])
    order = order_generator()

    # when
    _cancel(store, order)
    drain()

    # then
    assert Ticket.objects.get().category.slug == "cancellation"


def _form(**values):
    return SimpleNamespace(configuration=[{"name": k, "value": v} for k, v in values.items()])


def test_the_plugin_form_refuses_a_newly_chosen_inactive_category(db, desk_configuration):
    # given
    update_category(TicketCategory.objects.get(slug="complaint"), CategoryValues(is_active=False))

    # when
    with pytest.raises(ValidationError) as error:
        SupportPlugin.validate_plugin_configuration(
            _form(event_defaults="refund: high, complaint\nexpiry: low, nope")
        )

    # then
    assert error.value.message_dict == {
        "event_defaults": [
            "line 1: category 'complaint' is inactive; line 2: unknown category 'nope'"
        ]
    }


def test_the_plugin_form_lets_an_event_keep_its_inactive_category(db, desk_configuration):
    # given: stored before the category was deactivated
    desk_configuration["event_defaults"] = "refund: high, complaint"
    update_category(TicketCategory.objects.get(slug="complaint"), CategoryValues(is_active=False))

    # when / then: no error
    SupportPlugin.validate_plugin_configuration(
        _form(event_defaults="refund: low, complaint", customer_reopen_days="3")
    )

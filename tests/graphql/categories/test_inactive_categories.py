"""A deactivated category stays on its tickets and takes no new ones, everywhere alike."""

from datetime import timedelta

import pytest

from saleor_support_plugin.graphql.core.ids import to_global_id
from saleor_support_plugin.intake import threads
from saleor_support_plugin.returns import actions as return_actions
from saleor_support_plugin.tickets import customer
from saleor_support_plugin.tickets.categories import (
    DESK_CATEGORIES,
    CategoryValues,
    delete_category,
    update_category,
)
from saleor_support_plugin.tickets.models import Ticket, TicketCategory, TicketEvent

TICKET_UPDATE = """
mutation Update($id: ID!, $input: SupportTicketUpdateInput!) {
  supportTicketUpdate(id: $id, input: $input) {
    ticket { priority category { slug isActive } }
    errors { field message code }
  }
}
"""
TICKET_CREATE = """
mutation Create($input: SupportTicketCreateInput!) {
  supportTicketCreate(input: $input) {
    ticket { category { slug } }
    errors { field message code }
  }
}
"""
INACTIVE = "The category 'complaint' is inactive: tickets keep it, but no ticket can be put in it."


def _deactivate(slug):
    update_category(TicketCategory.objects.get(slug=slug), CategoryValues(is_active=False))


def _gid(ticket):
    return to_global_id("SupportTicket", ticket.pk)


def test_an_agent_cannot_move_a_ticket_into_an_inactive_category(staff_api_client, ticket):
    # given
    _deactivate("complaint")
    events = TicketEvent.objects.count()

    # when
    result = staff_api_client.execute(
        TICKET_UPDATE, {"id": _gid(ticket), "input": {"category": "complaint", "priority": "HIGH"}}
    )

    # then
    assert result["data"]["supportTicketUpdate"] == {
        "ticket": None,
        "errors": [{"field": "category", "message": INACTIVE, "code": "INVALID"}],
    }
    ticket.refresh_from_db()
    assert (ticket.category.slug, ticket.priority) == ("delivery", "normal")
    assert TicketEvent.objects.count() == events


def test_a_ticket_keeps_its_inactive_category_when_the_form_names_it_again(
    staff_api_client, ticket_generator
):
    # given
    ticket = ticket_generator(category="complaint")
    _deactivate("complaint")

    # when
    result = staff_api_client.execute(
        TICKET_UPDATE, {"id": _gid(ticket), "input": {"category": "complaint", "priority": "HIGH"}}
    )

    # then
    assert result["data"]["supportTicketUpdate"] == {
        "ticket": {"priority": "HIGH", "category": {"slug": "complaint", "isActive": False}},
        "errors": [],
    }


def test_a_customer_cannot_open_a_ticket_in_an_inactive_category(customer_api_client):
    # given
    _deactivate("complaint")

    # when
    refused = customer_api_client.execute(
        TICKET_CREATE, {"input": {"message": "Hi", "category": "complaint"}}
    )
    default = customer_api_client.execute(TICKET_CREATE, {"input": {"message": "Hi"}})

    # then
    assert refused["data"]["supportTicketCreate"] == {
        "ticket": None,
        "errors": [{"field": "category", "message": INACTIVE, "code": "INVALID"}],
    }
    assert default["data"]["supportTicketCreate"] == {
        "ticket": {"category": {"slug": "other"}},
        "errors": [],
    }
    assert Ticket.objects.count() == 1


@pytest.mark.parametrize("change", ["deactivated", "deleted"])
def test_store_events_of_a_rule_naming_a_gone_category_open_tickets_in_other(
    order_generator, store, drain, change
):
    # given
    category = TicketCategory.objects.get(slug="cancellation")
    if change == "deleted":
        delete_category(category)
    else:
        _deactivate("cancellation")
    order = order_generator()

    # when
    store.cancel_order(order, at=order.updated_at + timedelta(minutes=1))
    drain()

    # then
    assert Ticket.objects.get().category.slug == "other"


def test_the_desk_categories_are_the_ones_the_desk_files_tickets_in():
    assert {
        customer.DEFAULT_CATEGORY,
        threads.FALLBACK_CATEGORY,
        return_actions.RETURN_CATEGORY,
    } == DESK_CATEGORIES

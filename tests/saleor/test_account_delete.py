"""Deleting a customer in Saleor anonymises their tickets once the event is processed."""

from typing import Any
from unittest.mock import patch

import graphene
from saleor.account.models import User
from saleor.core.tokens import account_delete_token_generator
from saleor.graphql.tests.utils import get_graphql_content

from saleor_support_plugin.intake import InboundEventStatus
from saleor_support_plugin.intake.models import InboundEvent
from saleor_support_plugin.tickets import MessageAuthorType, TicketChannel
from saleor_support_plugin.tickets.actions import CustomerInfo, add_message, open_ticket
from saleor_support_plugin.tickets.actors import Actor
from saleor_support_plugin.tickets.erasure import REDACTED_BODY, erased_marker
from saleor_support_plugin.tickets.models import Ticket, TicketCategory, TicketMessage

ACCOUNT_REQUEST_DELETION = """
mutation Request($redirectUrl: String!, $channel: String) {
  accountRequestDeletion(redirectUrl: $redirectUrl, channel: $channel) {
    errors { field code }
  }
}
"""
ACCOUNT_DELETE = """
mutation Delete($token: String!) {
  accountDelete(token: $token) { errors { field code message } }
}
"""
CUSTOMER_DELETE = """
mutation CustomerDelete($id: ID!) {
  customerDelete(id: $id) { errors { field code message } }
}
"""


def customer_ticket(user: Any, *, category: str, words: str) -> Ticket:
    """A ticket the customer opened from the storefront, with one message of theirs."""
    ticket = open_ticket(
        subject=f"Question about {category}",
        category=TicketCategory.objects.get(slug=category),
        channel=TicketChannel.WEB,
        actor=Actor.user(user.pk),
        customer=CustomerInfo(
            user_id=user.pk, email=user.email, name=f"{user.first_name} {user.last_name}"
        ),
        source="customer",
    )
    add_message(
        ticket,
        author_type=MessageAuthorType.CUSTOMER,
        actor=Actor.user(user.pk),
        body=words,
        plain_text=True,
    )
    return ticket


def delete_own_account(api_client: Any, channel: Any) -> dict[str, Any]:
    with patch(
        "saleor.account.notifications.account_delete_token_generator.make_token",
        return_value="unused",
    ):
        response = api_client.post_graphql(
            ACCOUNT_REQUEST_DELETION,
            {"redirectUrl": "https://www.example.com/delete", "channel": channel.slug},
        )
    assert get_graphql_content(response)["data"]["accountRequestDeletion"]["errors"] == []
    token = account_delete_token_generator.make_token(api_client.user)
    response = api_client.post_graphql(ACCOUNT_DELETE, {"token": token})
    return get_graphql_content(response)["data"]["accountDelete"]


def test_account_delete_records_the_customer(
    user_api_client, channel_USD, support_plugin, hook_calls
):
    # given
    user = user_api_client.user
    user_id, email = user.pk, user.email

    # when
    data = delete_own_account(user_api_client, channel_USD)

    # then
    assert data == {"errors": []}
    assert not User.objects.filter(pk=user_id).exists()
    assert hook_calls == [("account_deleted", str(user_id))]
    event = InboundEvent.objects.get()
    assert event.source_event_type == "customer_deleted"
    assert event.source_object_id == str(user_id)
    assert event.order_id is None
    assert event.payload == {"user_id": user_id, "email": email}


def test_account_delete_anonymises_the_customers_tickets(
    user_api_client, customer_user2, channel_USD, support_plugin, process_pending
):
    # given
    user = user_api_client.user
    email = user.email
    first = customer_ticket(user, category="delivery", words="I live at 5 Elm Street.")
    second = customer_ticket(user, category="refund", words="Call me on 555-0100.")
    other = customer_ticket(customer_user2, category="order", words="Where is my parcel?")
    delete_own_account(user_api_client, channel_USD)

    # when
    processed = process_pending()

    # then
    assert processed == [("customer_deleted", InboundEventStatus.PROCESSED)]
    assert InboundEvent.objects.get().outcome == "anonymised 2 tickets"
    assert InboundEvent.objects.get().payload == {}
    marker = erased_marker(email)
    assert marker.startswith("erased-")
    for before in (first, second):
        ticket = Ticket.objects.get(pk=before.pk)
        assert ticket.number == before.number
        assert ticket.category_id == before.category_id
        assert ticket.customer_user_id is None
        assert ticket.customer_email == marker
        assert ticket.customer_name == marker
        assert ticket.anonymised_at is not None
        message = TicketMessage.objects.get(ticket=ticket, author_type=MessageAuthorType.CUSTOMER)
        assert message.body_raw == REDACTED_BODY
        assert message.body == f"<p>{REDACTED_BODY}</p>"
        assert message.redacted_at is not None
    untouched = Ticket.objects.get(pk=other.pk)
    assert untouched.customer_email == customer_user2.email
    assert untouched.customer_user_id == customer_user2.pk
    assert untouched.anonymised_at is None
    assert TicketMessage.objects.get(ticket=untouched).body_raw == "Where is my parcel?"


def test_customer_delete_by_staff_anonymises_the_customers_tickets(
    staff_api_client, customer_user, permission_manage_users, support_plugin, process_pending
):
    # given
    staff_api_client.user.user_permissions.add(permission_manage_users)
    user_id, email = customer_user.pk, customer_user.email
    ticket = customer_ticket(customer_user, category="account", words="My phone is 555-0199.")
    response = staff_api_client.post_graphql(
        CUSTOMER_DELETE, {"id": graphene.Node.to_global_id("User", user_id)}
    )
    assert get_graphql_content(response)["data"]["customerDelete"] == {"errors": []}
    assert list(InboundEvent.objects.values_list("source_event_type", "source_object_id")) == [
        ("customer_deleted", str(user_id))
    ]

    # when
    processed = process_pending()

    # then
    assert processed == [("customer_deleted", InboundEventStatus.PROCESSED)]
    ticket.refresh_from_db()
    assert ticket.customer_email == erased_marker(email)
    assert ticket.customer_email.startswith("erased-")
    assert ticket.customer_user_id is None
    assert ticket.category.slug == "account"
    assert (
        TicketMessage.objects.get(ticket=ticket, author_type=MessageAuthorType.CUSTOMER).body_raw
        == REDACTED_BODY
    )

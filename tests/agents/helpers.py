"""Opening tickets for the agents tests, through the ticket actions."""

from collections.abc import Sequence
from datetime import datetime
from uuid import uuid4

from saleor_support_plugin.tickets import TicketChannel
from saleor_support_plugin.tickets.actions import (
    CustomerInfo,
    OrderInfo,
    category_by_slug,
    open_ticket,
    set_tags,
)
from saleor_support_plugin.tickets.actors import Actor
from saleor_support_plugin.tickets.models import Ticket


def new_ticket(
    *,
    category: str = "delivery",
    channel: str = TicketChannel.WEB,
    language_code: str = "",
    order_channel: str | None = None,
    tags: Sequence[str] = (),
    email: str = "buyer@example.com",
    user_id: int | None = None,
    now: datetime | None = None,
) -> Ticket:
    ticket = open_ticket(
        subject="Where is my parcel?",
        category=category_by_slug(category),
        channel=channel,
        actor=Actor.system(),
        customer=CustomerInfo(
            user_id=user_id, email=email, name="Jan Kowalski", language_code=language_code
        ),
        order=(
            OrderInfo(order_id=uuid4(), number="1001", channel=order_channel, snapshot={})
            if order_channel is not None
            else None
        ),
        source="customer",
        now=now,
    )
    if tags:
        category_cache = ticket.category
        ticket = set_tags(ticket, tags, actor=Actor.system())
        ticket.category = category_cache
    return ticket

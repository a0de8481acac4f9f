"""Helpers of the search tests: tickets opened and answered through the ticket actions."""

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any
from uuid import uuid4

import pytest

from saleor_support_plugin.tickets import MessageAuthorType, TicketChannel
from saleor_support_plugin.tickets.actions import (
    CustomerInfo,
    OrderInfo,
    add_message,
    category_by_slug,
    open_ticket,
)
from saleor_support_plugin.tickets.actors import Actor
from saleor_support_plugin.tickets.models import Ticket

START = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)


def order_info(number: str, *, skus: tuple[str, ...] = (), products: tuple[str, ...] = ()):
    lines = [
        {"id": str(i), "sku": sku, "product_name": name}
        for i, (sku, name) in enumerate(zip(skus, products or ("",) * len(skus), strict=True))
    ]
    return OrderInfo(
        order_id=uuid4(),
        number=number,
        channel="default-channel",
        snapshot={"number": number, "lines": lines},
    )


@pytest.fixture
def searchable_ticket(db: Any) -> Callable[..., Ticket]:
    """Open a ticket (one minute after the previous one) with an optional first message."""
    opened: list[Ticket] = []

    def create(
        subject: str,
        *,
        message: str = "",
        email: str = "",
        name: str = "",
        order: OrderInfo | None = None,
    ) -> Ticket:
        now = START + timedelta(minutes=len(opened))
        ticket = open_ticket(
            subject=subject,
            category=category_by_slug("other"),
            channel=TicketChannel.EMAIL,
            actor=Actor.system(),
            customer=CustomerInfo(email=email, name=name),
            order=order,
            source="customer",
            now=now,
        )
        if message:
            add_message(
                ticket,
                author_type=MessageAuthorType.CUSTOMER,
                actor=Actor.system(),
                body=message,
                plain_text=True,
                now=now,
            )
        opened.append(ticket)
        return ticket

    return create


@pytest.fixture(name="order_info")
def order_info_fixture() -> Callable[..., OrderInfo]:
    return order_info

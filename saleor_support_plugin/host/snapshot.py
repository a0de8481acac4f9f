"""Plain data the store hands to the desk: no ORM objects cross the host boundary."""

from dataclasses import asdict, dataclass, field
from datetime import datetime
from typing import Any


@dataclass(frozen=True)
class CustomerSnapshot:
    user_id: int | None
    email: str
    first_name: str = ""
    last_name: str = ""
    language_code: str = ""

    @property
    def full_name(self) -> str:
        return " ".join(p for p in (self.first_name, self.last_name) if p)


@dataclass(frozen=True)
class OrderLineSnapshot:
    id: str
    product_name: str
    variant_name: str
    sku: str
    quantity: int
    quantity_fulfilled: int
    unit_price_gross: str
    total_price_gross: str


@dataclass(frozen=True)
class FulfillmentSnapshot:
    id: int
    status: str
    tracking_number: str
    lines: list[dict[str, Any]] = field(default_factory=list)
    """``{"line_id": ..., "quantity": ...}`` per fulfilled order line."""


@dataclass(frozen=True)
class OrderSnapshot:
    """An order as the desk stores it beside a ticket."""

    id: str
    number: str
    status: str
    origin: str
    original_id: str | None
    channel_slug: str
    currency: str
    total_gross: str
    total_charged: str
    total_refunded: str
    charge_status: str
    customer: CustomerSnapshot
    customer_note: str
    created_at: datetime
    lines: list[OrderLineSnapshot] = field(default_factory=list)
    fulfillments: list[FulfillmentSnapshot] = field(default_factory=list)
    dashboard_url: str = ""

    def as_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["created_at"] = self.created_at.isoformat()
        return data


@dataclass(frozen=True)
class OrderEventRecord:
    """One row of the store's order history (Saleor's ``OrderEvent``)."""

    pk: int
    order_id: str
    type: str
    date: datetime
    parameters: dict[str, Any] = field(default_factory=dict)

"""A tiny demo store shaped like Saleor's order models, so the desk's hook adapters work on it."""


class OrderStatus:
    UNCONFIRMED = "unconfirmed"
    UNFULFILLED = "unfulfilled"
    PARTIALLY_FULFILLED = "partially fulfilled"
    PARTIALLY_RETURNED = "partially_returned"
    RETURNED = "returned"
    FULFILLED = "fulfilled"
    CANCELED = "canceled"
    EXPIRED = "expired"
    DRAFT = "draft"

    CHOICES = [
        (s, s)
        for s in (
            UNCONFIRMED,
            UNFULFILLED,
            PARTIALLY_FULFILLED,
            PARTIALLY_RETURNED,
            RETURNED,
            FULFILLED,
            CANCELED,
            EXPIRED,
            DRAFT,
        )
    ]


class FulfillmentStatus:
    FULFILLED = "fulfilled"
    REFUNDED = "refunded"
    RETURNED = "returned"
    REFUNDED_AND_RETURNED = "refunded_and_returned"
    REPLACED = "replaced"
    CANCELED = "canceled"

    CHOICES = [
        (s, s)
        for s in (
            FULFILLED,
            REFUNDED,
            RETURNED,
            REFUNDED_AND_RETURNED,
            REPLACED,
            CANCELED,
        )
    ]


class OrderEvents:
    """The subset of Saleor's order history types the demo store writes."""

    PLACED = "placed"
    CANCELED = "canceled"
    EXPIRED = "expired"
    FULFILLMENT_FULFILLED_ITEMS = "fulfillment_fulfilled_items"
    PAYMENT_CAPTURED = "payment_captured"
    PAYMENT_FAILED = "payment_failed"
    PAYMENT_REFUNDED = "payment_refunded"
    FULFILLMENT_REFUNDED = "fulfillment_refunded"
    FULFILLMENT_RETURNED = "fulfillment_returned"
    FULFILLMENT_REPLACED = "fulfillment_replaced"
    ORDER_REPLACEMENT_CREATED = "order_replacement_created"
    DRAFT_CREATED_FROM_REPLACE = "draft_created_from_replace"
    NOTE_ADDED = "note_added"

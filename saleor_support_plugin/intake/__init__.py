"""Intake: store events recorded by the hooks, turned into tickets by background processing."""


class InboundEventStatus:
    PENDING = "pending"  # recorded, not processed yet (or waiting for a retry)
    PROCESSED = "processed"  # its facts landed on a ticket
    SKIPPED = "skipped"  # nothing to do (rule off, order gone, nothing new); the reason is kept
    DEAD = "dead"  # failed too often; shown to admins, can be requeued

    CHOICES = [
        (PENDING, "Pending"),
        (PROCESSED, "Processed"),
        (SKIPPED, "Skipped"),
        (DEAD, "Dead letter"),
    ]


class SourceEventType:
    """What recorded an inbound event: a store hook, or the reconciliation job."""

    ORDER_CREATED = "order_created"  # order placed with a customer note, or a replacement completed
    ORDER_CANCELLED = "order_cancelled"
    ORDER_EXPIRED = "order_expired"
    ORDER_REFUNDED = "order_refunded"
    ORDER_FULLY_REFUNDED = "order_fully_refunded"
    ORDER_UPDATED = "order_updated"  # returns, replacements, refunds found in the order history
    DRAFT_ORDER_CREATED = "draft_order_created"  # replacement draft of a returned order
    CUSTOMER_DELETED = "customer_deleted"  # customer or self-service account deletion
    RECONCILIATION = "reconciliation"  # an order history row no hook reported

    ORDER_SCOPED = frozenset(
        {
            ORDER_CREATED,
            ORDER_CANCELLED,
            ORDER_EXPIRED,
            ORDER_REFUNDED,
            ORDER_FULLY_REFUNDED,
            ORDER_UPDATED,
            DRAFT_ORDER_CREATED,
            RECONCILIATION,
        }
    )


class IntakeKind:
    """The order problems a merchant can turn into tickets."""

    CANCELLATION = "cancellation"
    EXPIRY = "expiry"
    REFUND = "refund"
    FULL_REFUND = "full_refund"
    RETURN = "return"
    REPLACEMENT = "replacement"
    CUSTOMER_NOTE = "customer_note"
    PAYMENT_PROBLEM = "payment_problem"

    ALL = (
        CANCELLATION,
        EXPIRY,
        REFUND,
        FULL_REFUND,
        RETURN,
        REPLACEMENT,
        CUSTOMER_NOTE,
        PAYMENT_PROBLEM,
    )
    LABELS = {
        CANCELLATION: "order cancellation",
        EXPIRY: "order expiry",
        REFUND: "refund",
        FULL_REFUND: "full refund",
        RETURN: "return",
        REPLACEMENT: "replacement",
        CUSTOMER_NOTE: "order placed with a customer note",
        PAYMENT_PROBLEM: "payment problem",
    }


class StoreOrderEventType:
    """Saleor ``OrderEvents`` values (stored lower-case) the desk reads from an order's history."""

    CANCELED = "canceled"
    EXPIRED = "expired"
    PAYMENT_REFUNDED = "payment_refunded"
    FULFILLMENT_REFUNDED = "fulfillment_refunded"
    FULFILLMENT_RETURNED = "fulfillment_returned"
    FULFILLMENT_REPLACED = "fulfillment_replaced"
    ORDER_REPLACEMENT_CREATED = "order_replacement_created"
    PAYMENT_FAILED = "payment_failed"

    KIND = {
        CANCELED: IntakeKind.CANCELLATION,
        EXPIRED: IntakeKind.EXPIRY,
        PAYMENT_REFUNDED: IntakeKind.REFUND,
        FULFILLMENT_REFUNDED: IntakeKind.REFUND,
        FULFILLMENT_RETURNED: IntakeKind.RETURN,
        FULFILLMENT_REPLACED: IntakeKind.REPLACEMENT,
        ORDER_REPLACEMENT_CREATED: IntakeKind.REPLACEMENT,
        PAYMENT_FAILED: IntakeKind.PAYMENT_PROBLEM,
    }
    """History row type to the order problem it reveals."""

    WITHOUT_HOOK = frozenset({PAYMENT_FAILED})
    """Rows no hook reports: reconciliation is how they arrive, not a recovery."""

"""Return requests: a customer asks to send delivered items back; agents decide."""


class ReturnRequestStatus:
    REQUESTED = "requested"  # waiting for an agent's decision
    APPROVED = "approved"  # accepted; the return itself is made in the store
    REJECTED = "rejected"  # refused, with the reason told to the customer

    CHOICES = [(REQUESTED, "Requested"), (APPROVED, "Approved"), (REJECTED, "Rejected")]

    HOLDING = frozenset({REQUESTED, APPROVED})
    """Statuses whose quantities are no longer available to another request."""


class ReturnReason:
    DAMAGED = "damaged"  # arrived broken or faulty
    WRONG_ITEM = "wrong_item"  # not what was ordered
    NOT_AS_DESCRIBED = "not_as_described"  # differs from the product page
    SIZE_OR_FIT = "size_or_fit"  # wrong size or does not fit
    NO_LONGER_NEEDED = "no_longer_needed"  # changed their mind
    OTHER = "other"  # anything else, explained in the comment

    CHOICES = [
        (DAMAGED, "Damaged or faulty"),
        (WRONG_ITEM, "Wrong item"),
        (NOT_AS_DESCRIBED, "Not as described"),
        (SIZE_OR_FIT, "Size or fit"),
        (NO_LONGER_NEEDED, "No longer needed"),
        (OTHER, "Other"),
    ]


class ReturnDecision:
    APPROVE = "approve"
    REJECT = "reject"

    CHOICES = [(APPROVE, "Approve"), (REJECT, "Reject")]

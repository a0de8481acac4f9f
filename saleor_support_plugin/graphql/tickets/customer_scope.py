"""What customers and guests may ask of the ticket list: a few filters, no internal sorting."""

from typing import Any

from ..core.errors import PermissionDenied

CUSTOMER_FILTERS = frozenset({"status", "order_number"})
"""Filter fields that reveal nothing a customer is not shown anyway."""


def check_customer_filter(values: dict[str, Any] | None) -> None:
    """Refuse filters on what customers do not see (priority, tags, assignee...)."""
    refused = sorted(
        name
        for name, value in (values or {}).items()
        if value is not None and name not in CUSTOMER_FILTERS
    )
    if refused:
        raise PermissionDenied("Only agents can filter tickets by " + ", ".join(refused) + ".")

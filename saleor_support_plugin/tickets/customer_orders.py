"""The orders a customer may name on their tickets, read through the host."""

from uuid import UUID

from ..host import get_host
from ..host.snapshot import OrderSnapshot
from . import erasure
from .actions import OrderInfo
from .error_codes import TicketError, TicketErrorCode


def order_info(snapshot: OrderSnapshot) -> OrderInfo:
    """Return the order as a ticket stores it: ids, number, channel and the snapshot."""
    return OrderInfo(
        order_id=UUID(snapshot.id),
        number=snapshot.number,
        channel=snapshot.channel_slug,
        snapshot=snapshot.as_json(),
    )


def customers_order(
    order_id: UUID | None, *, user_id: int | None, email: str, field: str = "order"
) -> OrderSnapshot:
    """Return the order if it is the customer's, else the same ``NOT_FOUND`` as a missing one.

    A signed-in customer owns the orders placed from their account; a guest names an order
    with the e-mail it was placed with.
    """
    snapshot = get_host().read_order(order_id) if order_id is not None else None
    if snapshot is not None and _belongs(snapshot, user_id=user_id, email=email):
        return snapshot
    raise TicketError(TicketErrorCode.NOT_FOUND, "Order not found.", field=field)


def _belongs(snapshot: OrderSnapshot, *, user_id: int | None, email: str) -> bool:
    if user_id is not None:
        return snapshot.customer.user_id == user_id
    wanted = erasure.normalise_email(email)
    return bool(wanted) and erasure.normalise_email(snapshot.customer.email) == wanted

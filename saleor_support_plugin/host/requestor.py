"""Who is asking: plain data each host builds from a request (no platform import here)."""

from dataclasses import dataclass
from enum import Enum
from typing import Any


class RequestorKind:
    STAFF = "staff"  # a staff member of the store
    CUSTOMER = "customer"  # a signed-in customer account
    APP = "app"  # an installed app calling with its own token
    GUEST = "guest"  # a visitor holding a ticket access token
    ANONYMOUS = "anonymous"  # nobody signed in

    CHOICES = [
        (STAFF, "Staff member"),
        (CUSTOMER, "Customer"),
        (APP, "App"),
        (GUEST, "Guest"),
        (ANONYMOUS, "Anonymous"),
    ]


class DeskPermission(Enum):
    """Saleor permissions the desk checks; Saleor's set is closed, so the desk reuses them."""

    MANAGE_ORDERS = "order.manage_orders"  # agents: read and work on tickets
    MANAGE_SETTINGS = "site.manage_settings"  # support administration


class AuthenticationError(Exception):
    """A token was sent but is expired, forged, revoked or belongs to nobody active."""


@dataclass(frozen=True)
class Requestor:
    """The person or app behind a request, with the desk permissions they hold."""

    kind: str
    user_id: int | None = None
    email: str = ""
    permissions: frozenset[str] = frozenset()
    """Values of ``DeskPermission`` held (``"order.manage_orders"``...)."""
    app_id: int | None = None
    ticket_id: int | None = None
    """For a guest: the one ticket their access token opens (``None`` when it opens none)."""
    channels: frozenset[str] | None = None
    """Slugs of the sales channels a channel-restricted staff member may work in; ``None``
    when they are not restricted (apps and the sandbox never are)."""

    @classmethod
    def anonymous(cls) -> "Requestor":
        return cls(kind=RequestorKind.ANONYMOUS)

    @classmethod
    def guest(cls, ticket_id: int | None, email: str = "") -> "Requestor":
        return cls(kind=RequestorKind.GUEST, ticket_id=ticket_id, email=email)

    def has_permission(self, permission: DeskPermission) -> bool:
        return permission.value in self.permissions

    @property
    def is_agent(self) -> bool:
        """True for staff and apps allowed to work on tickets (``MANAGE_ORDERS``)."""
        return self.has_permission(DeskPermission.MANAGE_ORDERS)

    @property
    def is_customer(self) -> bool:
        """True for a signed-in customer account."""
        return self.kind == RequestorKind.CUSTOMER and self.user_id is not None


def bearer_token(request: Any) -> str | None:
    """Return the token of ``Authorization-Bearer: <t>`` or ``Authorization: Bearer <t>``.

    The same headers Saleor reads (``JWT`` is accepted as a prefix too); ``None`` without one.
    """
    meta = request.META
    direct = meta.get("HTTP_AUTHORIZATION_BEARER", "").strip()
    if direct:
        return str(direct)
    prefix, _, token = meta.get("HTTP_AUTHORIZATION", "").strip().partition(" ")
    if prefix.lower() in ("bearer", "jwt") and token.strip():
        return str(token.strip())
    return None

"""Requestors the sandbox's tokens cannot express: apps, staff without the permission."""

from typing import Any

from saleor_support_plugin.host.requestor import DeskPermission, Requestor, RequestorKind
from saleor_support_plugin.host.standalone import StandaloneHost


def act_as(monkeypatch: Any, requestor: Requestor) -> None:
    """Make every request of the test come from ``requestor``."""
    monkeypatch.setattr(StandaloneHost, "requestor_from_request", lambda self, request: requestor)


def app_with_manage_orders() -> Requestor:
    return Requestor(
        kind=RequestorKind.APP,
        app_id=7,
        permissions=frozenset({DeskPermission.MANAGE_ORDERS.value}),
    )


def staff_without_permissions(user: Any) -> Requestor:
    return Requestor(kind=RequestorKind.STAFF, user_id=user.pk, email=user.email)

"""The host for the sandbox: the demo store in ``sandbox.store`` (imported lazily)."""

import hmac
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any
from uuid import UUID

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import signing
from django.http import HttpRequest

from . import history
from .requestor import (
    AuthenticationError,
    DeskPermission,
    Requestor,
    RequestorKind,
    bearer_token,
)
from .snapshot import (
    CustomerSnapshot,
    FulfillmentSnapshot,
    OrderLineSnapshot,
    OrderSnapshot,
)


class StandaloneHost(history.ShapedHistoryReader):
    name = "standalone"

    def read_order(self, order_id: UUID) -> OrderSnapshot | None:
        from sandbox.store.models import Order  # noqa: PLC0415

        order = (
            Order.objects.filter(pk=order_id)
            .select_related("user")
            .prefetch_related("lines", "fulfillments__lines")
            .first()
        )
        return None if order is None else _snapshot(order)

    def history_models(self) -> tuple[Any, Any]:
        from sandbox.store.models import Order, OrderEvent  # noqa: PLC0415

        return Order, OrderEvent

    def existing_user_ids(self, user_ids: Iterable[int]) -> set[int]:
        return set(
            get_user_model().objects.filter(pk__in=list(user_ids)).values_list("pk", flat=True)
        )

    def plugin_configuration(self) -> dict[str, str]:
        """Return the values saved in the sandbox over ``SUPPORT_DESK_PLUGIN_CONFIGURATION``."""
        from sandbox.store.models import PluginSetting  # noqa: PLC0415

        values = dict(getattr(settings, "SUPPORT_DESK_PLUGIN_CONFIGURATION", {}))
        values.update(PluginSetting.objects.values_list("name", "value"))
        return values

    def save_plugin_configuration(self, values: dict[str, str]) -> None:
        from sandbox.store.models import PluginSetting  # noqa: PLC0415

        PluginSetting.objects.bulk_create(
            [PluginSetting(name=name, value=value) for name, value in values.items()],
            update_conflicts=True,
            unique_fields=["name"],
            update_fields=["value"],
        )

    @contextmanager
    def task_context(self) -> Iterator[None]:
        yield

    def requestor_from_request(self, request: HttpRequest) -> Requestor:
        """Read a bearer token from ``issue_sandbox_token``, else the Django session's user."""
        token = bearer_token(request)
        if token is not None:
            return _requestor_for_user(_user_from_token(token))
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and user.is_active:
            return _requestor_for_user(user)
        return Requestor.anonymous()

    def agents_among(self, user_ids: Iterable[int]) -> set[int]:
        return set(
            get_user_model()
            .objects.filter(pk__in=list(user_ids), is_active=True, is_staff=True)
            .values_list("pk", flat=True)
        )

    def absolute_url(self, path: str, request: HttpRequest) -> str:
        """Return the request's scheme and host with ``path``: the sandbox has no public URL."""
        return request.build_absolute_uri(path)


SANDBOX_TOKEN_SALT = "support-desk-sandbox"  # noqa: S105  # names the purpose, not a secret
SANDBOX_TOKEN_MAX_AGE_SECONDS = 12 * 3600


def issue_sandbox_token(user: Any) -> str:
    """Return a bearer token for ``user`` on the sandbox's API.

    Signed with ``SECRET_KEY``; valid for 12 hours, and revoked by a password change.
    """
    return signing.dumps({"u": user.pk, "h": user.get_session_auth_hash()}, salt=SANDBOX_TOKEN_SALT)


def _user_from_token(token: str) -> Any:
    try:
        payload = signing.loads(
            token, salt=SANDBOX_TOKEN_SALT, max_age=SANDBOX_TOKEN_MAX_AGE_SECONDS
        )
    except signing.SignatureExpired as exc:
        raise AuthenticationError("The token has expired.") from exc
    except signing.BadSignature as exc:
        raise AuthenticationError("The token is not valid.") from exc
    if not isinstance(payload, dict) or not isinstance(payload.get("u"), int):
        raise AuthenticationError("The token is not valid.")
    user = get_user_model().objects.filter(pk=int(payload["u"]), is_active=True).first()
    if user is None or not hmac.compare_digest(
        str(payload.get("h", "")), user.get_session_auth_hash()
    ):
        raise AuthenticationError("The token is not valid.")
    return user


def _requestor_for_user(user: Any) -> Requestor:
    """Staff users are agents; superusers also administer the desk; others are customers."""
    if not user.is_staff:
        return Requestor(kind=RequestorKind.CUSTOMER, user_id=user.pk, email=user.email)
    permissions = {DeskPermission.MANAGE_ORDERS.value}
    if user.is_superuser:
        permissions.add(DeskPermission.MANAGE_SETTINGS.value)
    return Requestor(
        kind=RequestorKind.STAFF,
        user_id=user.pk,
        email=user.email,
        permissions=frozenset(permissions),
    )


def _snapshot(order: Any) -> OrderSnapshot:
    user = order.user
    return OrderSnapshot(
        id=str(order.pk),
        number=str(order.number),
        status=order.status,
        origin=order.origin,
        original_id=str(order.original_id) if order.original_id else None,
        channel_slug=order.channel_slug,
        currency=order.currency,
        total_gross=str(order.total_gross_amount),
        total_charged=str(order.total_charged_amount),
        total_refunded=str(order.total_refunded_amount),
        charge_status=order.charge_status,
        customer=CustomerSnapshot(
            user_id=order.user_id,
            email=order.user_email or (user.email if user else ""),
            first_name=(user.first_name if user else "") or order.billing_first_name,
            last_name=(user.last_name if user else "") or order.billing_last_name,
            language_code=order.language_code,
        ),
        customer_note=order.customer_note,
        created_at=order.created_at,
        lines=[
            OrderLineSnapshot(
                id=str(line.pk),
                product_name=line.product_name,
                variant_name=line.variant_name,
                sku=line.product_sku,
                quantity=line.quantity,
                quantity_fulfilled=line.quantity_fulfilled,
                unit_price_gross=str(line.unit_price_gross_amount),
                total_price_gross=str(line.total_price_gross_amount),
            )
            for line in order.lines.all()
        ],
        fulfillments=[
            FulfillmentSnapshot(
                id=f.pk,
                status=f.status,
                tracking_number=f.tracking_number,
                lines=[
                    {"line_id": str(fl.order_line_id), "quantity": fl.quantity}
                    for fl in f.lines.all()
                ],
            )
            for f in order.fulfillments.all()
        ],
        dashboard_url=f"/admin/store/order/{order.pk}/change/",
    )

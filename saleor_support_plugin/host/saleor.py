"""The host inside Saleor: the only module that imports ``saleor`` (lazily, in functions)."""

import base64
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from decimal import Decimal
from typing import Any
from uuid import UUID

from django.conf import settings
from django.http import HttpRequest

from .. import PLUGIN_ID
from ..intake.error_codes import IntakeRulesErrorCode
from ..intake.rules import ConfigurationError, ConfigurationProblem
from . import history
from .requestor import AuthenticationError, DeskPermission, Requestor, RequestorKind
from .snapshot import (
    CustomerSnapshot,
    FulfillmentSnapshot,
    OrderLineSnapshot,
    OrderSnapshot,
)


def global_id(type_name: str, pk: object) -> str:
    """Saleor's global id: base64 of ``"<Type>:<pk>"``."""
    return base64.b64encode(f"{type_name}:{pk}".encode()).decode()


def order_dashboard_url(order_id: object) -> str:
    """Link to the order in Saleor's Dashboard, or ``""`` when its address is unknown."""
    base = getattr(settings, "DASHBOARD_URL", "") or ""
    if not base:
        return ""
    return f"{base.rstrip('/')}/orders/{global_id('Order', order_id)}"


def _money(value: Decimal | None) -> str:
    return str(value if value is not None else Decimal(0))


@contextmanager
def allow_writer() -> Iterator[None]:
    """Let Celery tasks and hooks use Saleor's default (writer) database connection."""
    from saleor.core.db.connection import allow_writer as saleor_allow_writer  # noqa: PLC0415

    with saleor_allow_writer():
        yield


class SaleorHost(history.ShapedHistoryReader):
    name = "saleor"

    def read_order(self, order_id: UUID) -> OrderSnapshot | None:
        from saleor.order.models import Order  # noqa: PLC0415

        order = (
            Order.objects.filter(pk=order_id)
            .select_related("user", "channel", "billing_address")
            .prefetch_related("lines", "fulfillments__lines", "payments", "payment_transactions")
            .first()
        )
        if order is None:
            return None
        return _snapshot(order)

    def history_models(self) -> tuple[Any, Any]:
        from saleor.order.models import Order, OrderEvent  # noqa: PLC0415

        return Order, OrderEvent

    def existing_user_ids(self, user_ids: Iterable[int]) -> set[int]:
        from saleor.account.models import User  # noqa: PLC0415

        return set(User.objects.filter(pk__in=list(user_ids)).values_list("pk", flat=True))

    def plugin_configuration(self) -> dict[str, str]:
        from saleor.plugins.models import PluginConfiguration  # noqa: PLC0415

        row = PluginConfiguration.objects.filter(identifier=PLUGIN_ID, channel__isnull=True).first()
        if row is None:
            return {}
        return {item["name"]: item["value"] for item in row.configuration or []}

    def save_plugin_configuration(self, values: dict[str, str]) -> None:
        """Save through Saleor's plugins manager, as the Dashboard's ``pluginUpdate`` does.

        Saleor creates the row when there is none (inactive, with the defaults), merges the
        values into it, runs the plugin's ``validate_plugin_configuration`` and saves.
        """
        from django.core.exceptions import ValidationError  # noqa: PLC0415
        from saleor.plugins.manager import get_plugins_manager  # noqa: PLC0415

        manager = get_plugins_manager(allow_replica=False)
        configuration = [{"name": name, "value": value} for name, value in values.items()]
        try:
            saved = manager.save_plugin_configuration(
                PLUGIN_ID, None, {"configuration": configuration}
            )
        except ValidationError as exc:
            raise ConfigurationError(
                [
                    ConfigurationProblem(name, IntakeRulesErrorCode.INVALID, message)
                    for name, messages in exc.message_dict.items()
                    for message in messages
                ]
            ) from exc
        if saved is None:
            raise RuntimeError(f"The plugin {PLUGIN_ID} is not in Saleor's PLUGINS.")

    @contextmanager
    def task_context(self) -> Iterator[None]:
        with allow_writer():
            yield

    def requestor_from_request(self, request: HttpRequest) -> Requestor:
        """Saleor's own reading of the bearer token: a 30-character app token, else a JWT."""
        # PyJWT is Saleor's dependency, not the plugin's.
        import jwt  # type: ignore[import-not-found, unused-ignore]  # noqa: PLC0415
        from saleor.core.auth import get_token_from_request  # noqa: PLC0415
        from saleor.core.auth_backend import load_user_from_request  # noqa: PLC0415
        from saleor.graphql.app.dataloaders.utils import get_app_promise  # noqa: PLC0415

        token = get_token_from_request(request)
        if not token:
            return Requestor.anonymous()
        if len(token) == APP_TOKEN_LENGTH:
            app = get_app_promise(request).get()
            if app is None:
                raise AuthenticationError("The app token is not valid.")
            return Requestor(
                kind=RequestorKind.APP,
                app_id=app.pk,
                permissions=frozenset(p.value for p in DeskPermission if app.has_perm(p.value)),
            )
        try:
            user = load_user_from_request(request)
        except jwt.PyJWTError as exc:
            raise AuthenticationError(str(exc) or "The token is not valid.") from exc
        if user is None:
            raise AuthenticationError("The token is not valid.")
        if not user.is_staff:
            return Requestor(kind=RequestorKind.CUSTOMER, user_id=user.pk, email=user.email)
        return Requestor(
            kind=RequestorKind.STAFF,
            user_id=user.pk,
            email=user.email,
            permissions=frozenset(p.value for p in DeskPermission if user.has_perm(p.value)),
            channels=accessible_channel_slugs(user),
        )

    def agents_among(self, user_ids: Iterable[int]) -> set[int]:
        from saleor.account.models import User  # noqa: PLC0415

        staff = User.objects.filter(pk__in=list(user_ids), is_active=True, is_staff=True)
        return {u.pk for u in staff if u.has_perm(DeskPermission.MANAGE_ORDERS.value)}

    def absolute_url(self, path: str, request: HttpRequest) -> str:
        """Return Saleor's public URL (``PUBLIC_URL``) joined with ``path``, as Saleor does.

        Saleor fetches the manifest through a client that sends the Host header without the
        port, so the request would misplace a Saleor served on a port of its own. Without
        ``PUBLIC_URL`` the request's scheme and host are used.
        """
        if not getattr(settings, "PUBLIC_URL", None):
            return request.build_absolute_uri(path)
        from saleor.core.utils import build_absolute_uri  # noqa: PLC0415

        url: str = build_absolute_uri(path)
        return url


def accessible_channel_slugs(user: Any) -> frozenset[str] | None:
    """Channels a staff member may work in, as Saleor's channel-restricted groups say.

    ``None`` (every channel) for superusers and for members of any unrestricted group; else
    the channels of their restricted groups (none at all without a group, as in Saleor).
    """
    if user.is_superuser:
        return None
    groups = list(user.groups.values_list("pk", "restricted_access_to_channels"))
    if any(not restricted for _, restricted in groups):
        return None
    from saleor.channel.models import Channel  # noqa: PLC0415

    restricted = [pk for pk, _ in groups]
    return frozenset(Channel.objects.filter(group__in=restricted).values_list("slug", flat=True))


APP_TOKEN_LENGTH = 30
"""Saleor's app tokens are opaque 30-character strings; anything else is a JWT."""


def _total_refunded(order: Any) -> Decimal:
    """Money given back so far: transaction refunds plus legacy payments' refunded part."""
    refunded = sum((t.refunded_value for t in order.payment_transactions.all()), Decimal(0))
    for payment in order.payments.all():
        if payment.charge_status in ("partially-refunded", "fully-refunded"):
            refunded += max(Decimal(0), payment.total - payment.captured_amount)
    return refunded


def _customer(order: Any) -> CustomerSnapshot:
    user = order.user
    address = order.billing_address
    return CustomerSnapshot(
        user_id=order.user_id,
        email=order.user_email or (user.email if user else ""),
        first_name=(user.first_name if user else "") or (address.first_name if address else ""),
        last_name=(user.last_name if user else "") or (address.last_name if address else ""),
        language_code=order.language_code or "",
    )


def _snapshot(order: Any) -> OrderSnapshot:
    lines = list(order.lines.all())
    return OrderSnapshot(
        id=str(order.pk),
        number=str(order.number),
        status=order.status,
        origin=order.origin or "",
        original_id=str(order.original_id) if order.original_id else None,
        channel_slug=order.channel.slug,
        currency=order.currency,
        total_gross=_money(order.total_gross_amount),
        total_charged=_money(order.total_charged_amount),
        total_refunded=_money(_total_refunded(order)),
        charge_status=order.charge_status,
        customer=_customer(order),
        customer_note=order.customer_note or "",
        created_at=order.created_at,
        lines=[
            OrderLineSnapshot(
                id=str(line.pk),
                product_name=line.product_name,
                variant_name=line.variant_name,
                sku=line.product_sku or "",
                quantity=line.quantity,
                quantity_fulfilled=line.quantity_fulfilled,
                unit_price_gross=_money(line.unit_price_gross_amount),
                total_price_gross=_money(line.total_price_gross_amount),
            )
            for line in lines
        ],
        fulfillments=[
            FulfillmentSnapshot(
                id=f.pk,
                status=f.status,
                tracking_number=f.tracking_number or "",
                lines=[
                    {"line_id": str(fl.order_line_id), "quantity": fl.quantity}
                    for fl in f.lines.all()
                ],
            )
            for f in order.fulfillments.all()
        ],
        dashboard_url=order_dashboard_url(order.pk),
    )

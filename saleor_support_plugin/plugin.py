"""The Saleor plugin: configuration as data, and hooks that record store events and return.

Each hook returns ``previous_value`` unchanged. When active it hands the hook's object to
``host.signals``, which records at most one inbound event with one INSERT and never raises.
"""

import uuid
from typing import Any

from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponseNotFound
from django.utils import timezone
from saleor.plugins.base_plugin import BasePlugin, ConfigurationTypeField

from . import PLUGIN_ID
from .host import get_host, signals
from .host.saleor import allow_writer
from .intake.rules import (
    CONFIG_FIELDS,
    FIELD_BOOLEAN,
    FIELD_MULTILINE,
    FIELD_STRING,
    ConfigurationError,
    validate_configuration,
)
from .web import workspace

GRAPHQL_PATH = "/graphql/"
"""Where the API lives below the plugin's URL (Saleor passes the part after the plugin id)."""

_FIELD_TYPES = {
    FIELD_BOOLEAN: ConfigurationTypeField.BOOLEAN,
    FIELD_MULTILINE: ConfigurationTypeField.MULTILINE,
    FIELD_STRING: ConfigurationTypeField.STRING,
}


class SupportPlugin(BasePlugin):
    PLUGIN_ID = PLUGIN_ID
    PLUGIN_NAME = "Support desk"
    PLUGIN_DESCRIPTION = (
        "Opens support tickets from cancellations, expiries, refunds, returns, replacements,"
        " payment problems and orders placed with a note, one thread per order."
    )
    CONFIGURATION_PER_CHANNEL = False
    DEFAULT_ACTIVE = False
    DEFAULT_CONFIGURATION = [{"name": f.name, "value": f.default} for f in CONFIG_FIELDS]
    CONFIG_STRUCTURE = {
        f.name: {
            "type": _FIELD_TYPES[f.type],
            "help_text": f.help_text,
            "label": f.label,
        }
        for f in CONFIG_FIELDS
    }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Copied out: Saleor empties ``self.configuration`` when the instance goes away.
        values = {item["name"]: item["value"] for item in self.configuration}
        self._enabled = signals.enabled_kinds(values)
        # Saleor builds plugins per request or task: repeated hook calls of this one share it.
        self._call_id = uuid.uuid4().hex

    @classmethod
    def validate_plugin_configuration(cls, plugin_configuration: Any, **kwargs: Any) -> None:
        """Check the form as the desk's API checks intake rules (``validate_configuration``).

        Saleor calls this before it saves the row, so the host still reads the stored values.
        """
        values = {item["name"]: item["value"] for item in plugin_configuration.configuration}
        try:
            validate_configuration(values, previous=get_host().plugin_configuration())
        except ConfigurationError as exc:
            raise ValidationError(
                {
                    name: ValidationError(message, code="invalid")
                    for name, message in exc.errors.items()
                }
            ) from exc

    def webhook(self, request: HttpRequest, path: str, previous_value: Any) -> Any:
        """Serve the desk's API at ``/plugins/global/<PLUGIN_ID>/graphql/``.

        The agent workspace lives beside it: the App manifest at ``/manifest/`` and the app at
        ``/app/`` (``web/workspace.py``).
        """
        if not self.active:
            return previous_value
        if path == GRAPHQL_PATH:
            from .web.views import graphql_view  # noqa: PLC0415  # the schema loads on first use

            return graphql_view(request)
        if workspace.handles(path):
            return workspace.serve(request, path, workspace.Mount.for_plugin(request, path))
        return HttpResponseNotFound()

    def _record(self, signal: Any, obj: Any) -> None:
        if not self.active:
            return
        try:
            with allow_writer():
                call = signals.HookCall(self._enabled, at=timezone.now(), call_id=self._call_id)
                signal(obj, call)
        except Exception:  # noqa: BLE001, S110  # a hook must never break Saleor; recorder logs
            pass

    def order_created(self, order: Any, previous_value: Any, webhooks: Any = None) -> Any:
        self._record(signals.order_created, order)
        return previous_value

    def order_cancelled(self, order: Any, previous_value: Any, webhooks: Any = None) -> Any:
        self._record(signals.order_cancelled, order)
        return previous_value

    def order_expired(self, order: Any, previous_value: Any, webhooks: Any = None) -> Any:
        self._record(signals.order_expired, order)
        return previous_value

    def order_refunded(self, order: Any, previous_value: Any, webhooks: Any = None) -> Any:
        self._record(signals.order_refunded, order)
        return previous_value

    def order_fully_refunded(self, order: Any, previous_value: Any, webhooks: Any = None) -> Any:
        self._record(signals.order_fully_refunded, order)
        return previous_value

    def order_updated(self, order: Any, previous_value: Any, webhooks: Any = None) -> Any:
        self._record(signals.order_updated, order)
        return previous_value

    def draft_order_created(self, order: Any, previous_value: Any, webhooks: Any = None) -> Any:
        self._record(signals.draft_order_created, order)
        return previous_value

    def customer_deleted(self, customer: Any, previous_value: Any, webhooks: Any = None) -> Any:
        self._record(signals.customer_deleted, customer)
        return previous_value

    def account_deleted(self, user: Any, previous_value: Any) -> Any:
        self._record(signals.customer_deleted, user)
        return previous_value

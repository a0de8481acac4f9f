"""Fixtures for the acceptance tests against a real Saleor (see ``tests/conftest.py``)."""

from collections.abc import Callable
from typing import Any

import pytest

from saleor_support_plugin import PLUGIN_ID
from saleor_support_plugin.intake import InboundEventStatus
from saleor_support_plugin.intake.models import InboundEvent
from saleor_support_plugin.plugin import SupportPlugin
from saleor_support_plugin.tasks import process_inbound_event_task

PLUGIN_PATH = "saleor_support_plugin.plugin.SupportPlugin"
HOOKS = (
    "order_created",
    "order_cancelled",
    "order_expired",
    "order_refunded",
    "order_fully_refunded",
    "order_updated",
    "draft_order_created",
    "customer_deleted",
    "account_deleted",
)


@pytest.fixture(autouse=True)
def _warm_storefront_traffic_cache(site_settings: Any) -> None:
    """Warm the storefront-traffic guard's caches, as Saleor's graphql conftest does.

    Saleor's ``saleor/graphql/conftest.py`` is not loaded for tests outside its tree; without
    this the guard's lazy lookups would add queries to the first request of each test.
    ``site_settings`` is requested so the database is available this early.
    """
    from django.contrib.sites.models import Site
    from saleor.graphql.storefront_traffic import set_allow_storefront_traffic_cache

    Site.objects.get_current()
    set_allow_storefront_traffic_cache(True)


@pytest.fixture
def support_plugin_installed(settings: Any) -> Any:
    """Add the plugin to ``settings.PLUGINS``, after Saleor's dummy payment gateways.

    Saleor's autouse ``setup_dummy_gateways`` has already set ``PLUGINS`` to the dummy
    gateways; they stay, because checkout payments and refunds go through them.
    """
    settings.PLUGINS = [*settings.PLUGINS, PLUGIN_PATH]
    return settings


@pytest.fixture
def support_plugin(support_plugin_installed: Any) -> Any:
    """The plugin installed and activated, as the Dashboard's ``pluginUpdate`` would."""
    from saleor.plugins.manager import get_plugins_manager

    manager = get_plugins_manager(allow_replica=False)
    configuration = manager.save_plugin_configuration(PLUGIN_ID, None, {"active": True})
    assert configuration is not None
    assert configuration.active is True
    return manager


@pytest.fixture
def hook_calls(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """Record each hook call on the plugin as ``(hook, order status or user id)``."""
    calls: list[tuple[str, str]] = []

    def spy(name: str) -> Callable[..., Any]:
        original = getattr(SupportPlugin, name)

        def hook(self: SupportPlugin, obj: Any, *args: Any, **kwargs: Any) -> Any:
            calls.append((name, str(getattr(obj, "status", obj.pk))))
            return original(self, obj, *args, **kwargs)

        return hook

    for name in HOOKS:
        monkeypatch.setattr(SupportPlugin, name, spy(name))
    return calls


@pytest.fixture
def process_pending() -> Callable[[], list[tuple[str, str | None]]]:
    """Process every pending inbound event through the Celery task, oldest first.

    The task runs eagerly under Saleor's ``RestrictWriterDBTask``, which raises on any
    writer query outside ``allow_writer()``. Returns ``(source_event_type, status)`` pairs.
    """

    def process() -> list[tuple[str, str | None]]:
        done = []
        for event in InboundEvent.objects.filter(status=InboundEventStatus.PENDING).order_by("id"):
            status = process_inbound_event_task.delay(event.pk).get()
            done.append((event.source_event_type, status))
        return done

    return process

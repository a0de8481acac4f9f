"""Root conftest: the sandbox suite without Saleor, the real-Saleor suite with it.

Without Saleor, a stand-in for the few Saleor classes the plugin imports is installed,
``tests/saleor`` is left out and the sandbox fixtures are registered.

With Saleor importable (its environment, ``--ds=saleor.tests.settings``), this does what
Saleor's own root conftest does for its suite, so ``tests/saleor`` runs against real
Saleor: every Django test case uses the writer and the replica alias, the replica is a
wrapper around the writer's connection, and Saleor's fixture modules are registered.
Every test module outside ``tests/saleor`` is left out: it needs the sandbox settings.
"""

import importlib.util
from pathlib import Path

from tests.stand_ins import saleor_plugin_api

SALEOR_AVAILABLE = importlib.util.find_spec("saleor") is not None
SALEOR_TESTS_DIR = Path(__file__).resolve().parent / "saleor"

SALEOR_FIXTURE_MODULES = [
    "saleor.tests.fixtures",
    "saleor.app.tests.fixtures",
    "saleor.plugins.tests.fixtures",
    "saleor.graphql.tests.fixtures",
    "saleor.webhook.tests.fixtures",
    "saleor.tax.tests.fixtures",
    "saleor.channel.tests.fixtures",
    "saleor.page.tests.fixtures",
    "saleor.menu.tests.fixtures",
    "saleor.warehouse.tests.fixtures",
    "saleor.thumbnail.tests.fixtures",
    "saleor.order.tests.fixtures",
    "saleor.product.tests.fixtures",
    "saleor.site.tests.fixtures",
    "saleor.shipping.tests.fixtures",
    "saleor.permission.tests.fixtures",
    "saleor.giftcard.tests.fixtures",
    "saleor.discount.tests.fixtures",
    "saleor.checkout.tests.fixtures",
    "saleor.attribute.tests.fixtures",
    "saleor.account.tests.fixtures",
    "saleor.graphql.account.tests.fixtures",
    "saleor.payment.tests.fixtures",
    "saleor.webhook.tests.circuit_breaker.fixtures",
]
"""Saleor's fixture modules, as its root conftest registers them (3.23)."""


if SALEOR_AVAILABLE:
    import django.test
    import pytest
    from django.conf import settings

    if not hasattr(settings, "DATABASE_CONNECTION_REPLICA_NAME"):
        raise pytest.UsageError(
            "Saleor is importable, so only tests/saleor runs, and it needs Saleor's test"
            " settings: pytest tests/saleor --ds=saleor.tests.settings -n 0 --reuse-db"
        )

    from saleor.tests.utils import prepare_test_db_connections

    _test_databases = {
        getattr(settings, "DATABASE_CONNECTION_DEFAULT_NAME"),  # noqa: B009  # Saleor's setting
        getattr(settings, "DATABASE_CONNECTION_REPLICA_NAME"),  # noqa: B009
    }
    django.test.TransactionTestCase.databases = _test_databases
    django.test.TestCase.databases = _test_databases
    prepare_test_db_connections()

    pytest_plugins = SALEOR_FIXTURE_MODULES

    def pytest_ignore_collect(collection_path: Path) -> bool | None:
        """Leave out everything but ``tests/saleor`` (and the folders leading to it)."""
        path = collection_path.resolve()
        if path == SALEOR_TESTS_DIR or SALEOR_TESTS_DIR in path.parents:
            return None
        if path.is_dir() and path in SALEOR_TESTS_DIR.parents:
            return None
        return True

else:
    saleor_plugin_api.install()
    collect_ignore = ["saleor"]
    pytest_plugins = [
        "tests.fixtures.store",
        "tests.fixtures.tickets",
        "tests.fixtures.intake",
        "tests.fixtures.ratelimit",
        "tests.fixtures.agents",
        "tests.fixtures.macros",
        "tests.fixtures.sla",
    ]

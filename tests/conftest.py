import importlib.util

from tests.stand_ins import saleor_plugin_api

SALEOR_AVAILABLE = importlib.util.find_spec("saleor") is not None

if not SALEOR_AVAILABLE:
    saleor_plugin_api.install()
    collect_ignore = ["saleor"]

pytest_plugins = ["tests.fixtures.store", "tests.fixtures.tickets"]

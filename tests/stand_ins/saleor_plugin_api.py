"""Stand-in for the few Saleor classes the plugin imports, for runs without Saleor.

Faithful to ``saleor/plugins/base_plugin.py`` (3.20-3.23) where the plugin relies on it:
keyword-only constructor, ``configuration`` as a list of name/value dicts merged over
``DEFAULT_CONFIGURATION``, ``active``, and ``ConfigurationTypeField`` values.
"""

import sys
import types
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any


class ConfigurationTypeField:
    STRING = "String"
    MULTILINE = "Multiline"
    BOOLEAN = "Boolean"
    SECRET = "Secret"
    SECRET_MULTILINE = "SecretMultiline"
    PASSWORD = "Password"
    OUTPUT = "OUTPUT"


class BasePlugin:
    PLUGIN_ID = ""
    PLUGIN_NAME = ""
    CONFIGURATION_PER_CHANNEL = True
    DEFAULT_CONFIGURATION: list[dict[str, Any]] = []
    DEFAULT_ACTIVE = False

    def __init__(
        self,
        *,
        configuration: list[dict[str, Any]] | None,
        active: bool,
        channel: Any = None,
        requestor_getter: Any = None,
        db_config: Any = None,
        allow_replica: bool = False,
    ) -> None:
        stored = {item["name"]: item["value"] for item in configuration or []}
        self.configuration = [
            {"name": item["name"], "value": stored.get(item["name"], item["value"])}
            for item in self.DEFAULT_CONFIGURATION
        ]
        self.active = active
        self.channel = channel


@contextmanager
def allow_writer() -> Iterator[None]:
    yield


def install() -> None:
    """Make ``saleor.plugins.base_plugin`` and ``saleor.core.db.connection`` importable."""
    modules: dict[str, dict[str, Any]] = {
        "saleor": {},
        "saleor.plugins": {},
        "saleor.plugins.base_plugin": {
            "BasePlugin": BasePlugin,
            "ConfigurationTypeField": ConfigurationTypeField,
        },
        "saleor.core": {},
        "saleor.core.db": {},
        "saleor.core.db.connection": {"allow_writer": allow_writer},
    }
    for name, attributes in modules.items():
        module = types.ModuleType(name)
        module.__dict__.update(attributes)
        sys.modules.setdefault(name, module)

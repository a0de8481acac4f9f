"""The demo store calls the desk's hook adapters the way Saleor calls plugin hooks.

After the surrounding transaction commits, synchronously, with the changed object.
"""

from typing import Any

from django.db import transaction

from saleor_support_plugin.host import get_host, signals


def call_hook(name: str, obj: Any) -> None:
    """Run hook ``name`` of the desk for ``obj`` once the current transaction commits."""
    call = signals.HookCall(signals.enabled_kinds(get_host().plugin_configuration()))

    def run() -> None:
        handler = getattr(signals, name, None)
        if handler is not None:
            handler(obj, call)

    transaction.on_commit(run)

"""Intake figures on this machine: hook cost per store event and processing throughput.

Run: .venv/bin/python -m bench.intake [--events 1000]

Uses a scratch database on the sandbox's PostgreSQL (``DATABASE_URL`` or the embedded
server), created and dropped by the run.
"""

import argparse
import os
import statistics
import time
import uuid
from datetime import timedelta
from typing import Any

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.settings")


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def _hook_cost(events: int) -> dict[str, float]:
    from saleor_support_plugin.intake.recorder import record_inbound_event

    timings = []
    for _ in range(events):
        order_id = uuid.uuid4()
        started = time.perf_counter()
        record_inbound_event("order_cancelled", str(order_id), order_id=order_id)
        timings.append((time.perf_counter() - started) * 1000)
    return {
        "p50_ms": statistics.median(timings),
        "p95_ms": _percentile(timings, 0.95),
        "p99_ms": _percentile(timings, 0.99),
    }


def _processing(events: int) -> dict[str, float]:
    from django.conf import settings
    from django.db import transaction
    from django.test import override_settings
    from django.utils import timezone

    from saleor_support_plugin.intake.actions import sweep_inbound_events
    from saleor_support_plugin.intake.models import InboundEvent
    from saleor_support_plugin.tickets.models import Ticket
    from sandbox.store import actions
    from sandbox.store.models import Product

    InboundEvent.objects.all().delete()
    product = Product.objects.create(name="Bench", sku=f"B-{uuid.uuid4().hex[:8]}", price=10)
    buyer = actions.Buyer("bench@example.com", "Bench", "Buyer", "en")
    at = timezone.now() - timedelta(hours=1)
    for _ in range(events):
        with transaction.atomic():
            order = actions.place_order(buyer, [(product, 1)], at=at)
        actions.cancel_order(order, at=at)
    desk: dict[str, Any] = {**settings.SUPPORT_DESK, "SWEEP_MIN_AGE_SECONDS": 0}
    started = time.perf_counter()
    with override_settings(SUPPORT_DESK=desk):
        done = 0
        while batch := sweep_inbound_events(limit=500):
            done += batch
    elapsed = time.perf_counter() - started
    return {
        "events": done,
        "tickets": Ticket.objects.count(),
        "seconds": elapsed,
        "events_per_second": done / elapsed,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--events", type=int, default=1000)
    args = parser.parse_args()

    import django
    from django.test.utils import get_runner, setup_test_environment

    django.setup()
    from django.conf import settings

    test_database = settings.DATABASES["default"]["TEST"]
    assert isinstance(test_database, dict)
    test_database["NAME"] = "support_bench"
    setup_test_environment()
    runner = get_runner(settings)(verbosity=0, interactive=False)
    old = runner.setup_databases()
    try:
        hook = _hook_cost(args.events)
        processing = _processing(args.events)
    finally:
        runner.teardown_databases(old)
    print(
        f"hook INSERT per store event ({args.events} calls): "
        f"p50 {hook['p50_ms']:.2f} ms, p95 {hook['p95_ms']:.2f} ms, p99 {hook['p99_ms']:.2f} ms"
    )
    print(
        f"processing: {processing['events']} cancellations -> {processing['tickets']} tickets"
        f" in {processing['seconds']:.1f} s"
        f" ({processing['events_per_second']:.0f} events/s, one process)"
    )


if __name__ == "__main__":
    main()

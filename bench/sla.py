"""SLA figures on this machine: business-time arithmetic, syncing clocks, the minute sweep.

Run: .venv/bin/python -m bench.sla [--tickets 2000] [--batch 100]

In a scratch database on the sandbox's PostgreSQL (``DATABASE_URL`` or the embedded server),
created and dropped by the run: opens the tickets through the ticket actions on a Monday to
Friday 09:00-17:00 calendar, lets the sweep sync them (stale phase: first response and
resolution clocks per ticket), then sweeps once every clock of them is past its warning and
due time (due phase: a warning and a breach per first-response clock, resolution warned),
with no breach action and then raising the priority. Statements are counted without
savepoints, as the tests count them.
"""

import argparse
import os
import time
from datetime import UTC, datetime, timedelta
from typing import Any

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.settings")

MONDAY_9 = datetime(2025, 6, 2, 9, tzinfo=UTC)


def _arithmetic(samples: int) -> dict[str, float]:
    from saleor_support_plugin.sla.calendar import (
        Calendar,
        Interval,
        add_business_minutes,
        always_open,
        business_minutes_between,
    )

    office = Calendar("Europe/Warsaw", tuple(Interval(d, 540, 1020) for d in range(5)))
    figures = {}
    for name, calendar, minutes in (
        ("add 60 min, 8 h calendar", office, 60),
        ("add 2,880 min, 8 h calendar", office, 2880),
        ("add 60 min, 24/7", always_open("Europe/Warsaw"), 60),
    ):
        started = time.perf_counter()
        for index in range(samples):
            add_business_minutes(calendar, MONDAY_9 + timedelta(minutes=index), minutes)
        figures[name] = (time.perf_counter() - started) / samples * 1e6
    started = time.perf_counter()
    for index in range(samples):
        business_minutes_between(office, MONDAY_9, MONDAY_9 + timedelta(days=3, minutes=index))
    figures["measure 3 days, 8 h calendar"] = (time.perf_counter() - started) / samples * 1e6
    return figures


def _open(tickets: int) -> None:
    from saleor_support_plugin.tickets import TicketChannel
    from saleor_support_plugin.tickets.actions import CustomerInfo, category_by_slug, open_ticket
    from saleor_support_plugin.tickets.actors import Actor

    category = category_by_slug("delivery")
    for index in range(tickets):
        open_ticket(
            subject=f"Question {index}",
            category=category,
            channel=TicketChannel.WEB,
            actor=Actor.system(),
            customer=CustomerInfo(email=f"buyer{index}@example.com"),
            now=MONDAY_9 + timedelta(seconds=index % 60),
        )


def _policy(actions: list[str]) -> None:
    from saleor_support_plugin.sla.actions import (
        CalendarValues,
        PolicyValues,
        create_calendar,
        create_policy,
    )
    from saleor_support_plugin.sla.calendar import Interval
    from saleor_support_plugin.sla.models import SlaPolicy

    SlaPolicy.objects.all().delete()
    calendar = create_calendar(
        CalendarValues(
            name=f"Bench {len(actions)}",
            time_zone="Europe/Warsaw",
            intervals=tuple(Interval(d, 540, 1020) for d in range(5)),
        )
    )
    create_policy(
        PolicyValues(
            name="Bench",
            calendar_id=calendar.pk,
            first_response_minutes=60,
            resolution_minutes=480,
            breach_actions=tuple(actions),
        )
    )


def _sweep(now: datetime, batch: int) -> dict[str, Any]:
    from django.db import connection

    from saleor_support_plugin.sla.sweep import sweep_sla

    statements = 0

    def count(execute: Any, sql: str, params: Any, many: bool, context: Any) -> Any:
        nonlocal statements
        if not sql.lstrip().upper().startswith(("SAVEPOINT", "RELEASE", "ROLLBACK", "SET ")):
            statements += 1
        return execute(sql, params, many, context)

    with connection.execute_wrapper(count):
        started = time.perf_counter()
        result = sweep_sla(now=now, batch_size=batch, max_batches=10_000, max_seconds=3600)
        seconds = time.perf_counter() - started
    return {
        "tickets": result.tickets,
        "warnings": result.warnings,
        "breaches": result.breaches,
        "seconds": seconds,
        "statements": statements,
    }


def _line(name: str, run: dict[str, Any], clocks: int) -> str:
    return (
        f"{name:<44} {run['tickets']:>6} tickets {clocks:>6} clocks {run['seconds']:>7.2f} s"
        f"  {clocks / run['seconds']:>7.0f} clocks/s  {run['statements'] / clocks:>5.2f}"
        f" statements/clock  ({run['warnings']} warnings, {run['breaches']} breaches)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--tickets", type=int, default=2000)
    parser.add_argument("--batch", type=int, default=100)
    parser.add_argument("--samples", type=int, default=20_000)
    args = parser.parse_args()

    import django
    from django.test.utils import get_runner, setup_test_environment

    django.setup()
    from django.conf import settings
    from django.db import connection

    from saleor_support_plugin.sla import BreachAction
    from saleor_support_plugin.sla.models import TicketSlaClock
    from saleor_support_plugin.tickets.models import Ticket

    arithmetic = _arithmetic(args.samples)
    test_database = settings.DATABASES["default"]["TEST"]
    assert isinstance(test_database, dict)
    test_database["NAME"] = "support_bench_sla"
    setup_test_environment()
    runner = get_runner(settings)(verbosity=0, interactive=False)
    old = runner.setup_databases()
    lines = []
    try:
        for actions in ([], [BreachAction.RAISE_PRIORITY]):
            Ticket.objects.all().delete()
            _policy(actions)
            _open(args.tickets)
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
            synced = _sweep(MONDAY_9 + timedelta(minutes=2), args.batch)
            clocks = TicketSlaClock.objects.count()
            label = "with raise priority" if actions else "record only"
            lines.append(_line(f"sync never-synced tickets ({label})", synced, clocks))
            idle = _sweep(MONDAY_9 + timedelta(minutes=3), args.batch)
            lines.append(
                f"{'nothing due':<44} {idle['seconds'] * 1000:>7.1f} ms,"
                f" {idle['statements']} statements"
            )
            due = _sweep(MONDAY_9 + timedelta(hours=7, minutes=30), args.batch)
            lines.append(_line(f"due: warn and breach ({label})", due, clocks))
    finally:
        runner.teardown_databases(old)
    print(f"{args.tickets} tickets, batches of {args.batch}")
    for name, micros in arithmetic.items():
        print(f"{name:<44} {micros:>8.1f} µs per call")
    for line in lines:
        print(line)


if __name__ == "__main__":
    main()

"""Command line: ``python -m bench.api --help``."""

import argparse
import os

import bench.api

from .config import BUDGET_MS, DATABASE_PREFIX, MIN_RUNS
from .operations import build_operations, read_desk
from .report import explain, machine_summary, report
from .runner import percentile, time_concurrent, time_serial
from .seed import seed, seeded_tickets


def main() -> None:
    parser = argparse.ArgumentParser(
        prog="python -m bench.api",
        description=bench.api.__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--tickets", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=200, help="timed requests per operation")
    parser.add_argument("--warmup", type=int, default=20, help="untimed requests first")
    parser.add_argument(
        "--op-seconds",
        type=float,
        default=120,
        help=f"stop timing an operation after this long (after at least {MIN_RUNS} requests)",
    )
    parser.add_argument("--users", type=int, default=50, help="concurrent users; 0 skips")
    parser.add_argument("--processes", type=int, default=2, help="processes the users share")
    parser.add_argument("--seconds", type=float, default=60, help="length of the concurrent run")
    parser.add_argument(
        "--think-ms", type=float, default=1000, help="mean pause of a user between requests"
    )
    parser.add_argument(
        "--mix-exclude",
        action="append",
        default=[],
        metavar="TEXT",
        help="leave the operations whose name holds TEXT out of the users' mix",
    )
    parser.add_argument("--keep", action="store_true", help="keep the database for a later run")
    parser.add_argument(
        "--explain", action="store_true", help="EXPLAIN ANALYZE every operation's slowest query"
    )
    args = parser.parse_args()

    import django
    from django.test.utils import get_runner, setup_test_environment

    django.setup()
    from django.conf import settings
    from django.db import connection

    from saleor_support_plugin.ratelimit import DEFAULT_LIMITS

    test_database = settings.DATABASES["default"]["TEST"]
    assert isinstance(test_database, dict)
    test_database["NAME"] = f"{DATABASE_PREFIX}{args.tickets}"
    settings.SUPPORT_DESK = {
        **settings.SUPPORT_DESK,
        "RATE_LIMITS": dict.fromkeys(DEFAULT_LIMITS),
    }
    setup_test_environment()
    # Load the whole API now: what is timed is the code as it stood when the run started.
    from django.urls import resolve

    from saleor_support_plugin.host import get_host

    resolve("/graphql/")
    get_host()
    runner = get_runner(settings)(verbosity=0, interactive=False, keepdb=args.keep)
    old = runner.setup_databases(serialized_aliases=set())  # no copy of a kept desk in memory
    try:
        machine = machine_summary()
        if seeded_tickets() == args.tickets:
            print(
                f"using the desk of {args.tickets:,} tickets kept in"
                f" {connection.settings_dict['NAME']}",
                flush=True,
            )
            with connection.cursor() as cursor:
                cursor.execute("VACUUM ANALYZE")
            steps: dict[str, float] = {}
        else:
            from saleor_support_plugin.tickets.models import Ticket

            if Ticket.objects.exists():
                connection.creation.create_test_db(verbosity=0, autoclobber=True, keepdb=False)
            print(f"seeding {args.tickets:,} tickets", flush=True)
            steps = seed(args.tickets)
        desk = read_desk()
        operations = build_operations(desk)
        print("timing, one request at a time", flush=True)
        loads = [os.getloadavg()[0]]
        serial = time_serial(operations, args.runs, args.warmup, args.op_seconds)
        loads.append(os.getloadavg()[0])
        concurrent: list[tuple[str, float]] = []
        elapsed = 0.0
        if args.users:
            print(
                f"timing {args.users} users in {args.processes} processes for"
                f" {args.seconds:.0f} s, think time {args.think_ms:.0f} ms"
                + "".join(f", without '{text}'" for text in args.mix_exclude),
                flush=True,
            )
            mixed = [o for o in operations if not any(t in o.name for t in args.mix_exclude)]
            concurrent, elapsed = time_concurrent(
                mixed, args.users, args.processes, args.seconds, args.think_ms
            )
            loads.append(os.getloadavg()[0])
        report(args, machine, loads, desk, steps, serial, concurrent, elapsed)
        print()
        for name, figures in serial.items():
            ms, sql = figures.slowest
            print(f"slowest statement of {name}: {ms:.1f} ms: {sql[:160]}")
            over = percentile(figures.timings, 0.95) > (BUDGET_MS.get(name) or float("inf"))
            ms, sql = figures.slowest_read
            if sql and (args.explain or over):
                print(f"slowest SELECT, {ms:.1f} ms:")
                print(sql)
                print(explain(sql))
                print()
    finally:
        runner.teardown_databases(old)


if __name__ == "__main__":
    main()

"""The figures: printed against the budgets, written as JSON; plans of slow queries."""

import argparse
import json
import os
import platform
import statistics
import subprocess

from .config import BUDGET_MS, BUDGET_STATEMENTS, MIX, REPORT, ROOT
from .operations import Desk
from .runner import Figures, percentile


def explain(sql: str) -> str:
    """Return ``EXPLAIN (ANALYZE, BUFFERS)`` of ``sql``, whose effects are rolled back."""
    from django.db import DatabaseError, connection, transaction

    try:
        with transaction.atomic():
            with connection.cursor() as cursor:
                cursor.execute(f"EXPLAIN (ANALYZE, BUFFERS) {sql}")
                plan = "\n".join(row[0] for row in cursor.fetchall())
            transaction.set_rollback(True)
    except DatabaseError as exc:
        return f"EXPLAIN failed: {exc}"
    return plan


def machine_summary() -> str:
    from django.db import connection

    cpu = ""
    with open("/proc/cpuinfo", encoding="utf-8") as info:
        for line in info:
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    with connection.cursor() as cursor:
        cursor.execute("SELECT version()")
        server = cursor.fetchone()[0].split(" on ")[0]
    try:
        commit = subprocess.run(  # noqa: S603  # fixed arguments
            ["git", "describe", "--always", "--dirty"],  # noqa: S607  # git from PATH
            capture_output=True,
            text=True,
            cwd=ROOT,
            check=False,
        ).stdout.strip()
    except OSError:
        commit = "?"
    return (
        f"{os.cpu_count()} cores ({cpu}), {server}, Python {platform.python_version()},"
        f" commit {commit}"
    )


def _row(name: str, timings: list[float], cpu: str, statements: str, verdict: str) -> str:
    budget = BUDGET_MS.get(name)
    return (
        f"{name:<42} {budget or '-':>6} {len(timings):>5} {statistics.median(timings):>7.1f}"
        f" {percentile(timings, 0.95):>7.1f} {percentile(timings, 0.99):>7.1f}"
        f" {cpu:>7} {statements:>6}  {verdict}"
    )


def _verdict(name: str, p95: float, statements: list[int] | None = None) -> str:
    parts = []
    budget = BUDGET_MS.get(name)
    if budget is not None:
        parts.append("met" if p95 <= budget else f"MISSED (p95 {p95 / budget:.1f}x budget)")
    limit = BUDGET_STATEMENTS.get(name)
    if limit is not None and statements:
        parts.append(
            f"statements <= {limit}"
            if max(statements) <= limit
            else f"STATEMENTS {max(statements)} > {limit}"
        )
    return "; ".join(parts)


def report(
    args: argparse.Namespace,
    machine: str,
    loads: list[float],
    desk: Desk,
    steps: dict[str, float],
    serial: dict[str, Figures],
    concurrent: list[tuple[str, float]],
    elapsed: float,
) -> None:
    """Print the figures, and write them to ``REPORT`` as JSON."""
    print()
    print(f"machine: {machine}")
    print(
        "load average (1 min, other work on the machine included): "
        + ", ".join(
            f"{load:.1f} {when}"
            for load, when in zip(
                loads, ("before timing", "after one at a time", "after the users"), strict=False
            )
        )
    )
    print(
        f"desk: {desk.tickets:,} tickets, {desk.messages:,} messages ({desk.notes:,} internal"
        f" notes), {desk.events:,} timeline rows; {desk.accounts:,} customer accounts,"
        f" {desk.guest_tickets:,} guest tickets, {desk.survey_answers:,} survey answers;"
        f" database {desk.database_bytes / 2**30:.1f} GiB"
    )
    if steps:
        print(
            "seeded in "
            + ", ".join(f"{name} {seconds:.0f} s" for name, seconds in steps.items())
            + f" ({sum(steps.values()):.0f} s)"
        )
    pages = [count for _token, count in desk.customers]
    print(
        f"customers listed: the {len(pages)} with the most tickets ({min(pages)}-{max(pages)});"
        f" L1 queue: {desk.queue} unassigned tickets; long threads: {len(desk.long_threads)}"
    )
    selective_counts = sorted(count for _term, count in desk.selective_terms)
    print(
        f"search terms: {len(selective_counts)} brands matching {selective_counts[0]}-"
        f"{selective_counts[-1]} tickets (median {statistics.median(selective_counts):.0f});"
        + "".join(f" '{term}' matching {count:,}" for term, count in desk.common_terms)
    )
    print()
    header = (
        f"{'operation':<42} {'budget':>6} {'runs':>5} {'p50':>7} {'p95':>7} {'p99':>7}"
        f" {'cpu p50':>7} {'stmts':>6}"
    )
    print("one request at a time, warm (ms):")
    print(header)
    for name, figures in serial.items():
        low, high = min(figures.statements), max(figures.statements)
        statements = f"{low}" if low == high else f"{low}-{high}"
        p95 = percentile(figures.timings, 0.95)
        print(
            _row(
                name,
                figures.timings,
                f"{statistics.median(figures.cpu):.1f}",
                statements,
                _verdict(name, p95, figures.statements),
            )
        )
    if concurrent:
        print()
        print(
            f"{args.users} users, {args.processes} processes, think time {args.think_ms:.0f} ms"
            + "".join(f", without '{text}'" for text in args.mix_exclude)
            + f": {len(concurrent):,} requests in {elapsed:.0f} s"
            f" ({len(concurrent) / elapsed:.0f}/s)"
        )
        print(header)
        for name in MIX:
            timings = [ms for op, ms in concurrent if op == name]
            if timings:
                print(_row(name, timings, "", "", _verdict(name, percentile(timings, 0.95))))
    REPORT.parent.mkdir(parents=True, exist_ok=True)
    REPORT.write_text(
        json.dumps(
            {
                "arguments": vars(args),
                "machine": machine,
                "load_averages": loads,
                "desk": {
                    "tickets": desk.tickets,
                    "messages": desk.messages,
                    "internal_notes": desk.notes,
                    "timeline_rows": desk.events,
                    "accounts": desk.accounts,
                    "guest_tickets": desk.guest_tickets,
                    "survey_answers": desk.survey_answers,
                    "database_bytes": desk.database_bytes,
                    "selective_terms": desk.selective_terms,
                    "common_terms": desk.common_terms,
                },
                "seeding_seconds": steps,
                "one_at_a_time": {
                    name: {"ms": f.timings, "cpu_ms": f.cpu, "statements": f.statements}
                    for name, f in serial.items()
                },
                "users": {
                    "seconds": elapsed,
                    "requests": [{"operation": op, "ms": ms} for op, ms in concurrent],
                },
            },
            indent=1,
        )
    )
    print(f"figures written to {REPORT}", flush=True)

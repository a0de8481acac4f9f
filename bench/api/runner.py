"""Requests through the real ``/graphql/`` view: one at a time, then many users at once."""

import json
import multiprocessing
import random
import statistics
import threading
import time
from dataclasses import dataclass
from typing import Any

from .config import MIN_RUNS, MIX, SEED
from .operations import BenchError, Operation


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def _post(
    client: Any, operation: Operation, rng: random.Random
) -> tuple[float, float, dict[str, Any]]:
    """Send one request; return its time and CPU time in the view (ms), and the answer."""
    token, variables = operation.request(rng)
    body = json.dumps({"query": operation.query, "variables": variables})
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    cpu = time.thread_time()
    started = time.perf_counter()
    response = client.post("/graphql/", data=body, content_type="application/json", headers=headers)
    elapsed = (time.perf_counter() - started) * 1000
    cpu = (time.thread_time() - cpu) * 1000
    if response.status_code != 200:
        raise BenchError(
            f"{operation.name}: HTTP {response.status_code} {response.content[:300]!r}"
        )
    payload: dict[str, Any] = response.json()
    operation.check(payload)
    return elapsed, cpu, payload


def _request(client: Any, operation: Operation, rng: random.Random) -> tuple[float, float]:
    """Send one request and clean up after it; return its time and CPU time in the view (ms)."""
    elapsed, cpu, payload = _post(client, operation, rng)
    if operation.after is not None:
        operation.after(payload)
    return elapsed, cpu


@dataclass
class Figures:
    timings: list[float]
    cpu: list[float]
    """CPU time of the serving thread (Python, the driver), without the database's."""
    statements: list[int]
    slowest: tuple[float, str]
    """The slowest statement of the captured requests: (ms, SQL)."""
    slowest_read: tuple[float, str]
    """The slowest SELECT of the captured requests, which EXPLAIN ANALYZE may run again."""


def _data_statements(queries: list[dict[str, str]]) -> list[dict[str, str]]:
    from tests.query_counts import CONTROL_PREFIXES

    return [q for q in queries if not q["sql"].lstrip().upper().startswith(CONTROL_PREFIXES)]


def time_serial(
    operations: list[Operation], runs: int, warmup: int, seconds: float
) -> dict[str, Figures]:
    """Time each operation ``runs`` times, or for ``seconds`` (at least ``MIN_RUNS`` times)."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    rng = random.Random(SEED)  # noqa: S311  # repeatable choices, not a secret
    client = Client()
    figures = {}
    for operation in operations:
        statements = []
        slowest = slowest_read = (0.0, "")
        for _ in range(warmup):
            with CaptureQueriesContext(connection) as captured:
                _elapsed, _cpu, payload = _post(client, operation, rng)
            if operation.after is not None:
                operation.after(payload)
            data = _data_statements(captured.captured_queries)
            statements.append(len(data))
            for query in data:
                timed = (float(query["time"]) * 1000, query["sql"])
                slowest = max(slowest, timed)
                if query["sql"].lstrip().upper().startswith("SELECT"):
                    slowest_read = max(slowest_read, timed)
        timings: list[float] = []
        cpu: list[float] = []
        started = time.perf_counter()
        while len(timings) < runs and (
            len(timings) < MIN_RUNS or time.perf_counter() - started < seconds
        ):
            elapsed, used = _request(client, operation, rng)
            timings.append(elapsed)
            cpu.append(used)
        figures[operation.name] = Figures(timings, cpu, statements, slowest, slowest_read)
        print(
            f"  {operation.name}: p50 {statistics.median(timings):.1f} ms,"
            f" p95 {percentile(timings, 0.95):.1f} ms",
            flush=True,
        )
    return figures


def _users(
    operations: list[Operation], users: int, seconds: float, think_ms: float, seed: int
) -> list[tuple[str, float]]:
    """Run ``users`` threads for ``seconds``; return (operation, ms) of every request."""
    from django.db import connection
    from django.test import Client

    by_name = {operation.name: operation for operation in operations}
    names = [operation.name for operation in operations if operation.name in MIX]
    weights = [MIX[name] for name in names]
    results: list[tuple[str, float]] = []
    failures: list[str] = []
    lock = threading.Lock()
    deadline = time.perf_counter() + seconds

    def user(index: int) -> None:
        rng = random.Random(seed * 1000 + index)  # noqa: S311  # repeatable choices
        client = Client()
        mine = []
        try:
            time.sleep(rng.uniform(0, think_ms / 1000))
            while time.perf_counter() < deadline:
                name = rng.choices(names, weights=weights)[0]
                try:
                    elapsed, _cpu = _request(client, by_name[name], rng)
                except BenchError as exc:
                    failures.append(str(exc))
                    continue
                mine.append((name, elapsed))
                if think_ms:
                    time.sleep(rng.expovariate(1000 / think_ms))
        finally:
            connection.close()
            with lock:
                results.extend(mine)

    threads = [threading.Thread(target=user, args=(index,)) for index in range(users)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if failures:
        print(f"  {len(failures)} failed requests, first: {failures[0]}")
    return results


def _process_users(
    pipe: Any, operations: list[Operation], users: int, seconds: float, think_ms: float, seed: int
) -> None:
    pipe.send(_users(operations, users, seconds, think_ms, seed))
    pipe.close()


def time_concurrent(
    operations: list[Operation], users: int, processes: int, seconds: float, think_ms: float
) -> tuple[list[tuple[str, float]], float]:
    """Spread ``users`` over ``processes`` (threads in each); return every request and the time."""
    from django.db import connections

    started = time.perf_counter()
    if processes <= 1:
        return _users(operations, users, seconds, think_ms, 1), time.perf_counter() - started
    connections.close_all()
    context = multiprocessing.get_context("fork")
    pipes = []
    children = []
    for index in range(processes):
        receiver, sender = context.Pipe(duplex=False)
        share = users // processes + (1 if index < users % processes else 0)
        child = context.Process(
            target=_process_users,
            args=(sender, operations, share, seconds, think_ms, index + 1),
        )
        child.start()
        pipes.append(receiver)
        children.append(child)
    results: list[tuple[str, float]] = []
    for receiver in pipes:
        results.extend(receiver.recv())
    for child in children:
        child.join()
    return results, time.perf_counter() - started

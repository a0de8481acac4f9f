"""What the plugin's hooks add to Saleor's own mutations: server time and SQL statements.

A benchmark, not a test: it asserts no time. Its name does not match ``test_*.py``, so the
normal run never collects it; name it to run it (Saleor's environment, rootdir the repository)::

    pytest tests/saleor/bench_hook_overhead.py --ds=saleor.tests.settings -n 0 --reuse-db \
        -p no:cacheprovider -s -W ignore::DeprecationWarning

It lives under ``tests/saleor`` because only that tree gets Saleor's fixtures and database
setup from ``tests/conftest.py``.

Each scenario posts one mutation per call with ``post_graphql``, the plugin installed and
either inactive or active (``save_plugin_configuration``, as the Dashboard does), in one
process. Celery runs eagerly (Saleor's test settings, no broker) and ``SUPPORT_DESK["KICK"]``
keeps its default ``auto``, which skips the kick when Celery runs eagerly.

Per scenario, inactive then active: ``WARMUP`` untimed calls and ``CAPTURED`` calls whose SQL
is counted. Then ``SUPPORT_BENCH_ITERATIONS`` (default 300) timed calls per side, in blocks of
``SUPPORT_BENCH_BLOCK`` (default 25) that alternate the two sides (off, on, on, off, ...), so
that the slow drift of a long run (tables growing) falls on both equally; a full garbage
collection runs before each block, untimed, because one over Saleor's heap takes ~250 ms and
would otherwise land on whichever side happens to be running. A call's time is
``time.perf_counter`` around ``post_graphql``: the request and the on-commit callbacks it runs.
The time spent inside the plugin during that call (its hooks, and the kick after commit) is
measured too, as the "plugin" column: it is what the delta between the sides should be, without
their noise.

Each scenario runs in two database modes:

- ``rolled back``: pytest-django's test transaction. Saleor's on-commit hooks run inside it,
  so the plugin's INSERT sits in a savepoint and nothing is committed.
- ``committed``: ``transaction=True``. Every transaction commits, as in production; the hook
  runs after Saleor's commit and commits its INSERT on its own. pytest-django empties the
  database after each such test; the ``report`` fixture restores the serialized contents at the
  end, so the reused test database keeps its seeded rows.

"statements" counts every statement a call sends; "support_ on" those on the desk's tables;
"data statements added" the difference without transaction control (``BEGIN``, ``COMMIT``,
savepoints, ``SET LOCAL``). The table is printed and the figures go to
``/tmp/saleor-support-bench/hook_overhead.json``.
"""

import gc
import json
import logging
import os
import platform
import re
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any
from unittest.mock import patch

import graphene
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from saleor.checkout import calculations
from saleor.checkout.fetch import fetch_checkout_info, fetch_checkout_lines
from saleor.checkout.models import Checkout, CheckoutMetadata
from saleor.checkout.tests.utils import add_variant_to_checkout
from saleor.graphql.tests.utils import get_graphql_content
from saleor.order.models import Order, get_order_number
from saleor.payment.models import Payment
from saleor.plugins.manager import get_plugins_manager
from saleor.warehouse.models import Allocation, Stock

from saleor_support_plugin import PLUGIN_ID
from saleor_support_plugin.intake import kick
from saleor_support_plugin.intake.models import InboundEvent
from saleor_support_plugin.plugin import SupportPlugin

ITERATIONS = int(os.environ.get("SUPPORT_BENCH_ITERATIONS", "300"))
BLOCK = int(os.environ.get("SUPPORT_BENCH_BLOCK", "25"))
WARMUP = 20
CAPTURED = 5
CALLS_PER_SIDE = WARMUP + CAPTURED + ITERATIONS
OUTPUT = Path(tempfile.gettempdir()) / "saleor-support-bench" / "hook_overhead.json"
STOCK = 10**6
"""Stock of the benchmark's variants: enough that no call sells out or comes back in stock."""

DESK_TABLE = re.compile(r'"?\bsupport_(inbound_event|order_scan_cursor|intake_watermark|ticket)')
TRANSACTION_CONTROL = re.compile(
    r"^\s*(BEGIN|COMMIT|ROLLBACK|SAVEPOINT|RELEASE SAVEPOINT|SET LOCAL)\b", re.IGNORECASE
)

ORDER_CANCEL = """
mutation Cancel($id: ID!) {
  orderCancel(id: $id) { order { status } errors { field code message } }
}
"""
ORDER_UPDATE = """
mutation Update($id: ID!, $input: OrderUpdateInput!) {
  orderUpdate(id: $id, input: $input) { order { status } errors { field code message } }
}
"""
CHECKOUT_COMPLETE = """
mutation Complete($id: ID) {
  checkoutComplete(id: $id) { order { status } errors { field code message } }
}
"""

ROLLED_BACK = "rolled back"
COMMITTED = "committed"
MODES = [
    pytest.param(ROLLED_BACK, marks=pytest.mark.django_db, id="rolled-back"),
    pytest.param(
        COMMITTED,
        marks=pytest.mark.django_db(transaction=True, serialized_rollback=True),
        id="committed",
    ),
]


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


@dataclass
class Statements:
    """SQL of one call: all statements, those on the desk's tables, transaction control."""

    total: int
    desk: int
    control: int

    @property
    def data(self) -> int:
        return self.total - self.control


@dataclass
class Side:
    """The calls of one side (plugin inactive or active) of a scenario."""

    timings_ms: list[float] = field(default_factory=list)
    hook_ms: list[float] = field(default_factory=list)
    statements: list[Statements] = field(default_factory=list)
    inbound_events: int = 0
    calls: int = 0

    def summary(self) -> dict[str, Any]:
        return {
            "timed_calls": len(self.timings_ms),
            "p50_ms": round(statistics.median(self.timings_ms), 3),
            "p95_ms": round(_percentile(self.timings_ms, 0.95), 3),
            "p99_ms": round(_percentile(self.timings_ms, 0.99), 3),
            "mean_ms": round(statistics.fmean(self.timings_ms), 3),
            "hook_p50_ms": round(statistics.median(self.hook_ms), 3),
            "hook_p95_ms": round(_percentile(self.hook_ms, 0.95), 3),
            "statements": [asdict(s) | {"data": s.data} for s in self.statements],
            "calls": self.calls,
            "inbound_events_recorded": self.inbound_events,
        }


@dataclass
class Scenario:
    name: str
    mode: str
    triggering: bool
    off: Side
    on: Side

    def summary(self) -> dict[str, Any]:
        off, on = self.off.summary(), self.on.summary()
        delta = on["p95_ms"] - off["p95_ms"]
        return {
            "scenario": self.name,
            "mode": self.mode,
            "triggering": self.triggering,
            "off": off,
            "on": on,
            "delta_p50_ms": round(on["p50_ms"] - off["p50_ms"], 3),
            "delta_p95_ms": round(delta, 3),
            "delta_p95_percent": round(100 * delta / off["p95_ms"], 2),
            "statements_added": _added(self.off, self.on, "total"),
            "data_statements_added": _added(self.off, self.on, "data"),
            "desk_statements_on": sorted({s.desk for s in self.on.statements}),
        }


def _added(off: Side, on: Side, kind: str) -> list[int]:
    """Statements the active plugin adds per call (a set: a steady mutation gives one value)."""
    return sorted(
        {
            getattr(b, kind) - getattr(a, kind)
            for a, b in zip(off.statements, on.statements, strict=True)
        }
    )


def _statements(queries: CaptureQueriesContext) -> Statements:
    sql = [q["sql"] for q in queries.captured_queries]
    return Statements(
        total=len(sql),
        desk=sum(1 for s in sql if DESK_TABLE.search(s)),
        control=sum(1 for s in sql if TRANSACTION_CONTROL.match(s)),
    )


def _set_active(active: bool) -> None:
    configuration = get_plugins_manager(allow_replica=False).save_plugin_configuration(
        PLUGIN_ID, None, {"active": active}
    )
    assert configuration is not None
    assert configuration.active is active


class HookTimer:
    """Time spent in the plugin during one call: its hooks and the kicks after commit."""

    ms = 0.0

    @classmethod
    def _timed(cls, function: Callable[..., Any]) -> Callable[..., Any]:
        def timed(*args: Any, **kwargs: Any) -> Any:
            started = time.perf_counter()
            try:
                return function(*args, **kwargs)
            finally:
                cls.ms += (time.perf_counter() - started) * 1000

        return timed

    @classmethod
    @contextmanager
    def installed(cls) -> Iterator[None]:
        with (
            patch.object(SupportPlugin, "_record", cls._timed(SupportPlugin._record)),
            patch.object(kick, "kick", cls._timed(kick.kick)),
        ):
            yield


def _compare(call: Callable[[bool, int], Any], check: Callable[[Any], None]) -> tuple[Side, Side]:
    """Run the calls of both sides; ``call(active, i)`` posts that side's i-th call."""
    sides = {False: Side(), True: Side()}

    def run(active: bool, count: int, *, timed: bool = False, captured: bool = False) -> None:
        side = sides[active]
        _set_active(active)
        recorded = InboundEvent.objects.count()
        for _ in range(count):
            index = side.calls
            side.calls += 1
            if captured:
                with CaptureQueriesContext(connection) as queries:
                    response = call(active, index)
                side.statements.append(_statements(queries))
            elif timed:
                HookTimer.ms = 0.0
                started = time.perf_counter()
                response = call(active, index)
                side.timings_ms.append((time.perf_counter() - started) * 1000)
                side.hook_ms.append(HookTimer.ms)
            else:
                response = call(active, index)
            check(response)
        side.inbound_events += InboundEvent.objects.count() - recorded

    with HookTimer.installed():
        for active in (False, True):
            run(active, WARMUP)
            run(active, CAPTURED, captured=True)
        done = 0
        first = False
        while done < ITERATIONS:
            size = min(BLOCK, ITERATIONS - done)
            for active in (first, not first):
                gc.collect()
                run(active, size, timed=True)
            first = not first
            done += size
    return sides[False], sides[True]


def _no_errors(mutation: str) -> Callable[[Any], None]:
    def check(response: Any) -> None:
        data = get_graphql_content(response)["data"][mutation]
        assert data["errors"] == [], data["errors"]

    return check


def _gid(kind: str, pk: Any) -> str:
    return graphene.Node.to_global_id(kind, pk)


SCENARIOS: list[Scenario] = []
"""Every scenario measured in this session, in the order measured."""
FLUSHED = {"pending": False}
"""Whether a committed scenario's teardown emptied the database since the last restore."""


@pytest.fixture(scope="module", autouse=True)
def report(django_db_blocker: Any) -> Iterator[list[Scenario]]:
    """Collect the scenarios; afterwards print and write them, and restore the database.

    pytest-django empties the database after each ``transaction=True`` test and restores the
    serialized data only when the next such test starts, so the last one leaves the reused
    test database empty. Restoring it here keeps Saleor's and the desk's seeded rows.
    """
    yield SCENARIOS
    if FLUSHED["pending"]:
        contents = getattr(connection, "_test_serialized_contents", None)
        if contents:
            with django_db_blocker.unblock():
                connection.creation.deserialize_db_from_string(contents)
        FLUSHED["pending"] = False
    if not SCENARIOS:
        return
    rows = [s.summary() for s in SCENARIOS]
    OUTPUT.parent.mkdir(parents=True, exist_ok=True)
    OUTPUT.write_text(
        json.dumps(
            {
                "saleor": _saleor_version(),
                "python": platform.python_version(),
                "timed_calls_per_side": ITERATIONS,
                "block": BLOCK,
                "warmup": WARMUP,
                "captured": CAPTURED,
                "scenarios": rows,
            },
            indent=2,
        )
    )
    sys.stdout.write(f"\n{_table(rows)}\nfigures: {OUTPUT}\n")


@pytest.fixture
def mode(request: pytest.FixtureRequest) -> str:
    """The database mode of this run (``MODES``); marks a committed one for the restore."""
    value = str(request.param)
    if value == COMMITTED:
        FLUSHED["pending"] = True
    return value


def _saleor_version() -> str:
    import saleor

    return str(getattr(saleor, "__version__", "unknown"))


def _table(rows: list[dict[str, Any]]) -> str:
    header = (
        "| scenario | database | p50 off | p95 off | p50 on | p95 on | Δ p95 | Δ p95 % "
        "| plugin p50 / p95 | statements off / on | support_ on | data statements added |"
    )
    lines = [header, "|" + "---|" * (header.count(" | ") + 1)]
    for r in rows:
        off, on = r["off"], r["on"]
        lines.append(
            f"| {r['scenario']} | {r['mode']}"
            f" | {off['p50_ms']:.2f} ms | {off['p95_ms']:.2f} ms"
            f" | {on['p50_ms']:.2f} ms | {on['p95_ms']:.2f} ms"
            f" | {r['delta_p95_ms']:+.2f} ms | {r['delta_p95_percent']:+.1f} %"
            f" | {on['hook_p50_ms']:.2f} / {on['hook_p95_ms']:.2f} ms"
            f" | {_counts(off)} / {_counts(on)}"
            f" | {_join(r['desk_statements_on'])} | {_join(r['data_statements_added'], '+')} |"
        )
    return "\n".join(lines)


def _counts(side: dict[str, Any]) -> str:
    return _join(sorted({s["total"] for s in side["statements"]}))


def _join(values: list[int], sign: str = "") -> str:
    return "–".join(f"{sign}{v}" if sign and v >= 0 else str(v) for v in values)


@pytest.fixture(autouse=True)
def _quiet_tax_warnings() -> Iterator[None]:
    """Silence Saleor's per-call warning about the test channel's missing tax app, both sides."""
    logger = logging.getLogger("saleor.tax.webhooks.shared")
    level = logger.level
    logger.setLevel(logging.ERROR)
    yield
    logger.setLevel(level)


@pytest.fixture
def manage_orders(staff_api_client: Any, permission_group_manage_orders: Any) -> Any:
    permission_group_manage_orders.user_set.add(staff_api_client.user)
    return staff_api_client


@pytest.fixture
def order_copies(order_with_lines: Any) -> Callable[[int], list[Any]]:
    """Return a factory of unfulfilled orders like ``order_with_lines``, with their allocations.

    The variants' stock is raised so that no cancellation brings a variant back in stock.
    """
    template = order_with_lines
    lines = list(template.lines.order_by("pk"))
    allocations = {a.order_line_id: a for a in Allocation.objects.filter(order_line__in=lines)}
    Stock.objects.filter(pk__in=[a.stock_id for a in allocations.values()]).update(quantity=STOCK)

    def make(count: int) -> list[Any]:
        orders, new_allocations = [], []
        for _ in range(count):
            order = Order.objects.get(pk=template.pk)
            order.pk = None
            order._state.adding = True
            order.number = get_order_number()
            order.external_reference = None
            order.save()
            orders.append(order)
            for line in lines:
                copy = type(line).objects.get(pk=line.pk)
                copy.pk = None
                copy._state.adding = True
                copy.order = order
                copy.save()
                allocation = allocations[line.pk]
                new_allocations.append(
                    Allocation(
                        order_line=copy,
                        stock_id=allocation.stock_id,
                        quantity_allocated=allocation.quantity_allocated,
                    )
                )
        Allocation.objects.bulk_create(new_allocations)
        for stock in Stock.objects.filter(pk__in={a.stock_id for a in new_allocations}):
            stock.quantity_allocated += sum(
                a.quantity_allocated for a in new_allocations if a.stock_id == stock.pk
            )
            stock.save(update_fields=["quantity_allocated"])
        return orders

    return make


@pytest.fixture
def ready_checkouts(
    checkout_ready_to_complete: Any, checkout_delivery: Any, settings: Any
) -> Callable[[int], list[Any]]:
    """Return a factory of checkouts like ``checkout_ready_to_complete``, paid in full (dummy)."""
    template = checkout_ready_to_complete
    manager = get_plugins_manager(allow_replica=False)
    line = template.lines.get()
    variant = line.variant
    Stock.objects.filter(product_variant=variant).update(quantity=STOCK)

    def make(count: int) -> list[Any]:
        checkouts = []
        for _ in range(count):
            checkout = Checkout.objects.create(
                currency=template.currency,
                channel=template.channel,
                price_expiration=timezone.now() + settings.CHECKOUT_PRICES_TTL,
                email=template.email,
            )
            checkout.set_country("US", commit=True)
            CheckoutMetadata.objects.create(
                checkout=checkout,
                metadata={"accepted": "true"},
                private_metadata={"accepted": "false"},
            )
            info = fetch_checkout_info(checkout, [], manager)
            add_variant_to_checkout(info, variant, line.quantity)
            checkout.shipping_address = template.shipping_address.get_copy()
            checkout.billing_address = template.billing_address.get_copy()
            checkout.assigned_delivery = checkout_delivery(checkout)
            checkout.save()
            lines_info, _ = fetch_checkout_lines(checkout)
            info = fetch_checkout_info(checkout, lines_info, manager)
            total = calculations.calculate_checkout_total_with_gift_cards(manager, info, lines_info)
            Payment.objects.create(
                gateway="mirumee.payments.dummy",
                checkout=checkout,
                is_active=True,
                total=total.gross.amount,
                currency=total.gross.currency,
                billing_email=checkout.email,
            )
            checkouts.append(checkout)
        return checkouts

    return make


@pytest.mark.parametrize("mode", MODES, indirect=True)
def test_order_cancel(mode, report, manage_orders, order_copies, support_plugin_installed):
    orders = {False: order_copies(CALLS_PER_SIDE), True: order_copies(CALLS_PER_SIDE)}

    off, on = _compare(
        lambda active, i: manage_orders.post_graphql(
            ORDER_CANCEL, {"id": _gid("Order", orders[active][i].pk)}
        ),
        _no_errors("orderCancel"),
    )

    report.append(Scenario("orderCancel, a fresh order each call", mode, True, off, on))
    assert off.inbound_events == 0
    assert on.inbound_events == CALLS_PER_SIDE


@pytest.mark.parametrize("mode", MODES, indirect=True)
def test_order_update(mode, report, manage_orders, order_copies, support_plugin_installed):
    orders = {False: order_copies(CALLS_PER_SIDE), True: order_copies(CALLS_PER_SIDE)}

    off, on = _compare(
        lambda active, i: manage_orders.post_graphql(
            ORDER_UPDATE,
            {
                "id": _gid("Order", orders[active][i].pk),
                "input": {"externalReference": f"bench-{active:d}-{i}"},
            },
        ),
        _no_errors("orderUpdate"),
    )

    report.append(Scenario("orderUpdate, an unfulfilled order", mode, False, off, on))
    assert off.inbound_events == on.inbound_events == 0


@pytest.mark.parametrize("mode", MODES, indirect=True)
def test_checkout_complete(
    mode, report, user_api_client, ready_checkouts, support_plugin_installed
):
    checkouts = {False: ready_checkouts(CALLS_PER_SIDE), True: ready_checkouts(CALLS_PER_SIDE)}

    off, on = _compare(
        lambda active, i: user_api_client.post_graphql(
            CHECKOUT_COMPLETE, {"id": _gid("Checkout", checkouts[active][i].pk)}
        ),
        _no_errors("checkoutComplete"),
    )

    report.append(Scenario("checkoutComplete without a note", mode, False, off, on))
    assert off.inbound_events == on.inbound_events == 0

"""Search figures on this machine: one ranked page of ``supportTickets(search:)`` by kind of query.

Run: .venv/bin/python -m bench.search [--tickets 5000] [--repeat 30]

Opens the tickets (two messages each) through the ticket actions in a scratch database on
the sandbox's PostgreSQL (``DATABASE_URL`` or the embedded server), created and dropped by
the run, then times the statement that fetches one page of 50, as the resolver builds it.
"""

import argparse
import os
import random
import statistics
import time
import uuid
from typing import Any

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.settings")

WORDS = [
    "colet", "livrare", "factură", "greşită", "rambursare", "întârziată", "mulţumesc",
    "paczka", "zwrot", "zaginęła", "reklamacja", "rozmiar", "kurtka",
    "سفارش", "ارسال", "پیگیری", "کالا", "بازگشت",
    "parcel", "refund", "broken", "kettle", "delivery", "invoice", "size", "colour",
]  # fmt: skip
QUERIES = {
    "common word": "parcel",
    "rare word": "zzxqv",
    "two words": "kettle broken",
    "phrase": '"refund kettle"',
    "or + minus": "paczka or colet -zwrot",
    "no diacritics": "gresita",
    "persian forms": "كالا",
    "order fragment": "0423",
    "e-mail fragment": "buyer123@",
}


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def _text(rng: random.Random, words: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(words))


def _populate(tickets: int) -> list[float]:
    """Open the tickets; return the time of each ``add_message`` (ms)."""
    from saleor_support_plugin.tickets import MessageAuthorType, TicketChannel
    from saleor_support_plugin.tickets.actions import (
        CustomerInfo,
        OrderInfo,
        add_message,
        category_by_slug,
        open_ticket,
    )
    from saleor_support_plugin.tickets.actors import Actor

    rng = random.Random(7)  # noqa: S311  # repeatable made-up text, not a secret
    category = category_by_slug("other")
    writes = []
    for index in range(tickets):
        number = str(10000 + index)
        ticket = open_ticket(
            subject=_text(rng, 4),
            category=category,
            channel=TicketChannel.EMAIL,
            actor=Actor.system(),
            customer=CustomerInfo(email=f"buyer{index}@example.com", name=_text(rng, 2)),
            order=OrderInfo(
                order_id=uuid.uuid4(),
                number=number,
                channel="default",
                snapshot={"lines": [{"sku": f"SKU-{index % 97}", "product_name": "Kettle"}]},
            ),
        )
        for _ in range(2):
            started = time.perf_counter()
            add_message(
                ticket,
                author_type=MessageAuthorType.CUSTOMER,
                actor=Actor.system(),
                body=_text(rng, 30),
                plain_text=True,
            )
            writes.append((time.perf_counter() - started) * 1000)
    return writes


def _time_queries(repeat: int) -> dict[str, dict[str, Any]]:
    from saleor_support_plugin.graphql.core.connections import keyset_page
    from saleor_support_plugin.graphql.tickets.search import relevance_ordering
    from saleor_support_plugin.search.queries import matching_tickets, search_tickets
    from saleor_support_plugin.tickets.models import Ticket

    figures = {}
    for kind, text in QUERIES.items():
        ordering = relevance_ordering(text)
        timings = []
        for _ in range(repeat):
            started = time.perf_counter()
            rows, _more = keyset_page(
                search_tickets(Ticket.objects.all(), text), ordering, first=50, after=None
            )
            timings.append((time.perf_counter() - started) * 1000)
        figures[kind] = {
            "matches": matching_tickets(Ticket.objects.all(), text).count(),
            "page": len(rows),
            "p50_ms": statistics.median(timings),
            "p95_ms": _percentile(timings, 0.95),
        }
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--tickets", type=int, default=5000)
    parser.add_argument("--repeat", type=int, default=30)
    args = parser.parse_args()

    import django
    from django.db import connection
    from django.test.utils import get_runner, setup_test_environment

    django.setup()
    from django.conf import settings

    test_database = settings.DATABASES["default"]["TEST"]
    assert isinstance(test_database, dict)
    test_database["NAME"] = "support_bench_search"
    setup_test_environment()
    runner = get_runner(settings)(verbosity=0, interactive=False)
    old = runner.setup_databases()
    try:
        writes = _populate(args.tickets)
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE support_ticket, support_ticket_message")
        figures = _time_queries(args.repeat)
    finally:
        runner.teardown_databases(old)
    print(
        f"{args.tickets} tickets, {len(writes)} messages; add_message p50"
        f" {statistics.median(writes):.2f} ms, p99 {_percentile(writes, 0.99):.2f} ms"
    )
    print(f"{'query':<16} {'matches':>7} {'page':>4} {'p50 ms':>7} {'p95 ms':>7}")
    for kind, row in figures.items():
        print(
            f"{kind:<16} {row['matches']:>7} {row['page']:>4}"
            f" {row['p50_ms']:>7.2f} {row['p95_ms']:>7.2f}"
        )


if __name__ == "__main__":
    main()

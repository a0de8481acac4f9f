"""Where the benchmark reads and writes, the desk's size, and the budgets it is held to."""

import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
STOREFRONT = ROOT / "graphql" / "storefront"
DASHBOARD = ROOT / "graphql" / "dashboard"
DATABASE_PREFIX = "support_bench_api_"
"""The scratch database of a desk of N tickets is ``support_bench_api_<N>``."""
SEED = 7
HISTORY_DAYS = 730
"""Tickets are spread evenly over the last two years."""
CHUNK = 5000
"""Tickets written per round of COPY statements."""
LONG_THREADS = 20
"""Tickets with 50 public messages (and internal notes), for the ticket pages."""
LONG_THREAD_PUBLIC = 50
LONG_THREAD_NOTES = 12
BRANDS = 5000
"""Made-up product brands: each is a selective search term (a few tickets per 10,000)."""
COMMON_TERM = "order"
"""In most English messages and subjects: a common search term."""
SELECTIVE_TERMS = 20
MIN_RUNS = 20
"""Timed requests per operation however long they take."""
REPORT = Path(tempfile.gettempdir()) / "saleor-support-bench" / "api.json"
"""The figures as JSON, beside the other benchmarks' reports."""

# The budgets of RELIABILITY.md section 6: p95 server time (ms) and statements per request.
BUDGET_MS = {
    "customer supportTickets(first: 20)": 150,
    "customer supportTicket(id), 50 messages": 150,
    "anonymous supportTicketCreate": 250,
    "agent queue supportTickets(first: 50)": 250,
    "agent queue by SLA due (first: 50)": 250,
    "supportTicketTakeNext": 50,
    "supportTicketReply": 200,
    "search, selective term": 150,
    "search, common term": 500,
    "agent supportTicket(id), 50 messages": None,
}
BUDGET_STATEMENTS = {
    "customer supportTickets(first: 20)": 6,
    "customer supportTicket(id), 50 messages": 8,
    "agent queue supportTickets(first: 50)": 10,
    "agent queue by SLA due (first: 50)": 10,
}
MIX = {
    "customer supportTickets(first: 20)": 25,
    "customer supportTicket(id), 50 messages": 20,
    "anonymous supportTicketCreate": 5,
    "agent queue supportTickets(first: 50)": 10,
    "agent queue by SLA due (first: 50)": 5,
    "supportTicketTakeNext": 5,
    "supportTicketReply": 10,
    "search, selective term": 8,
    "search, common term": 2,
    "agent supportTicket(id), 50 messages": 10,
}
"""Share of each operation in the concurrent users' requests."""

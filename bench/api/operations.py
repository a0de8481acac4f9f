"""The storefront's and dashboard's example operations, with whom and what they run."""

import json
import random
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from .config import (
    COMMON_TERM,
    DASHBOARD,
    LONG_THREAD_PUBLIC,
    SELECTIVE_TERMS,
    STOREFRONT,
)
from .people import COURIERS, ENGLISH, ITEMS, pick_language


@dataclass(frozen=True)
class Desk:
    """Who and what the operations are run with, read back from the seeded database."""

    tickets: int
    messages: int
    notes: int
    events: int
    accounts: int
    guest_tickets: int
    database_bytes: int
    survey_answers: int
    agents: list[str]
    """Tokens of the L1 agents, whose queue the dashboard shows."""
    customers: list[tuple[str, int]]
    """Tokens of the customers with the most tickets, and how many they have."""
    long_threads: list[tuple[str, str]]
    """(customer token, ticket id) of the 50-message tickets."""
    reply_to: list[str]
    """Active tickets, by global id."""
    selective_terms: list[tuple[str, int]]
    common_terms: list[tuple[str, int]]
    queue: int
    """Unassigned NEW and OPEN tickets of L1."""


def read_desk() -> Desk:
    from django.contrib.auth import get_user_model
    from django.db import connection

    from saleor_support_plugin.agents.models import AgentProfile, Team
    from saleor_support_plugin.graphql.core.ids import to_global_id
    from saleor_support_plugin.host.standalone import issue_sandbox_token
    from saleor_support_plugin.search.queries import matching_tickets
    from saleor_support_plugin.tickets.models import Ticket

    users = get_user_model().objects

    def scalar(sql: str) -> int:
        with connection.cursor() as cursor:
            cursor.execute(sql)
            return int(cursor.fetchone()[0])

    def rows(sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            return list(cursor.fetchall())

    agents = users.filter(
        username__startswith="bench-agent",
        pk__in=AgentProfile.objects.filter(role="agent", tier=1).values("user_id"),
    ).order_by("pk")
    heavy = rows(
        "SELECT customer_user_id, count(*) FROM support_ticket WHERE customer_user_id IS NOT NULL"
        " GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 50"
    )
    owners = {user.pk: user for user in users.filter(pk__in=[row[0] for row in heavy])}
    long_rows = rows(
        "SELECT t.id, t.customer_user_id FROM support_ticket t WHERE t.id IN ("
        " SELECT ticket_id FROM support_ticket_message WHERE NOT is_internal"
        " GROUP BY ticket_id HAVING count(*) >= %s)"
        " AND t.customer_user_id IS NOT NULL ORDER BY t.id",
        [LONG_THREAD_PUBLIC],
    )
    thread_owners = {user.pk: user for user in users.filter(pk__in=[r[1] for r in long_rows])}
    reply_to = rows(
        "SELECT id FROM support_ticket WHERE status IN ('open', 'pending')"
        " AND assignee_id IS NOT NULL ORDER BY id DESC LIMIT 2000"
    )
    brands = sorted(
        {
            row[0]
            for row in rows(
                "SELECT split_part(order_snapshot->'lines'->0->>'product_name', ' ', 1)"
                " FROM support_ticket WHERE order_snapshot IS NOT NULL"
                " ORDER BY md5(id::text) LIMIT %s",
                [SELECTIVE_TERMS],
            )
        }
    )
    l1 = Team.objects.order_by("position", "pk").first()
    return Desk(
        tickets=scalar("SELECT count(*) FROM support_ticket"),
        messages=scalar("SELECT count(*) FROM support_ticket_message"),
        notes=scalar("SELECT count(*) FROM support_ticket_message WHERE is_internal"),
        events=scalar("SELECT count(*) FROM support_ticket_event"),
        accounts=scalar(
            "SELECT count(DISTINCT customer_user_id) FROM support_ticket"
            " WHERE customer_user_id IS NOT NULL"
        ),
        guest_tickets=scalar("SELECT count(*) FROM support_ticket WHERE customer_user_id IS NULL"),
        database_bytes=scalar("SELECT pg_database_size(current_database())"),
        survey_answers=scalar("SELECT count(*) FROM support_survey_answer"),
        agents=[issue_sandbox_token(agent) for agent in agents],
        customers=[(issue_sandbox_token(owners[pk]), count) for pk, count in heavy],
        long_threads=[
            (issue_sandbox_token(thread_owners[owner]), to_global_id("SupportTicket", pk))
            for pk, owner in long_rows
        ],
        reply_to=[to_global_id("SupportTicket", row[0]) for row in reply_to],
        selective_terms=[
            (term, matching_tickets(Ticket.objects.all(), term).count()) for term in brands
        ],
        common_terms=[(COMMON_TERM, matching_tickets(Ticket.objects.all(), COMMON_TERM).count())],
        queue=Ticket.objects.filter(
            team=l1, assignee__isnull=True, status__in=["new", "open"]
        ).count(),
    )


class BenchError(Exception):
    pass


@dataclass(frozen=True)
class Operation:
    name: str
    query: str
    request: Callable[[random.Random], tuple[str | None, dict[str, Any]]]
    """Return the bearer token and the variables of one request."""
    check: Callable[[dict[str, Any]], None]
    """Raise ``BenchError`` unless the answer is what the operation is for."""
    after: Callable[[dict[str, Any]], None] | None = None
    """Untimed clean-up after a request."""


def need(condition: bool, what: str, payload: dict[str, Any]) -> None:
    if not condition:
        raise BenchError(f"{what}: {json.dumps(payload)[:600]}")


def build_operations(desk: Desk) -> list[Operation]:
    from saleor_support_plugin.graphql.core.ids import pk_from_global_id
    from saleor_support_plugin.tickets.models import Ticket

    queue = (DASHBOARD / "ticket_queue.graphql").read_text()
    search = (DASHBOARD / "ticket_search.graphql").read_text()
    selective = [term for term, _count in desk.selective_terms]

    def data(payload: dict[str, Any]) -> dict[str, Any]:
        need(not payload.get("errors") and payload.get("data") is not None, "errors", payload)
        result: dict[str, Any] = payload["data"]
        return result

    def my_tickets(payload: dict[str, Any]) -> None:
        edges = data(payload)["supportTickets"]["edges"]
        need(len(edges) > 0, "an empty page", payload)

    def thread(payload: dict[str, Any]) -> None:
        ticket = data(payload)["supportTicket"]
        need(ticket is not None, "no ticket", payload)
        need(len(ticket["messages"]["edges"]) == LONG_THREAD_PUBLIC, "not 50 messages", payload)

    def mutation(name: str) -> Callable[[dict[str, Any]], None]:
        def check(payload: dict[str, Any]) -> None:
            result = data(payload)[name]
            need(not result["errors"], "mutation errors", payload)
            need(result["ticket"] is not None, "no ticket", payload)

        return check

    def give_back(payload: dict[str, Any]) -> None:
        """Put the taken ticket back in the queue, so every run takes from the same queue."""
        taken = pk_from_global_id(
            payload["data"]["supportTicketTakeNext"]["ticket"]["id"], "SupportTicket"
        )
        Ticket.objects.filter(pk=taken or 0).update(assignee=None)

    def page(payload: dict[str, Any]) -> None:
        need(len(data(payload)["supportTickets"]["edges"]) > 0, "an empty page", payload)

    def searched(payload: dict[str, Any]) -> None:
        found = data(payload)
        edges = found["supportTickets"]["edges"]
        need(len(edges) > 0, "nothing found", payload)
        need(all(edge["searchHighlight"] for edge in edges), "no highlight", payload)
        need(found["unassigned"]["totalCount"] is not None, "no view count", payload)

    def guest(rng: random.Random) -> tuple[str | None, dict[str, Any]]:
        language = pick_language(rng)
        _category, _subject, text = rng.choice(language.openings_without_order)
        return None, {
            "email": f"guest.{uuid.UUID(int=rng.getrandbits(128))}@example.net",
            "name": f"{rng.choice(language.first_names)} {rng.choice(language.last_names)}",
            "message": text.format(product=rng.choice(ITEMS)),
            "languageCode": language.code,
        }

    def own_thread(rng: random.Random) -> tuple[str | None, dict[str, Any]]:
        token, ticket_id = rng.choice(desk.long_threads)
        return token, {"id": ticket_id}

    def reply(rng: random.Random) -> tuple[str | None, dict[str, Any]]:
        template = rng.choice(ENGLISH.replies)
        body = template.format(
            name="there",
            number=rng.randint(20000, 99999),
            courier=rng.choice(COURIERS),
            days=rng.randint(2, 9),
            product="parcel",
        )
        return rng.choice(desk.agents), {
            "id": rng.choice(desk.reply_to),
            "body": body,
            "isInternal": rng.random() < 0.2,
        }

    return [
        Operation(
            "customer supportTickets(first: 20)",
            (STOREFRONT / "my_tickets.graphql").read_text(),
            lambda rng: (rng.choice(desk.customers)[0], {"first": 20}),
            my_tickets,
        ),
        Operation(
            "customer supportTicket(id), 50 messages",
            (STOREFRONT / "ticket.graphql").read_text(),
            own_thread,
            thread,
        ),
        Operation(
            "anonymous supportTicketCreate",
            (STOREFRONT / "ticket_create_guest.graphql").read_text(),
            guest,
            mutation("supportTicketCreate"),
        ),
        Operation(
            "agent queue supportTickets(first: 50)",
            queue,
            lambda rng: (rng.choice(desk.agents), {"first": 50}),
            page,
        ),
        Operation(
            "agent queue by SLA due (first: 50)",
            (DASHBOARD / "ticket_queue_sla.graphql").read_text(),
            lambda rng: (
                rng.choice(desk.agents),
                {"first": 50, "filter": {"status": ["NEW", "OPEN", "PENDING", "ON_HOLD"]}},
            ),
            page,
        ),
        Operation(
            "supportTicketTakeNext",
            (DASHBOARD / "ticket_take_next.graphql").read_text(),
            lambda rng: (rng.choice(desk.agents), {}),
            mutation("supportTicketTakeNext"),
            give_back,
        ),
        Operation(
            "supportTicketReply",
            (DASHBOARD / "ticket_reply.graphql").read_text(),
            reply,
            mutation("supportTicketReply"),
        ),
        Operation(
            "search, selective term",
            search,
            lambda rng: (rng.choice(desk.agents), {"search": rng.choice(selective)}),
            searched,
        ),
        Operation(
            "search, common term",
            search,
            lambda rng: (rng.choice(desk.agents), {"search": rng.choice(desk.common_terms)[0]}),
            searched,
        ),
        Operation(
            "agent supportTicket(id), 50 messages",
            (DASHBOARD / "ticket_detail.graphql").read_text(),
            lambda rng: (rng.choice(desk.agents), {"id": rng.choice(desk.long_threads)[1]}),
            thread,
        ),
    ]

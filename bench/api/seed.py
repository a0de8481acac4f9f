"""The scratch desk: agents and teams, customers, tickets; indexes, SLA clocks, statistics."""

import random
import time
from datetime import datetime, timedelta
from typing import Any

from .config import CHUNK, DATABASE_PREFIX, HISTORY_DAYS, LONG_THREADS, SEED
from .copying import CopyTable, next_id, reset_sequences, without_secondary_indexes
from .people import AGENTS, LANGUAGES, ascii_name, catalog, pick_language
from .writer import Customer, DeskWriter, Staff


def _create_staff() -> Staff:
    """Create the agents (staff users) with profiles in the starter teams (L1, L2, L3)."""
    from django.contrib.auth import get_user_model

    from saleor_support_plugin.agents.models import TeamMembership
    from saleor_support_plugin.agents.starter import StarterAgent, create_starter_teams

    user_model = get_user_model()
    starters = []
    number = 0
    for role, tier, languages, how_many in AGENTS:
        for _ in range(how_many):
            number += 1
            language = LANGUAGES[number % len(LANGUAGES)]
            user = user_model.objects.create_user(
                username=f"bench-agent{number}",
                email=f"agent{number}@desk.example.com",
                first_name=language.first_names[number % len(language.first_names)],
                last_name=language.last_names[number % len(language.last_names)],
                is_staff=True,
            )
            starters.append(StarterAgent(user.pk, role, tier, languages))
    teams = create_starter_teams(starters)
    members: dict[int, list[int]] = {team.pk: [] for team in teams}
    for team_id, user_id in TeamMembership.objects.values_list("team_id", "agent__user_id"):
        members[team_id].append(user_id)
    return Staff(teams=[team.pk for team in teams], members=members)


def _copy_customers(rng: random.Random, count: int, now: datetime) -> list[Customer]:
    from django.contrib.auth import get_user_model
    from django.contrib.auth.hashers import make_password

    user_model = get_user_model()
    table = CopyTable(user_model)
    first_id = next_id(user_model)
    password = make_password(None)
    customers = []
    for index in range(count):
        language = pick_language(rng)
        first, last = rng.choice(language.first_names), rng.choice(language.last_names)
        email = (
            f"{ascii_name(first, language)}.{ascii_name(last, language)}{index}@{language.domain}"
        )
        email = email.replace(" ", "")
        user_id = first_id + index
        table.add(
            {
                "id": user_id,
                "password": password,
                "username": f"customer{index}",
                "first_name": first,
                "last_name": last,
                "email": email,
                "is_staff": False,
                "is_active": True,
                "is_superuser": False,
                "date_joined": now - timedelta(days=HISTORY_DAYS + rng.uniform(0, 300)),
            }
        )
        customers.append(Customer(user_id, email, first, last, language))
        if len(table.rows) >= CHUNK:
            table.flush()
    table.flush()
    return customers


def seed(tickets: int) -> dict[str, float]:
    """Write the desk; return how long each step took (s)."""
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.utils import timezone

    from saleor_support_plugin.sla.sync import sync_tickets_by_ids
    from saleor_support_plugin.surveys.models import SurveyAnswer
    from saleor_support_plugin.tickets.models import (
        Ticket,
        TicketAccessToken,
        TicketCategory,
        TicketEvent,
        TicketMessage,
    )

    rng = random.Random(SEED)  # noqa: S311  # repeatable made-up data, not a secret
    now = timezone.now()
    steps: dict[str, float] = {}
    started = time.perf_counter()
    staff = _create_staff()
    models: list[Any] = [
        get_user_model(),
        Ticket,
        TicketMessage,
        TicketEvent,
        TicketAccessToken,
        SurveyAnswer,
    ]
    with without_secondary_indexes([m._meta.db_table for m in models]):
        customers = _copy_customers(rng, max(LONG_THREADS, round(tickets * 0.6 / 2.5)), now)
        writer = DeskWriter(
            rng,
            tickets=tickets,
            customers=customers,
            staff=staff,
            categories=dict(TicketCategory.objects.values_list("slug", "pk")),
            products=catalog(),
            now=now,
        )

        def progress(done: int) -> None:
            elapsed = time.perf_counter() - started
            print(f"\r  {done:,} tickets written ({elapsed:.0f} s)", end="", flush=True)

        writer.write(progress)
        print()
        steps["copy"] = time.perf_counter() - started
        indexing = time.perf_counter()
    steps["indexes"] = time.perf_counter() - indexing
    reset_sequences(models)
    syncing = time.perf_counter()
    active = list(
        Ticket.objects.filter(status__in=["new", "open", "pending", "on_hold"])
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    for offset in range(0, len(active), 500):
        sync_tickets_by_ids(active[offset : offset + 500], now=now)
    steps["sla"] = time.perf_counter() - syncing
    vacuuming = time.perf_counter()
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")
        cursor.execute(
            f"COMMENT ON DATABASE {DATABASE_PREFIX}{tickets} IS %s", [f"bench.api {tickets}"]
        )
    steps["vacuum"] = time.perf_counter() - vacuuming
    return steps


def seeded_tickets() -> int | None:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT shobj_description(oid, 'pg_database') FROM pg_database"
            " WHERE datname = current_database()"
        )
        comment = (cursor.fetchone() or [None])[0] or ""
    return int(comment.split()[1]) if comment.startswith("bench.api ") else None

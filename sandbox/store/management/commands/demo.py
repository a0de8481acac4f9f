"""The sandbox's main job: a login, a store with history and a living desk, served locally."""

from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandParser

from sandbox.store.models import Order

from .simulate_store import (
    AGENT_PASSWORD,
    AGENT_USERNAMES,
    DEFAULT_DAYS,
    DEFAULT_ORDERS_PER_DAY,
)

ADMIN_USERNAME = "admin"
ADMIN_PASSWORD = "admin"
HOST = "127.0.0.1"
DEFAULT_PORT = 8000


class Command(BaseCommand):
    help = (
        "Create the admin login, simulate store traffic when the store has no orders yet,"
        " and serve the sandbox on 127.0.0.1."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--port", type=int, default=DEFAULT_PORT, help="Port to serve on.")
        parser.add_argument(
            "--no-serve", action="store_true", help="Prepare the data, then stop without serving."
        )
        parser.add_argument(
            "--days", type=int, default=DEFAULT_DAYS, help="Days of traffic for an empty store."
        )
        parser.add_argument(
            "--orders-per-day",
            type=int,
            default=DEFAULT_ORDERS_PER_DAY,
            help="Average orders per simulated day.",
        )
        parser.add_argument("--seed", type=int, default=None, help="Seed of the simulation.")

    def handle(self, *args: Any, **options: Any) -> None:
        """Prepare the demo and, unless ``--no-serve``, run the development server."""
        self._ensure_admin()
        if Order.objects.exists():
            self.stdout.write("The store already has orders; not simulating more traffic.")
        else:
            self.stdout.write(f"Simulating {options['days']} days of store traffic...")
            call_command(
                "simulate_store",
                days=options["days"],
                orders_per_day=options["orders_per_day"],
                seed=options["seed"],
                stdout=self.stdout,
                stderr=self.stderr,
            )
        address = f"http://{HOST}:{options['port']}/"
        agents = get_user_model().objects.filter(username__in=AGENT_USERNAMES).order_by("username")
        agent_logins = ", ".join(agents.values_list("username", flat=True))
        self.stdout.write(
            f"Log in at {address}admin/ as {ADMIN_USERNAME} / {ADMIN_PASSWORD}"
            + (f" (agents: {agent_logins} / {AGENT_PASSWORD})." if agent_logins else ".")
        )
        self.stdout.write(f"Agents work at {address}app/ (the same logins).")
        if getattr(settings, "CELERY_BROKER_URL", ""):
            self.stdout.write(
                "CELERY_BROKER_URL is set: store events go to the broker, so run a worker"
                " beside the server: celery -A sandbox worker -B"
            )
        else:
            self.stdout.write("No broker: store events are processed in this process.")
        if options["no_serve"]:
            return
        call_command("runserver", f"{HOST}:{options['port']}", use_reloader=False)

    def _ensure_admin(self) -> None:
        user_model = get_user_model()
        if user_model.objects.filter(username=ADMIN_USERNAME).exists():
            return
        user_model.objects.create_superuser(
            ADMIN_USERNAME, f"{ADMIN_USERNAME}@example.com", ADMIN_PASSWORD
        )
        self.stdout.write(f"Created the superuser {ADMIN_USERNAME} / {ADMIN_PASSWORD}.")

"""The agent workspace end to end: Chromium (playwright-core) against a live, seeded sandbox.

The browser tests live in ``dashboard_extension/e2e/`` (Node's test runner); this test seeds
the store with simulated traffic, serves it, and fails with their output when any fails. It
needs the built app (``make ui``), Node.js and Debian's Chromium: a missing one fails.
"""

import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command
from django.utils import timezone
from graphql_relay import to_global_id

from saleor_support_plugin.agents.models import Team
from saleor_support_plugin.tickets import TicketEventType, TicketStatus, TicketTier
from saleor_support_plugin.tickets.models import Ticket
from saleor_support_plugin.web import workspace
from sandbox.store import actions
from sandbox.store.models import Product

ROOT = Path(__file__).resolve().parent.parent.parent
UI = ROOT / "dashboard_extension"
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
SCREENSHOTS = UI / "test-results" / "screenshots"
E2E_TIMEOUT_SECONDS = 420


def _open_tickets() -> Any:
    return Ticket.objects.filter(
        status__in=[TicketStatus.NEW, TicketStatus.OPEN, TicketStatus.ON_HOLD]
    ).exclude(order_number="")


# serialized_rollback: other transactional tests flush the tables, categories from migrations too.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_workspace_in_chromium(live_server: Any, settings: Any) -> None:
    node = shutil.which("node")
    assert node, "Node.js is needed for the browser tests"
    assert Path(CHROMIUM).exists(), f"Chromium is needed at {CHROMIUM}: apt-get install chromium"
    assert (workspace.BUILD_DIR / "index.html").exists(), "Build the workspace first: make ui"
    assert (UI / "node_modules" / "playwright-core").exists(), "Run npm ci in dashboard_extension"

    call_command("simulate_store", days=3, orders_per_day=12, seed=11, quiet=True)
    # One more cancellation, now, processed as the demo does it (right after the commit).
    settings.SUPPORT_DESK = {**settings.SUPPORT_DESK, "KICK": "inline"}
    buyer = actions.Buyer(
        email="ioana.e2e@example.com", first_name="Ioana", last_name="Marin", language_code="ro"
    )
    order = actions.place_order(buyer, [(Product.objects.order_by("pk")[0], 2)], at=timezone.now())
    actions.cancel_order(order, at=timezone.now())
    cancelled = Ticket.objects.get(order_id=order.pk, category__slug="cancellation")
    # The browser escalates it from L1 into the first active L2 team (the sandbox's starter team).
    assert cancelled.tier == TicketTier.L1
    l2_team = Team.objects.filter(tier=TicketTier.L2, is_active=True).first()  # by position
    assert l2_team is not None
    other = _open_tickets().exclude(pk=cancelled.pk).order_by("-number").first()
    assert other is not None
    assert other.order_id is not None

    env = {
        **os.environ,
        "DESK_URL": live_server.url,
        "DESK_ORDER_NUMBER": cancelled.order_number,
        "DESK_TICKET_NUMBER": str(cancelled.number),
        "DESK_CONFLICT_TICKET": to_global_id("SupportTicket", other.pk),
        "DESK_WIDGET_ORDER": to_global_id("Order", str(other.order_id)),
        "SCREENSHOT_DIR": str(SCREENSHOTS),
        "CHROMIUM": CHROMIUM,
    }
    result = subprocess.run(  # noqa: S603  # fixed arguments, our own test files
        [node, "--test", "--test-reporter=spec", "e2e/"],
        cwd=UI,
        env=env,
        capture_output=True,
        text=True,
        timeout=E2E_TIMEOUT_SECONDS,
        check=False,
    )

    assert result.returncode == 0, f"browser tests failed:\n{result.stdout}\n{result.stderr}"
    cancelled.refresh_from_db()
    assert cancelled.status == TicketStatus.SOLVED
    assert cancelled.messages.filter(is_internal=True, body__contains="warehouse lead").exists()
    assert cancelled.tier == TicketTier.L2
    assert cancelled.team_id == l2_team.pk
    escalation = cancelled.events.get(type=TicketEventType.ESCALATED)
    assert cancelled.messages.filter(
        pk=escalation.parameters["note_id"], is_internal=True, body__contains="payments specialist"
    ).exists()

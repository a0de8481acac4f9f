"""Sweeps racing each other and agents on real PostgreSQL: threads with their own connections."""

import threading
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta

import pytest
from django.db import connection, transaction

from saleor_support_plugin.sla import BreachAction
from saleor_support_plugin.sla.models import TicketSlaClock
from saleor_support_plugin.sla.sweep import sweep_sla
from saleor_support_plugin.sla.sync import sync_ticket_clocks
from saleor_support_plugin.tickets import TicketEventType, TicketPriority
from saleor_support_plugin.tickets.lock_objects import ticket_qs_select_for_update
from saleor_support_plugin.tickets.models import Ticket, TicketEvent
from tests.fixtures.sla import MONDAY_9

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

DUE_PASSED = MONDAY_9 + timedelta(minutes=61)


def test_racing_sweeps_write_each_breach_and_run_each_action_once(
    sla_policy_generator, sla_ticket_generator
):
    # given
    sla_policy_generator(first_response_minutes=60, breach_actions=[BreachAction.RAISE_PRIORITY])
    tickets = [sla_ticket_generator(subject=f"Q{i}") for i in range(30)]
    for ticket in tickets:
        sync_ticket_clocks(ticket, now=MONDAY_9)
    barrier = threading.Barrier(4)

    def sweep(_: int) -> int:
        try:
            barrier.wait()
            return sweep_sla(now=DUE_PASSED, batch_size=7).breaches
        finally:
            connection.close()

    # when
    with ThreadPoolExecutor(4) as pool:
        breaches = list(pool.map(sweep, range(4)))

    # then
    assert sum(breaches) == 30
    events = TicketEvent.objects.filter(ticket__in=tickets)
    assert events.filter(type=TicketEventType.SLA_BREACHED).count() == 30
    assert events.filter(type=TicketEventType.SLA_WARNING).count() == 30
    assert events.filter(type=TicketEventType.PRIORITY_CHANGED).count() == 30
    assert set(
        Ticket.objects.filter(pk__in=[t.pk for t in tickets]).values_list("priority", flat=True)
    ) == {TicketPriority.HIGH}


def test_a_ticket_an_agent_holds_is_skipped_not_waited_for(
    sla_policy_generator, sla_ticket_generator
):
    # given: an agent's transaction holds the ticket's row lock
    sla_policy_generator(first_response_minutes=60)
    held, free = sla_ticket_generator(subject="held"), sla_ticket_generator(subject="free")
    for ticket in (held, free):
        sync_ticket_clocks(ticket, now=MONDAY_9)
    locked, release = threading.Event(), threading.Event()

    def agent() -> None:
        try:
            with transaction.atomic():
                ticket_qs_select_for_update().get(pk=held.pk)
                locked.set()
                release.wait(30)
        finally:
            connection.close()

    thread = threading.Thread(target=agent)
    thread.start()
    locked.wait(30)

    # when
    try:
        while_held = sweep_sla(now=DUE_PASSED)
    finally:
        release.set()
        thread.join()
    after = sweep_sla(now=DUE_PASSED)

    # then
    assert (while_held.tickets, while_held.breaches) == (1, 1)
    assert (after.tickets, after.breaches) == (1, 1)
    assert set(
        TicketSlaClock.objects.filter(breached_at__isnull=False).values_list(
            "ticket__subject", flat=True
        )
    ) == {"held", "free"}

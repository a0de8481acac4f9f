from datetime import timedelta
from decimal import Decimal

from django.utils import timezone

from saleor_support_plugin.intake import InboundEventStatus, IntakeKind, SourceEventType
from saleor_support_plugin.intake.actions import process_inbound_event
from saleor_support_plugin.intake.models import InboundEvent
from saleor_support_plugin.intake.reconciliation import reconcile
from saleor_support_plugin.tickets import (
    MessageAuthorType,
    TicketChannel,
    TicketEventType,
    TicketPriority,
    TicketStatus,
    actions,
    erasure,
)
from saleor_support_plugin.tickets.actors import Actor
from saleor_support_plugin.tickets.models import Ticket, TicketEvent
from sandbox.store import actions as store_actions
from tests.query_counts import assert_statements


def _facts(ticket):
    return list(
        TicketEvent.objects.filter(ticket=ticket, type=TicketEventType.STORE_EVENT)
        .order_by("id")
        .values_list("parameters__kind", flat=True)
    )


def _snapshot(ticket):
    assert ticket.order_snapshot is not None
    return ticket.order_snapshot


def _later(order, minutes=1):
    return order.created_at + timedelta(minutes=minutes)


def test_cancellation_opens_one_ticket_with_order_context(order_generator, store, drain):
    # given
    order = order_generator(at=timezone.now() - timedelta(hours=2))

    # when
    store.cancel_order(order, at=_later(order))
    processed = drain()

    # then
    assert processed == 1
    ticket = Ticket.objects.get()
    assert ticket.subject == f"Order #{order.number} was cancelled"
    assert ticket.category.slug == "cancellation"
    assert ticket.channel == TicketChannel.SYSTEM
    assert ticket.priority == TicketPriority.NORMAL
    assert ticket.status == TicketStatus.NEW
    assert ticket.order_id == order.pk
    assert ticket.order_number == str(order.number)
    assert ticket.customer_email == "ana.popescu@example.com"
    assert ticket.customer_name == "Ana Popescu"
    assert ticket.language_code == "ro"
    assert ticket.created_at == _later(order)
    assert ticket.thread_key == f"order:{order.pk}"
    assert [line["sku"] for line in _snapshot(ticket)["lines"]] == ["SHOE-1", "JACKET-1"]
    assert _snapshot(ticket)["status"] == "canceled"
    assert _facts(ticket) == [IntakeKind.CANCELLATION]
    notes = list(ticket.messages.values_list("author_type", "is_internal", "body"))
    assert notes == [
        ("system", True, f"<p>Order #{order.number} was cancelled.</p>"),
    ]
    event = InboundEvent.objects.get()
    assert event.status == InboundEventStatus.PROCESSED
    assert event.ticket_id == ticket.pk
    assert event.outcome == f"opened ticket #{ticket.number}: cancellation"


def test_processing_an_event_twice_gives_one_ticket_and_one_timeline_entry(order_generator, store):
    # given
    order = order_generator()
    store.cancel_order(order, at=_later(order))
    event = InboundEvent.objects.get()

    # when
    first = process_inbound_event(event.pk)
    InboundEvent.objects.filter(pk=event.pk).update(status=InboundEventStatus.PENDING)
    second = process_inbound_event(event.pk)
    third = process_inbound_event(event.pk)

    # then
    assert (first, second, third) == (
        InboundEventStatus.PROCESSED,
        InboundEventStatus.SKIPPED,
        None,
    )
    ticket = Ticket.objects.get()
    assert TicketEvent.objects.filter(ticket=ticket).count() == 3  # opened, store event, note
    assert _facts(ticket) == [IntakeKind.CANCELLATION]
    event.refresh_from_db()
    assert event.outcome == "already on a ticket"


def test_firing_every_hook_twice_gives_one_event_and_one_ticket(order_generator, store, drain):
    # given
    order = order_generator()
    store.cancel_order(order, at=_later(order))

    # when: the same hooks fire again for the same change
    for hook in ("order_cancelled", "order_updated"):
        store.call_hook(hook, order)
    drain()

    # then
    assert InboundEvent.objects.count() == 1
    assert Ticket.objects.count() == 1


def test_cancellation_then_refund_land_in_the_same_ticket(order_generator, store, drain):
    # given
    order = order_generator()
    store.cancel_order(order, at=_later(order))
    drain()

    # when
    store.refund_order(order, order.total_charged_amount, at=_later(order, 5))
    drain()

    # then
    ticket = Ticket.objects.get()
    assert _facts(ticket) == [IntakeKind.CANCELLATION, IntakeKind.REFUND, IntakeKind.FULL_REFUND]
    assert ticket.priority == TicketPriority.HIGH  # raised by the full refund
    assert _snapshot(ticket)["charge_status"] == "refunded"
    refund = TicketEvent.objects.get(ticket=ticket, parameters__kind=IntakeKind.REFUND)
    assert refund.parameters["amount"] == "898.80"
    assert ticket.messages.filter(
        body=f"<p>A refund of 898.80 EUR was issued for order #{order.number}.</p>"
    ).exists()
    assert ticket.messages.filter(
        body=f"<p>Order #{order.number} is now refunded in full (898.80 EUR).</p>"
    ).exists()
    assert list(InboundEvent.objects.order_by("id").values_list("source_event_type", "status")) == [
        (SourceEventType.ORDER_CANCELLED, InboundEventStatus.PROCESSED),
        (SourceEventType.ORDER_REFUNDED, InboundEventStatus.PROCESSED),
        (SourceEventType.ORDER_FULLY_REFUNDED, InboundEventStatus.PROCESSED),
    ]


def test_return_with_refund_and_replacement_is_one_thread(order_generator, store, drain):
    # given
    order = order_generator()
    store.fulfill_order(order, at=_later(order))
    shoe, jacket = order.lines.order_by("product_sku").reverse()

    # when
    draft = store.return_products(
        order, at=_later(order, 60), returned=[(shoe, 1)], replaced=[(jacket, 1)], refund=True
    )
    drain()

    # then
    ticket = Ticket.objects.get()
    assert sorted(_facts(ticket)) == sorted(
        [IntakeKind.REFUND, IntakeKind.RETURN, IntakeKind.REPLACEMENT]
    )
    assert ticket.subject == f"Return of items from order #{order.number}"
    assert ticket.category.slug == "return"
    replacement = TicketEvent.objects.get(ticket=ticket, parameters__kind=IntakeKind.REPLACEMENT)
    assert replacement.dedupe_key == f"replacement:{draft.pk}"
    returned = TicketEvent.objects.get(ticket=ticket, parameters__kind=IntakeKind.RETURN)
    assert returned.parameters["lines"] == [{"line_pk": str(shoe.pk), "quantity": 1}]
    bodies = list(ticket.messages.values_list("body", flat=True))
    assert f"<p>Items of order #{order.number} were returned.<br>Items: 1 × Pantofi sport</p>" in (
        bodies
    )
    assert InboundEvent.objects.filter(status=InboundEventStatus.PENDING).count() == 0


def test_replacement_only_return(order_generator, store, drain):
    order = order_generator()
    store.fulfill_order(order, at=_later(order))
    line = order.lines.first()

    draft = store.return_products(order, at=_later(order, 60), replaced=[(line, 1)])
    drain()

    ticket = Ticket.objects.get()
    assert _facts(ticket) == [IntakeKind.REPLACEMENT]
    assert ticket.category.slug == "return"
    assert TicketEvent.objects.get(parameters__kind=IntakeKind.REPLACEMENT).parameters[
        "related_order_id"
    ] == str(draft.pk)


def test_order_with_a_note_opens_a_ticket_with_the_customers_words(order_generator, drain):
    # when
    order = order_generator(note="Vă rog, livrați după ora 17.")
    drain()

    # then
    ticket = Ticket.objects.get()
    assert ticket.subject == f"Note with order #{order.number}"
    assert ticket.category.slug == "order"
    messages = list(ticket.messages.values_list("author_type", "is_internal", "body"))
    assert messages == [
        (MessageAuthorType.CUSTOMER, False, "<p>Vă rog, livrați după ora 17.</p>"),
        (
            MessageAuthorType.SYSTEM,
            True,
            f"<p>The customer placed order #{order.number} with a note.</p>",
        ),
    ]


def test_plain_orders_record_nothing(order_generator, store):
    order = order_generator()
    store.fulfill_order(order, at=_later(order))

    assert InboundEvent.objects.count() == 0


def test_expiry(order_generator, store, drain):
    order = order_generator(paid=False)

    store.expire_order(order, at=_later(order, 30))
    drain()

    ticket = Ticket.objects.get()
    assert ticket.subject == f"Order #{order.number} expired"
    assert _facts(ticket) == [IntakeKind.EXPIRY]


def test_a_solved_thread_is_not_reused(order_generator, store, drain):
    # given
    order = order_generator()
    store.fulfill_order(order, at=_later(order))
    line = order.lines.first()
    store.return_products(order, at=_later(order, 10), returned=[(line, 1)])
    drain()
    first = Ticket.objects.get()
    actions.change_status(first, TicketStatus.SOLVED, actor=Actor.system())

    # when
    store.return_products(order, at=_later(order, 20), returned=[(line, 1)])
    drain()

    # then
    second = Ticket.objects.exclude(pk=first.pk).get()
    assert _facts(first) == [IntakeKind.RETURN]
    assert _facts(second) == [IntakeKind.RETURN]
    assert second.thread_key == f"order:{order.pk}"


def test_a_store_event_wakes_a_pending_thread(order_generator, store, drain):
    # given
    order = order_generator()
    store.cancel_order(order, at=_later(order))
    drain()
    ticket = Ticket.objects.get()
    actions.change_status(ticket, TicketStatus.PENDING, actor=Actor.system())

    # when
    store.refund_order(order, Decimal("10.00"), at=_later(order, 2))
    drain()

    # then
    ticket.refresh_from_db()
    assert ticket.status == TicketStatus.OPEN
    assert _facts(ticket) == [IntakeKind.CANCELLATION, IntakeKind.REFUND]


def test_rules_switched_off_record_nothing(order_generator, store, drain, desk_configuration):
    # given
    desk_configuration["open_on_cancellation"] = "false"
    order = order_generator()

    # when
    store.cancel_order(order, at=_later(order))

    # then
    assert InboundEvent.objects.count() == 0
    assert Ticket.objects.count() == 0


def test_rule_switched_off_after_recording_skips_with_a_reason(
    order_generator, store, drain, desk_configuration
):
    order = order_generator()
    store.cancel_order(order, at=_later(order))
    desk_configuration["open_on_cancellation"] = "false"

    drain()

    event = InboundEvent.objects.get()
    assert event.status == InboundEventStatus.SKIPPED
    assert event.outcome == "rules are off for cancellation"
    assert Ticket.objects.count() == 0


def test_merchant_priority_and_category_and_acknowledgement(
    order_generator, store, drain, desk_configuration
):
    # given
    desk_configuration["event_defaults"] = "cancellation: urgent, complaint"
    desk_configuration["acknowledge_customer"] = "true"
    order = order_generator()

    # when
    store.cancel_order(order, at=_later(order))
    drain()

    # then
    ticket = Ticket.objects.get()
    assert (ticket.priority, ticket.category.slug) == ("urgent", "complaint")
    public = ticket.messages.get(is_internal=False)
    assert public.author_type == MessageAuthorType.SYSTEM
    assert public.body == (
        "<p>Hello Ana Popescu,</p>"
        f"<p>we have opened ticket #{ticket.number} about your order #{order.number}. "
        "Our team will get back to you soon.</p>"
    )


def test_payment_problems_are_found_by_reconciliation(order_generator, store, drain):
    # given: a payment failure on an unfulfilled order fires no recording hook
    order = order_generator(paid=False)
    store.fail_payment(order, at=timezone.now())
    assert InboundEvent.objects.count() == 0

    # when
    recorded = reconcile(now=timezone.now() + timedelta(minutes=3))
    again = reconcile(now=timezone.now() + timedelta(minutes=8))
    drain()

    # then
    assert (recorded, again) == (1, 0)
    ticket = Ticket.objects.get()
    assert _facts(ticket) == [IntakeKind.PAYMENT_PROBLEM]
    assert ticket.priority == TicketPriority.HIGH
    assert ticket.category.slug == "payment"


def test_reconciliation_recovers_a_lost_hook_without_duplicating(order_generator, store, drain):
    # given: one cancellation whose hook was lost, one that was recorded and processed
    lost, seen = order_generator(), order_generator()
    store.cancel_order(seen, at=timezone.now())
    drain()
    store_actions.cancel_order(lost, at=timezone.now())  # its on-commit hooks never run

    # when
    recorded = reconcile(now=timezone.now() + timedelta(minutes=3))
    drain()

    # then
    assert recorded == 1
    assert Ticket.objects.count() == 2
    for order in (lost, seen):
        assert _facts(Ticket.objects.get(order_id=order.pk)) == [IntakeKind.CANCELLATION]


def test_order_gone_is_skipped(order_generator, store, drain):
    order = order_generator()
    store.cancel_order(order, at=_later(order))
    order.delete()

    drain()

    event = InboundEvent.objects.get()
    assert (event.status, event.outcome) == (InboundEventStatus.SKIPPED, "order not found")


def test_customer_deletion_anonymises_their_tickets(order_generator, store, drain, customer_user):
    # given
    order = order_generator(note="Sunați-mă la 0722 000 000")
    drain()

    # when
    store.delete_customer(customer_user)
    drain()

    # then
    ticket = Ticket.objects.get()
    assert ticket.order_number == str(order.number)
    assert ticket.customer_email.startswith("erased-")
    assert ticket.customer_user_id is None
    assert _snapshot(ticket)["customer"]["email"] == ticket.customer_email
    assert _snapshot(ticket)["customer_note"] == ""
    assert ticket.messages.get(author_type="customer").body_raw == erasure.REDACTED_BODY
    event = InboundEvent.objects.get(source_event_type=SourceEventType.CUSTOMER_DELETED)
    assert event.payload == {}
    assert event.outcome == "anonymised 1 tickets"


def test_reconciliation_pages_through_every_missed_row(order_generator, monkeypatch, caplog):
    # given: three cancellations whose hooks were lost, read one row per page
    from saleor_support_plugin.intake import reconciliation

    monkeypatch.setattr(reconciliation, "PAGE", 1)
    orders = [order_generator() for _ in range(3)]
    at = timezone.now()
    for order in orders:
        store_actions.cancel_order(order, at=at)  # the same date: pages tie-break on pk

    # when
    recorded = reconcile(now=at + timedelta(minutes=3))

    # then
    assert recorded == 3
    assert "3 events no hook reported" in caplog.text


def test_payment_failures_are_not_reported_as_missed(order_generator, store, caplog):
    order = order_generator(paid=False)
    store.fail_payment(order, at=timezone.now())

    reconcile(now=timezone.now() + timedelta(minutes=3))

    assert "no hook reported" not in caplog.text


def test_the_acknowledgement_speaks_the_customers_language(
    order_generator, guest_buyer, store, drain, desk_configuration
):
    desk_configuration["acknowledge_customer"] = "true"
    desk_configuration["acknowledgement_message"] = (
        "Hello {customer_name}\n[fa]\nسلام {customer_name}، تیکت {ticket_number} باز شد."
    )
    order = order_generator(who=guest_buyer)

    store.cancel_order(order, at=_later(order))
    drain()

    ticket = Ticket.objects.get()
    assert ticket.messages.get(is_internal=False).body == (
        f"<p>سلام مریم احمدی، تیکت {ticket.number} باز شد.</p>"
    )


def test_opening_a_ticket_from_an_event_runs_a_fixed_number_of_statements(order_generator, store):
    # given
    order = order_generator(at=timezone.now() - timedelta(hours=1))
    store.cancel_order(order, at=timezone.now() - timedelta(minutes=5))
    event = InboundEvent.objects.get()

    # when: claim (2), lock, cursor (3), order (4), the plugin configuration, facts check,
    # thread and category (2), erasure lock and check (2), ticket with its opening entry (2),
    # routing without rules or a default team (2), fact, note (4), priority check, event update
    with assert_statements(27):
        process_inbound_event(event.pk)

    # then
    assert Ticket.objects.count() == 1


def test_an_erased_customers_old_order_stays_erased(
    order_generator, store, drain, customer_user, desk_configuration
):
    # given: the customer's ticket was erased with their account
    desk_configuration["acknowledge_customer"] = "true"
    order = order_generator()
    store.cancel_order(order, at=_later(order))
    drain()
    store.delete_customer(customer_user)
    drain()
    ticket = Ticket.objects.get()
    assert ticket.messages.get(is_internal=False).body_raw == erasure.REDACTED_BODY

    # when: money comes back for their old order
    store.refund_order(order, Decimal("10.00"), at=_later(order, 5))
    drain()

    # then
    ticket.refresh_from_db()
    snapshot = _snapshot(ticket)
    assert snapshot["customer"]["email"] == ticket.customer_email
    assert snapshot["customer"]["first_name"] == ""
    assert "ana" not in str(snapshot).lower()


def test_a_later_ticket_for_an_erased_customer_is_stored_erased_without_acknowledgement(
    order_generator, store, drain, customer_user, desk_configuration
):
    # given
    desk_configuration["acknowledge_customer"] = "true"
    order = order_generator()
    store.delete_customer(customer_user)
    drain()

    # when
    store.cancel_order(order, at=_later(order))
    drain()

    # then
    ticket = Ticket.objects.get()
    assert ticket.customer_email == erasure.erased_marker("ana.popescu@example.com")
    assert ticket.anonymised_at is not None
    assert not ticket.messages.filter(is_internal=False).exists()


def test_erasure_finds_tickets_of_a_customer_who_changed_their_email(ticket_generator, agent):
    ticket = ticket_generator(email="old@example.com", user_id=agent.pk)
    ticket.customer_user = None  # the account's deletion cleared the link
    ticket.save(update_fields=["customer_user"])

    count = erasure.anonymise_customer(
        user_id=agent.pk, email="new@example.com", actor=Actor.system()
    )

    ticket.refresh_from_db()
    assert count == 1
    assert ticket.customer_email == erasure.erased_marker("new@example.com")
    assert ticket.customer_account_id is None


def test_a_very_long_note_is_kept_to_the_message_limit(order_generator, drain):
    order_generator(note="x" * 12_000)

    drain()

    message = Ticket.objects.get().messages.get(author_type="customer")
    assert len(message.body_raw) == 10_000


def test_a_removed_category_falls_back_to_other_then_to_any(order_generator, store, drain):
    from saleor_support_plugin.tickets.models import TicketCategory

    TicketCategory.objects.filter(slug__in=["cancellation", "other"]).update(is_active=False)
    order = order_generator()

    store.cancel_order(order, at=_later(order))
    drain()

    assert Ticket.objects.get().category.slug == "order"


def test_a_new_ticket_opens_at_its_most_urgent_problem(
    order_generator, store, drain, desk_configuration
):
    # given: one return reveals a return (normal) and a refund (urgent here)
    desk_configuration["event_defaults"] = "refund: urgent, refund"
    order = order_generator()
    store.fulfill_order(order, at=_later(order))
    line = order.lines.first()

    # when
    store.return_products(order, at=_later(order, 10), returned=[(line, 1)], refund=True)
    drain()

    # then: named by the return, as urgent as the refund from the start
    ticket = Ticket.objects.get()
    assert ticket.subject == f"Return of items from order #{order.number}"
    assert ticket.priority == TicketPriority.URGENT
    assert not TicketEvent.objects.filter(type=TicketEventType.PRIORITY_CHANGED).exists()


def test_a_history_row_committed_after_a_higher_one_was_read_is_not_lost(
    order_generator, store, drain
):
    # given: a return is processed; then a payment failure with a lower pk becomes visible
    from sandbox.store.models import OrderEvent

    order = order_generator()
    store.fulfill_order(order, at=_later(order))
    store.return_products(order, at=_later(order, 10), returned=[(order.lines.first(), 1)])
    drain()
    late = OrderEvent.objects.create(order=order, type="payment_failed", date=timezone.now())
    OrderEvent.objects.filter(pk=late.pk).update(id=1)  # below the order's cursor

    # when
    recorded = reconcile(now=timezone.now() + timedelta(minutes=3))
    drain()

    # then
    assert recorded == 1
    assert _facts(Ticket.objects.get()) == [IntakeKind.RETURN, IntakeKind.PAYMENT_PROBLEM]


def test_a_lost_note_hook_is_recovered_with_the_hooks_own_key(order_generator, drain):
    # given: an order with a note whose hook never ran
    from sandbox.store import actions as raw_store
    from sandbox.store.models import Product

    buyer = raw_store.Buyer("jan@example.com", "Jan", "Kowalski", "pl")
    raw_store.place_order(
        buyer, [(Product.objects.get(sku="SHOE-1"), 1)], at=timezone.now(), note="Proszę o fakturę"
    )
    assert InboundEvent.objects.count() == 0

    # when
    recorded = reconcile(now=timezone.now() + timedelta(minutes=3))
    again = reconcile(now=timezone.now() + timedelta(minutes=8))
    drain()

    # then
    assert (recorded, again) == (1, 0)
    event = InboundEvent.objects.get()
    assert event.source_event_type == SourceEventType.ORDER_CREATED
    assert _facts(Ticket.objects.get()) == [IntakeKind.CUSTOMER_NOTE]


def test_a_lost_account_deletion_is_recovered(order_generator, drain, customer_user):
    # given: the customer's account is deleted without the hook
    order_generator(note="Sună-mă")
    drain()
    customer_user.delete()

    # when
    recorded = reconcile(now=timezone.now() + timedelta(minutes=3))
    drain()

    # then
    assert recorded == 1
    ticket = Ticket.objects.get()
    assert ticket.customer_email == erasure.erased_marker("ana.popescu@example.com")
    assert ticket.messages.get(author_type="customer").body_raw == erasure.REDACTED_BODY

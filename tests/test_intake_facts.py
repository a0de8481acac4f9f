from datetime import UTC, datetime

from saleor_support_plugin.host.snapshot import CustomerSnapshot, OrderEventRecord, OrderSnapshot
from saleor_support_plugin.intake import IntakeKind
from saleor_support_plugin.intake.facts import Fact, facts_for_event, facts_from_history

ORDER = "8a1e2b3c-0000-4000-8000-000000000001"
WHEN = datetime(2026, 11, 1, tzinfo=UTC)


def _row(pk, type_, **parameters):
    return OrderEventRecord(pk=pk, order_id=ORDER, type=type_, date=WHEN, parameters=parameters)


def _snapshot(note=""):
    return OrderSnapshot(
        id=ORDER,
        number="1042",
        status="returned",
        origin="checkout",
        original_id=None,
        channel_slug="default-channel",
        currency="PLN",
        total_gross="100.00",
        total_charged="100.00",
        total_refunded="40.00",
        charge_status="partial",
        customer=CustomerSnapshot(user_id=None, email="jan@example.com"),
        customer_note=note,
        created_at=WHEN,
    )


def test_history_rows_group_into_one_fact_per_problem():
    rows = [
        _row(10, "payment_refunded", amount="40.00"),
        _row(11, "fulfillment_refunded", amount="40.00"),
        _row(12, "fulfillment_returned", lines=[{"line_pk": "a", "quantity": 1}]),
        _row(
            13,
            "fulfillment_replaced",
            lines=[{"line_pk": "b", "quantity": 2}],
            related_order_pk="D",
        ),
        _row(14, "order_replacement_created", related_order_pk="D"),
        _row(15, "note_added", message="internal"),
        _row(16, "tracking_updated"),
    ]

    facts = facts_from_history(ORDER, rows)

    assert facts == [
        Fact(
            IntakeKind.REFUND,
            f"refund:{ORDER}:10",
            {"order_event_ids": [10, 11], "amount": "40.00"},
        ),
        Fact(
            IntakeKind.RETURN,
            f"return:{ORDER}:12",
            {"order_event_ids": [12], "lines": [{"line_pk": "a", "quantity": 1}]},
        ),
        Fact(
            IntakeKind.REPLACEMENT,
            "replacement:D",
            {
                "order_event_ids": [13, 14],
                "lines": [{"line_pk": "b", "quantity": 2}],
                "related_order_id": "D",
            },
        ),
    ]


def test_cancellation_has_the_same_key_from_the_hook_and_from_history():
    from_history = facts_from_history(ORDER, [_row(3, "canceled")])
    from_hook = facts_for_event(
        source_event_type="order_cancelled",
        source_object_id=ORDER,
        snapshot=_snapshot(),
        new_rows=[],
        recent_refund_rows=[],
    )

    assert [f.dedupe_key for f in from_history] == [f"cancellation:{ORDER}"]
    assert [f.dedupe_key for f in from_hook] == [f"cancellation:{ORDER}"]


def test_a_refund_hook_without_history_rows_is_a_refund_of_its_own():
    facts = facts_for_event(
        source_event_type="order_refunded",
        source_object_id=f"{ORDER}:2026-11-01T10:00:00+00:00",
        snapshot=_snapshot(),
        new_rows=[],
        recent_refund_rows=[],
    )

    assert facts == [
        Fact(
            IntakeKind.REFUND,
            f"refund:{ORDER}:2026-11-01T10:00:00+00:00",
            {"refunded_total": "40.00"},
        )
    ]


def test_a_refund_hook_whose_rows_another_scan_read_adds_nothing():
    facts = facts_for_event(
        source_event_type="order_refunded",
        source_object_id=f"{ORDER}:x",
        snapshot=_snapshot(),
        new_rows=[],
        recent_refund_rows=[_row(10, "payment_refunded", amount="40.00")],
    )

    assert facts == []


def test_the_replacement_draft_key_matches_the_history_key():
    facts = facts_for_event(
        source_event_type="draft_order_created",
        source_object_id="D",
        snapshot=_snapshot(),
        new_rows=[],
        recent_refund_rows=[],
    )

    assert [f.dedupe_key for f in facts] == ["replacement:D"]


def test_a_note_is_a_fact_only_when_written():
    def facts(note):
        return facts_for_event(
            source_event_type="order_created",
            source_object_id=ORDER,
            snapshot=_snapshot(note),
            new_rows=[],
            recent_refund_rows=[],
        )

    assert facts("  ") == []
    assert facts(" Bitte klingeln ") == [
        Fact(IntakeKind.CUSTOMER_NOTE, f"customer_note:{ORDER}", customer_text="Bitte klingeln")
    ]


def test_an_empty_return_row_of_a_replacement_only_return_is_no_return():
    rows = [
        _row(
            20,
            "fulfillment_replaced",
            lines=[{"line_pk": "b", "quantity": 1}],
            related_order_pk="D",
        ),
        _row(21, "fulfillment_returned", lines=[]),
    ]

    assert [f.kind for f in facts_from_history(ORDER, rows)] == [IntakeKind.REPLACEMENT]


def test_the_headline_problem_comes_first():
    facts = facts_for_event(
        source_event_type="order_updated",
        source_object_id="x",
        snapshot=_snapshot(),
        new_rows=[
            _row(30, "payment_refunded", amount="10.000"),
            _row(31, "fulfillment_replaced", lines=[], related_order_pk="D"),
            _row(32, "fulfillment_returned", lines=[{"line_pk": "a", "quantity": 1}]),
        ],
        recent_refund_rows=[],
    )

    assert [f.kind for f in facts] == [IntakeKind.RETURN, IntakeKind.REPLACEMENT, IntakeKind.REFUND]


def test_amounts_show_two_decimals_when_nothing_is_lost():
    from saleor_support_plugin.intake.messages import format_amount

    assert [format_amount(a) for a in ("12.300", "12.305", "7", "n/a")] == [
        "12.30",
        "12.305",
        "7.00",
        "n/a",
    ]

"""The plugin against a stand-in of Saleor's BasePlugin, with Saleor-shaped objects."""

import uuid
from datetime import UTC, datetime
from types import SimpleNamespace

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from saleor_support_plugin import PLUGIN_ID
from saleor_support_plugin.intake import IntakeKind
from saleor_support_plugin.intake.models import InboundEvent
from saleor_support_plugin.intake.rules import CONFIG_FIELDS
from saleor_support_plugin.plugin import SupportPlugin
from tests.query_counts import assert_statements

PREVIOUS = object()
CHANGED_AT = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)


def _plugin(active=True, **configuration):
    return SupportPlugin(
        configuration=[{"name": k, "value": v} for k, v in configuration.items()],
        active=active,
    )


def _order(**attributes):
    values = {
        "pk": uuid.uuid4(),
        "status": "unfulfilled",
        "updated_at": CHANGED_AT,
        "customer_note": "",
        "origin": "checkout",
        "original_id": None,
    }
    values.update(attributes)
    return SimpleNamespace(**values)


ORDER_HOOKS = [
    "order_created",
    "order_cancelled",
    "order_expired",
    "order_refunded",
    "order_fully_refunded",
    "order_updated",
    "draft_order_created",
]


def test_plugin_declares_a_global_inactive_configuration():
    assert PLUGIN_ID == "saleor_support_plugin.support"
    assert SupportPlugin.CONFIGURATION_PER_CHANNEL is False
    assert SupportPlugin.DEFAULT_ACTIVE is False
    names = [item["name"] for item in SupportPlugin.DEFAULT_CONFIGURATION]
    assert names == [f.name for f in CONFIG_FIELDS]
    assert set(SupportPlugin.CONFIG_STRUCTURE) == set(names)
    for name, structure in SupportPlugin.CONFIG_STRUCTURE.items():
        assert structure["type"] in ("Boolean", "Multiline", "String"), name
        assert structure["label"], name
        assert structure["help_text"].endswith("."), name


def test_the_reopen_window_is_a_number_of_days():
    structure = SupportPlugin.CONFIG_STRUCTURE["customer_reopen_days"]
    defaults = {i["name"]: i["value"] for i in SupportPlugin.DEFAULT_CONFIGURATION}

    assert (structure["type"], defaults["customer_reopen_days"]) == ("String", "7")


@pytest.mark.parametrize("value", ["-1", "366", "7.5", "seven", "", "٧"])
def test_a_bad_reopen_window_is_named(db, value):
    configuration = _configuration(customer_reopen_days=value)

    with pytest.raises(ValidationError) as error:
        SupportPlugin.validate_plugin_configuration(configuration)

    assert error.value.message_dict == {
        "customer_reopen_days": [f"'{value}' is not a whole number from 0 to 365"]
    }


@pytest.mark.parametrize("hook", ORDER_HOOKS)
def test_an_inactive_plugin_returns_previous_value_without_sql(db, hook):
    order = _order(
        status="returned", customer_note="hi", origin="reissue", original_id=uuid.uuid4()
    )

    with assert_statements(0):
        result = getattr(_plugin(active=False), hook)(order, previous_value=PREVIOUS)

    assert result is PREVIOUS
    assert InboundEvent.objects.count() == 0


@pytest.mark.parametrize(
    ("hook", "order", "source"),
    [
        ("order_cancelled", {}, "order_cancelled"),
        ("order_expired", {}, "order_expired"),
        ("order_refunded", {"status": "fulfilled"}, "order_refunded"),
        ("order_fully_refunded", {}, "order_fully_refunded"),
        ("order_updated", {"status": "partially_returned"}, "order_updated"),
        ("order_updated", {"status": "returned"}, "order_updated"),
        ("order_created", {"customer_note": "Proszę o fakturę"}, "order_created"),
    ],
)
def test_a_triggering_hook_runs_exactly_one_statement(db, hook, order, source):
    # given
    order = _order(**order)
    started = timezone.now()

    # when
    with assert_statements(1):
        result = getattr(_plugin(), hook)(order, previous_value=PREVIOUS, webhooks=None)

    # then: Saleor's in-memory updated_at can be stale, so the hook's time is the event's
    assert result is PREVIOUS
    event = InboundEvent.objects.get()
    assert event.source_event_type == source
    assert event.order_id == order.pk
    assert started <= event.occurred_at <= timezone.now()


@pytest.mark.parametrize(
    ("hook", "order"),
    [
        ("order_created", {}),
        ("order_created", {"customer_note": "   "}),
        ("order_updated", {"status": "unfulfilled"}),
        ("order_updated", {"status": "fulfilled"}),
        ("order_updated", {"status": "partially fulfilled"}),
        ("draft_order_created", {"origin": "draft"}),
    ],
)
def test_hooks_that_need_no_ticket_run_no_sql(db, hook, order):
    with assert_statements(0):
        result = getattr(_plugin(), hook)(_order(**order), previous_value=PREVIOUS)

    assert result is PREVIOUS


def test_a_replacement_draft_is_recorded_against_the_original_order(db):
    original = uuid.uuid4()
    draft = _order(status="draft", origin="reissue", original_id=original)

    _plugin().draft_order_created(draft, previous_value=PREVIOUS)

    event = InboundEvent.objects.get()
    assert (event.source_event_type, event.source_object_id) == (
        "draft_order_created",
        str(draft.pk),
    )
    assert event.order_id == original


def test_two_requests_refunding_the_same_order_record_two_events(db):
    order = _order(status="fulfilled")

    for _ in range(2):
        _plugin().order_refunded(order, previous_value=PREVIOUS)  # a plugin per request

    assert InboundEvent.objects.count() == 2


def test_firing_every_hook_twice_records_each_event_once(db):
    order = _order(
        status="returned", customer_note="note", origin="reissue", original_id=uuid.uuid4()
    )
    plugin = _plugin()

    for _ in range(2):
        for hook in ORDER_HOOKS:
            getattr(plugin, hook)(order, previous_value=PREVIOUS)

    assert InboundEvent.objects.count() == len(ORDER_HOOKS)


def test_switched_off_events_are_not_recorded(db):
    plugin = _plugin(open_on_cancellation="false", open_on_expiry=False)

    with assert_statements(0):
        plugin.order_cancelled(_order(), previous_value=PREVIOUS)
        plugin.order_expired(_order(), previous_value=PREVIOUS)


@pytest.mark.parametrize("hook", ["customer_deleted", "account_deleted"])
def test_customer_deletion_is_recorded_with_what_erasure_needs(db, hook):
    user = SimpleNamespace(pk=42, email="Reza@example.com")

    with assert_statements(1):
        if hook == "customer_deleted":
            result = _plugin().customer_deleted(user, previous_value=PREVIOUS, webhooks=None)
        else:
            result = _plugin().account_deleted(user, previous_value=PREVIOUS)

    assert result is PREVIOUS
    event = InboundEvent.objects.get()
    assert (event.source_event_type, event.source_object_id) == ("customer_deleted", "42")
    assert event.payload == {"user_id": 42, "email": "Reza@example.com"}


def test_a_hook_never_raises_into_saleor(db):
    broken = SimpleNamespace(pk=uuid.uuid4())  # no status, no updated_at

    result = _plugin().order_updated(broken, previous_value=PREVIOUS)

    assert result is PREVIOUS
    assert InboundEvent.objects.count() == 0


def test_a_failing_insert_still_returns_previous_value(db, monkeypatch, caplog):
    from saleor_support_plugin.intake import recorder

    monkeypatch.setattr(recorder, "INSERT_SQL", "INSERT INTO missing_table VALUES (%s)")

    result = _plugin().order_cancelled(_order(), previous_value=PREVIOUS)

    assert result is PREVIOUS
    assert "could not record order_cancelled" in caplog.text


def _configuration(**values):
    return SimpleNamespace(configuration=[{"name": k, "value": v} for k, v in values.items()])


def test_validation_accepts_the_defaults(db):
    SupportPlugin.validate_plugin_configuration(
        _configuration(**{i["name"]: i["value"] for i in SupportPlugin.DEFAULT_CONFIGURATION})
    )


def test_validation_names_every_bad_field(db):
    with pytest.raises(ValidationError) as error:
        SupportPlugin.validate_plugin_configuration(
            _configuration(
                open_on_refund="maybe",
                event_defaults="refund: fast, refund\nreturn: high, returns\nhello",
                acknowledgement_message="Hi {name}",
            )
        )

    assert error.value.message_dict == {
        "open_on_refund": ["'maybe' is not true or false"],
        "event_defaults": [
            "line 1: unknown priority 'fast'; line 2: unknown category 'returns';"
            " line 3: write 'event: priority, category'"
        ],
        "acknowledgement_message": ["unknown placeholder {name}"],
    }
    assert {e.code for e in error.value.error_dict["open_on_refund"]} == {"invalid"}


def test_every_intake_kind_has_a_switch():
    switches = {f.name for f in CONFIG_FIELDS if f.name.startswith("open_on_")}
    assert switches == {f"open_on_{kind}" for kind in IntakeKind.ALL}

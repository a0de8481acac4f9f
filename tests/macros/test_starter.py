"""The starter macros: created once, and every text renders for a real ticket."""

import pytest
from django.core.management import call_command

from saleor_support_plugin.macros.actions import apply_macro
from saleor_support_plugin.macros.models import Macro
from saleor_support_plugin.macros.starter import STARTER_MACROS, create_starter_macros
from saleor_support_plugin.tickets.actors import Actor


def test_starter_macros_are_created_once(db):
    first = create_starter_macros()
    second = create_starter_macros()

    assert [m.name for m in first] == [s.name for s in STARTER_MACROS]
    assert second == []
    assert Macro.objects.count() == len(STARTER_MACROS)


@pytest.mark.parametrize("language", ["en", "ro", "pl", "fa"])
def test_every_starter_text_renders_for_a_ticket(order_ticket_generator, lead, language):
    # given
    macros = create_starter_macros()

    # when
    bodies = [
        apply_macro(order_ticket_generator(language=language), macro, actor=Actor.user(lead.pk))
        for macro in macros
    ]

    # then
    assert [applied.plan.language_code for applied in bodies] == [language.replace("en", "")] * len(
        macros
    )
    assert all("{{" not in applied.message.body for applied in bodies)
    assert "Irina" in bodies[0].message.body


def test_starter_texts_are_written_with_the_right_letters():
    for starter in STARTER_MACROS:
        assert set(starter.translations) == {"", "ro", "pl", "fa"}
        assert not set(starter.translations["ro"]) & set("şţŞŢ")
        assert not set(starter.translations["fa"]) & {"\u064a", "\u0643"}


def test_the_sandbox_simulation_seeds_them(db):
    call_command("simulate_store", days=1, orders_per_day=0, seed=1, quiet=True)

    assert sorted(Macro.objects.values_list("name", flat=True)) == sorted(
        s.name for s in STARTER_MACROS
    )

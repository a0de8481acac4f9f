"""Every variable, rendered for a ticket with an order, in English, Romanian, Polish and Persian."""

import pytest

from saleor_support_plugin.macros.error_codes import MacroError, MacroErrorCode
from saleor_support_plugin.macros.planning import plan_macro
from saleor_support_plugin.macros.variables import VARIABLE_NAMES, VARIABLES
from saleor_support_plugin.tickets import actions as ticket_actions
from saleor_support_plugin.tickets import erasure
from saleor_support_plugin.tickets.actors import Actor

EVERY_VARIABLE = "<p>" + "|".join(f"{{{{ {v.name} }}}}" for v in VARIABLES) + "</p>"
GREETINGS = {
    "": "<p>Hello {{ customer.first_name }},</p>",
    "ro": "<p>Bună ziua, {{ customer.first_name }},</p>",
    "pl": "<p>Dzień dobry, {{ customer.first_name }},</p>",
    "fa": "<p>سلام {{ customer.first_name }} عزیز،</p><p>می\u200cتوانید بسته را دنبال کنید.</p>",
}


def _every_variable_macro(macro_generator):
    return macro_generator(
        translations={code: greeting + EVERY_VARIABLE for code, greeting in GREETINGS.items()}
    )


def _expected(ticket, greeting, values):
    return greeting + "<p>" + "|".join(values) + "</p>"


def test_the_catalogue_names_every_variable_once_with_a_description():
    names = [variable.name for variable in VARIABLES]

    assert len(names) == len(set(names)) == len(VARIABLE_NAMES) == 14
    assert all(variable.description and variable.example for variable in VARIABLES)


@pytest.mark.parametrize(
    ("language", "greeting", "localised"),
    [
        (
            None,
            "<p>Bună ziua, Ana,</p>",
            [
                "înregistrată",
                "expediată",
                "RO123456789, RO987654321",
                "2 × Pantofi sport (Mărimea 42)<br>1 × Kurtka zimowa (L)<br>12 × شال گردن",
                "1.234,50&nbsp;lei",
                "59,50&nbsp;lei",
            ],
        ),
        (
            "",
            "<p>Hello Ana,</p>",
            [
                "received",
                "shipped",
                "RO123456789, RO987654321",
                "2 × Pantofi sport (Mărimea 42)<br>1 × Kurtka zimowa (L)<br>12 × شال گردن",
                "RON&nbsp;1,234.50",
                "RON&nbsp;59.50",
            ],
        ),
        (
            "pl",
            "<p>Dzień dobry, Ana,</p>",
            [
                "przyjęte",
                "wysłane",
                "RO123456789, RO987654321",
                "2 × Pantofi sport (Mărimea 42)<br>1 × Kurtka zimowa (L)<br>12 × شال گردن",
                "1234,50&nbsp;RON",
                "59,50&nbsp;RON",
            ],
        ),
        (
            "fa",
            "<p>سلام Ana عزیز،</p><p>می\u200cتوانید بسته را دنبال کنید.</p>",
            [
                "ثبت شده",
                "ارسال شده",
                "RO123456789، RO987654321",
                "۲ × Pantofi sport (Mărimea 42)<br>۱ × Kurtka zimowa (L)<br>۱۲ × شال گردن",
                "۱٬۲۳۴٫۵۰&nbsp;لئو",
                "۵۹٫۵۰&nbsp;لئو",
            ],
        ),
    ],
    ids=["ro-by-ticket", "default", "pl", "fa"],
)
def test_every_variable_is_written_in_the_texts_language(
    macro_generator, order_ticket, lead, language, greeting, localised
):
    # given
    macro = _every_variable_macro(macro_generator)
    ticket_status, order_status, tracking, items, total, refunded = localised

    # when
    plan = plan_macro(order_ticket, macro, actor=Actor.user(lead.pk), language=language)

    # then
    assert plan.language_code == ("ro" if language is None else language)
    assert plan.body == _expected(
        order_ticket,
        greeting,
        [
            "Ana",
            "Ana Popescu",
            "ana.popescu@example.com",
            str(order_ticket.number),
            "Unde este coletul meu?",
            ticket_status,
            "1007",
            order_status,
            tracking,
            items,
            total,
            refunded,
            "Irina",
            "Irina Vasile",
        ],
    )


def test_a_language_without_a_text_falls_back_to_its_family_then_the_default(
    macro_generator, order_ticket_generator, lead
):
    # given
    macro = macro_generator(
        translations={
            "": "<p>Hi {{ customer.first_name }}</p>",
            "pt": "<p>Olá {{ customer.first_name }}</p>",
        }
    )
    brazilian = order_ticket_generator(language="pt-BR")
    german = order_ticket_generator(language="de")
    actor = Actor.user(lead.pk)

    # when
    for_brazil = plan_macro(brazilian, macro, actor=actor)
    for_germany = plan_macro(german, macro, actor=actor)

    # then
    assert (for_brazil.language_code, for_brazil.body) == ("pt", "<p>Olá Ana</p>")
    assert (for_germany.language_code, for_germany.body) == ("", "<p>Hi Ana</p>")


def test_a_language_asked_for_without_a_text_is_refused(macro_generator, order_ticket, lead):
    macro = macro_generator()

    with pytest.raises(MacroError) as error:
        plan_macro(order_ticket, macro, actor=Actor.user(lead.pk), language="pl")

    assert error.value.code == MacroErrorCode.NO_TRANSLATION
    assert error.value.field == "language"
    assert error.value.message == "The macro has no text in 'pl'."


def test_the_default_text_writes_money_in_the_desks_language(
    macro_generator, order_ticket_generator, lead, settings
):
    # given
    settings.SUPPORT_DESK = {**settings.SUPPORT_DESK, "LANGUAGE_CODE": "pl"}
    macro = macro_generator(translations={"": "<p>{{ order.total }}</p>"})
    ticket = order_ticket_generator(language="de")

    # when
    plan = plan_macro(ticket, macro, actor=Actor.user(lead.pk))

    # then
    assert plan.body == "<p>1234,50&nbsp;RON</p>"


def test_a_customer_name_with_markup_comes_out_escaped(
    macro_generator, order_ticket_generator, order_snapshot_generator, lead
):
    # given
    name = '<script>alert("hi")</script>'
    ticket = order_ticket_generator(
        name=name, snapshot=order_snapshot_generator(first_name=name, last_name="")
    )
    macro = macro_generator(
        translations={"": "<p>Hi {{ customer.first_name }} / {{ customer.name }}</p>"}
    )

    # when
    plan = plan_macro(ticket, macro, actor=Actor.user(lead.pk))

    # then
    escaped = '&lt;script&gt;alert("hi")&lt;/script&gt;'
    assert plan.body == f"<p>Hi {escaped} / {escaped}</p>"


def test_without_an_order_name_the_first_word_of_the_customer_name_is_used(
    macro_generator, order_ticket_generator, lead
):
    ticket = order_ticket_generator(name="مریم احمدی", with_order=False, language="fa")
    macro = macro_generator(translations={"": "<p>{{ customer.first_name }}</p>"})

    plan = plan_macro(ticket, macro, actor=Actor.user(lead.pk))

    assert plan.body == "<p>مریم</p>"


@pytest.mark.parametrize(
    ("variable", "reason"),
    [
        ("order.status", "the ticket is not about an order"),
        ("order.number", "the ticket is not about an order"),
        ("order.items", "the ticket is not about an order"),
        ("order.total", "the ticket is not about an order"),
    ],
)
def test_order_variables_of_a_ticket_without_an_order_have_no_value(
    macro_generator, order_ticket_generator, lead, variable, reason
):
    # given
    ticket = order_ticket_generator(with_order=False)
    macro = macro_generator(translations={"": f"<p>Your order: {{{{ {variable} }}}}</p>"})

    # when
    with pytest.raises(MacroError) as error:
        plan_macro(ticket, macro, actor=Actor.user(lead.pk))

    # then
    assert error.value.code == MacroErrorCode.MISSING_VALUE
    assert error.value.field == "macroId"
    assert error.value.variable == variable
    assert error.value.message == (
        f"{{{{ {variable} }}}} at line 1, column 16 of the default text has no value for this"
        f" ticket: {reason}."
    )


@pytest.mark.parametrize(
    ("snapshot_changes", "variable", "reason"),
    [
        (
            {"fulfillments": []},
            "order.tracking_numbers",
            "no shipment of the order has a tracking number",
        ),
        ({"lines": []}, "order.items", "the order has no items"),
        ({"refunded": "0.000"}, "order.refunded", "nothing was refunded on the order"),
        ({"status": "weird"}, "order.status", "the order's status 'weird' has no wording"),
    ],
)
def test_order_variables_without_a_value_for_this_order_fail(
    macro_generator,
    order_ticket_generator,
    order_snapshot_generator,
    lead,
    snapshot_changes,
    variable,
    reason,
):
    ticket = order_ticket_generator(snapshot=order_snapshot_generator(**snapshot_changes))
    macro = macro_generator(translations={"": f"{{{{ {variable} }}}}"})

    with pytest.raises(MacroError) as error:
        plan_macro(ticket, macro, actor=Actor.user(lead.pk))

    assert error.value.code == MacroErrorCode.MISSING_VALUE
    assert error.value.message.endswith(f"has no value for this ticket: {reason}.")


def test_an_agent_without_a_name_and_an_app_have_no_agent_name(
    macro_generator, order_ticket, agent
):
    macro = macro_generator(translations={"": "<p>{{ agent.first_name }}</p>"})

    for actor in (Actor.user(agent.pk), Actor()):
        with pytest.raises(MacroError) as error:
            plan_macro(order_ticket, macro, actor=actor)
        assert error.value.code == MacroErrorCode.MISSING_VALUE
        assert error.value.message.endswith("the agent's name is not known.")


def test_an_erased_customer_has_no_name_or_email(macro_generator, order_ticket, lead):
    # given
    erasure.anonymise_customer(user_id=None, email="ana.popescu@example.com", actor=Actor.system())
    order_ticket.refresh_from_db()
    macro = macro_generator(translations={"": "<p>Hi {{ customer.first_name }}</p>"})

    # when
    with pytest.raises(MacroError) as error:
        plan_macro(order_ticket, macro, actor=Actor.user(lead.pk))

    # then
    assert error.value.code == MacroErrorCode.MISSING_VALUE
    assert error.value.message.endswith("the customer's data was erased.")


def test_the_ticket_status_is_the_one_before_the_macro(macro_generator, order_ticket, lead):
    ticket_actions.change_status(order_ticket, "pending", actor=Actor.user(lead.pk))
    order_ticket.refresh_from_db()
    macro = macro_generator(
        translations={"": "<p>{{ ticket.status }}</p>", "ro": "<p>{{ ticket.status }}</p>"}
    )

    plan = plan_macro(order_ticket, macro, actor=Actor.user(lead.pk))

    assert plan.body == "<p>în așteptarea răspunsului dumneavoastră</p>"

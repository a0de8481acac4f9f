"""The placeholder syntax and the renderer, without a database."""

import ast
from pathlib import Path

import pytest

import saleor_support_plugin
from saleor_support_plugin.macros.error_codes import MacroError, MacroErrorCode
from saleor_support_plugin.macros.rendering import (
    Lines,
    Missing,
    Value,
    check_template,
    parse,
    render,
)

VALUES: dict[str, Value] = {
    "customer.first_name": "Ana",
    "order.number": "1007",
    "order.items": Lines(("2 × Pantofi sport (Mărimea 42)", "1 × Kurtka zimowa (L)")),
    "order.tracking_numbers": Missing("no shipment of the order has a tracking number"),
}


def test_placeholders_are_filled_in_with_or_without_spaces():
    template = (
        "<p>Hello {{customer.first_name}}, order #{{ order.number }} ({{  order.number\t}})</p>"
    )

    assert render(template, VALUES) == "<p>Hello Ana, order #1007 (1007)</p>"


def test_lines_are_written_one_per_line():
    assert render("<p>{{ order.items }}</p>", VALUES) == (
        "<p>2 × Pantofi sport (Mărimea 42)<br>1 × Kurtka zimowa (L)</p>"
    )


def test_text_outside_placeholders_is_left_exactly_as_written():
    template = "<p>سلام {{ customer.first_name }} عزیز، می\u200cتوانید {single} }} {x}</p>"

    assert render(template, VALUES) == ("<p>سلام Ana عزیز، می\u200cتوانید {single} }} {x}</p>")


def test_values_are_escaped_for_html():
    values: dict[str, Value] = {
        "customer.first_name": '<script>alert("x")</script> & Co',
        "order.items": Lines(("<b>1</b> × A&B",)),
    }

    rendered = render("<p>{{ customer.first_name }}: {{ order.items }}</p>", values)

    assert rendered == (
        "<p>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Co:"
        " &lt;b&gt;1&lt;/b&gt; × A&amp;B</p>"
    )


def test_a_value_that_looks_like_a_placeholder_is_not_filled_in_again():
    values: dict[str, Value] = {
        "customer.first_name": "{{ order.number }}",
        "order.number": "1007",
    }

    assert render("{{ customer.first_name }}", values) == "{{ order.number }}"


def test_an_unknown_variable_is_named_with_its_position():
    template = "<p>Hello,</p>\n<p>the total is {{ order.totl }}.</p>"

    with pytest.raises(MacroError) as error:
        render(template, VALUES, language="ro")

    assert error.value.code == MacroErrorCode.UNKNOWN_VARIABLE
    assert error.value.message == (
        "Unknown variable {{ order.totl }} at line 2, column 17 of the ro text."
    )
    assert (error.value.variable, error.value.language) == ("order.totl", "ro")
    assert (error.value.line, error.value.column) == (2, 17)


def test_a_missing_value_fails_instead_of_leaving_a_blank():
    with pytest.raises(MacroError) as error:
        render("Track it: {{ order.tracking_numbers }}", VALUES)

    assert error.value.code == MacroErrorCode.MISSING_VALUE
    assert error.value.message == (
        "{{ order.tracking_numbers }} at line 1, column 11 of the default text has no value"
        " for this ticket: no shipment of the order has a tracking number."
    )
    assert error.value.variable == "order.tracking_numbers"
    assert (error.value.line, error.value.column) == (1, 11)


@pytest.mark.parametrize(
    ("template", "column", "snippet"),
    [
        ("Hi {{ customer.first_name }", 4, "{{ customer.first_name }"),
        ("Hi {{ }}", 4, "{{ }}"),
        ("Hi {{ Customer.Name }}", 4, "{{ Customer.Name }}"),
        ("Hi {{ order.number | upper }}", 4, "{{ order.number | upper }}"),
        ("Hi {{ order.\nnumber }}", 4, "{{ order."),
        ("Hi {{{ order.number }}}", 4, "{{{ order.number }}}"),
        ("ok {{ order.number }} then {{", 28, "{{"),
    ],
)
def test_a_malformed_placeholder_is_refused(template, column, snippet):
    with pytest.raises(MacroError) as error:
        parse(template)

    assert error.value.code == MacroErrorCode.INVALID_PLACEHOLDER
    assert error.value.message == (
        f"'{snippet}' at line 1, column {column} of the default text is not a placeholder:"
        " write a variable name between {{ and }}, such as {{ customer.first_name }}."
    )
    assert (error.value.line, error.value.column) == (1, column)


def test_check_template_lists_the_placeholders_in_order():
    placeholders = check_template(
        "{{ order.number }}\n  {{ customer.first_name }}", {"order.number", "customer.first_name"}
    )

    assert [(p.name, p.line, p.column) for p in placeholders] == [
        ("order.number", 1, 1),
        ("customer.first_name", 2, 3),
    ]


@pytest.mark.parametrize("module", ["rendering", "locale", "variables", "error_codes"])
def test_rendering_is_pure_python(module):
    path = Path(saleor_support_plugin.__file__).parent / "macros" / f"{module}.py"
    imported = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            imported |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and not node.level:
            imported.add((node.module or "").split(".")[0])

    assert imported <= {"collections", "dataclasses", "decimal", "enum", "html", "re", "typing"}

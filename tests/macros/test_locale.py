"""Money, numbers and status wording in the languages macros are written in."""

from decimal import Decimal

import pytest

from saleor_support_plugin.macros.locale import (
    LOCALES,
    format_money,
    format_number,
    language_candidates,
    locale_for,
)

NBSP = "\u00a0"


@pytest.mark.parametrize(
    ("language", "amount", "currency", "expected"),
    [
        ("en", "1234.5", "EUR", "€1,234.50"),
        ("en", "1234.5", "RON", f"RON{NBSP}1,234.50"),
        ("en", "0.995", "USD", "$1.00"),
        ("en", "1234567.891", "GBP", "£1,234,567.89"),
        ("ro", "1234.5", "RON", f"1.234,50{NBSP}lei"),
        ("ro", "999.994", "EUR", f"999,99{NBSP}€"),
        ("ro", "1234.5", "PLN", f"1.234,50{NBSP}PLN"),
        ("pl", "1234.5", "PLN", f"1234,50{NBSP}zł"),
        ("pl", "12345.678", "PLN", f"12{NBSP}345,68{NBSP}zł"),
        ("pl", "1234567", "EUR", f"1{NBSP}234{NBSP}567,00{NBSP}€"),
        ("fa", "1234.5", "EUR", f"۱٬۲۳۴٫۵۰{NBSP}یورو"),
        ("fa", "1500000", "IRR", f"۱٬۵۰۰٬۰۰۰{NBSP}ریال"),
        ("fa", "59.5", "RON", f"۵۹٫۵۰{NBSP}لئو"),
        ("fa", "12", "CHF", f"۱۲٫۰۰{NBSP}CHF"),
        ("en", "1500000.4", "IRR", f"IRR{NBSP}1,500,000"),
        ("en", "1.2345", "KWD", f"KWD{NBSP}1.235"),
        ("de", "1234.5", "EUR", "€1,234.50"),
        ("pt-BR", "1", "EUR", "€1.00"),
        ("ro-MD", "1234.5", "RON", f"1.234,50{NBSP}lei"),
    ],
)
def test_money_is_written_the_way_the_language_writes_it(language, amount, currency, expected):
    assert format_money(amount, currency, locale_for(language)) == expected


def test_negative_amounts_keep_their_sign():
    assert format_money(Decimal("-1234.5"), "EUR", locale_for("ro")) == f"-1.234,50{NBSP}€"


@pytest.mark.parametrize("amount", ["abc", "NaN", "Infinity", ""])
def test_an_amount_that_is_not_a_number_is_refused(amount):
    with pytest.raises(ValueError, match="is not an amount"):
        format_money(amount, "EUR", locale_for("en"))


def test_persian_numbers_use_persian_digits():
    assert format_number(Decimal(1234567), locale_for("fa"), decimals=0) == "۱٬۲۳۴٬۵۶۷"


@pytest.mark.parametrize(
    ("code", "expected"),
    [("pt_BR", ["pt-br", "pt"]), (" RO ", ["ro"]), ("", []), ("zh-Hant-TW", ["zh-hant-tw", "zh"])],
)
def test_language_candidates_go_from_the_code_to_its_family(code, expected):
    assert language_candidates(code) == expected


@pytest.mark.parametrize("code", sorted(LOCALES))
def test_every_language_words_every_status(code):
    locale = LOCALES[code]

    assert set(locale.ticket_statuses) == set(LOCALES["en"].ticket_statuses)
    assert set(locale.order_statuses) == set(LOCALES["en"].order_statuses)
    assert all(locale.ticket_statuses.values())
    assert all(locale.order_statuses.values())


def test_romanian_and_persian_wording_use_the_right_letters():
    romanian = " ".join(LOCALES["ro"].ticket_statuses.values())
    romanian += " ".join(LOCALES["ro"].order_statuses.values())
    persian = " ".join(
        [*LOCALES["fa"].ticket_statuses.values(), *LOCALES["fa"].order_statuses.values()]
    )
    persian += " ".join(LOCALES["fa"].currency_signs.values())

    assert not set(romanian) & set("şţŞŢ")
    assert "ș" in romanian
    assert not set(persian) & {"\u064a", "\u0643"}  # Arabic yeh and kaf
    assert "\u06cc" in persian  # Persian yeh

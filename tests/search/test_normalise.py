"""Normalisation of indexed and searched text: pure functions, no database."""

import pytest

from saleor_support_plugin.search.documents import (
    SECTION_SEPARATOR,
    message_search_text,
    ticket_search_text,
)
from saleor_support_plugin.search.normalise import normalise_text


@pytest.mark.parametrize(
    ("arabic", "persian"),
    [
        ("علي", "علی"),  # ARABIC YEH -> FARSI YEH
        ("موسى", "موسی"),  # ALEF MAKSURA -> FARSI YEH
        ("كتاب", "کتاب"),  # ARABIC KAF -> KEHEH
        ("كيف", "کیف"),  # both at once
    ],
)
def test_arabic_letter_forms_become_persian(arabic, persian):
    assert normalise_text(arabic) == persian
    assert normalise_text(persian) == persian


def test_tatweel_is_dropped():
    assert normalise_text("ســـلام") == "سلام"


def test_harakat_are_dropped():
    assert normalise_text("سَلامٌ عَلَيْكُم") == normalise_text("سلام علیکم")
    assert normalise_text("سَلامٌ عَلَيْكُم") == "سلام علیکم"


@pytest.mark.parametrize(
    ("digits", "ascii_digits"),
    [
        ("۱۲۳۴۵۶۷۸۹۰", "1234567890"),  # Persian
        ("١٢٣٤٥٦٧٨٩٠", "1234567890"),  # Arabic-Indic
        ("سفارش ۱۰۴۲", "سفارش 1042"),
    ],
)
def test_persian_and_arabic_indic_digits_become_ascii(digits, ascii_digits):
    assert normalise_text(digits) == ascii_digits


def test_zwnj_joins_the_word():
    # ZWNJ policy: removed, so the word is written as one either way; a space still splits.
    assert normalise_text("می\u200cخواهم") == "میخواهم"
    assert normalise_text("میخواهم") == "میخواهم"
    assert normalise_text("می خواهم") == "می خواهم"


def test_other_invisible_marks_are_dropped():
    assert normalise_text("\ufeffab\u200dc\u200e\u200fd\u200b") == "abcd"


def test_presentation_forms_fold_to_letters():
    # ARABIC LETTER KAF INITIAL FORM + YEH FINAL FORM: NFKC, then the Persian letters.
    assert normalise_text("\ufedb\ufef2") == "کی"


def test_wide_punctuation_becomes_space_and_typographic_quotes_become_quotes():
    assert normalise_text("سلام،دنیا؟") == "سلام دنیا"
    assert normalise_text("„kurtka zimowa”") == '"kurtka zimowa"'
    assert normalise_text("«livrare»") == '"livrare"'


def test_ascii_punctuation_and_operators_stay():
    assert normalise_text('"colet pierdut" or -retur ana.pop@example.ro') == (
        '"colet pierdut" or -retur ana.pop@example.ro'
    )


def test_whitespace_runs_become_one_space():
    assert normalise_text("  Gdzie\t jest\n\nmoja\u00a0paczka?  ") == "Gdzie jest moja paczka?"


def test_latin_letters_keep_their_accents_for_the_database():
    # Diacritics are left to unaccent in PostgreSQL; only the composition is fixed here.
    assert normalise_text("s\u0327i t\u0326") == "şi ț"
    assert normalise_text("Łódź") == "Łódź"


def test_ticket_text_has_one_line_per_weight():
    # when
    text = ticket_search_text(
        subject="Colet  pierdut",
        order_number="1042",
        order_snapshot={"lines": [{"sku": "KTL-01", "product_name": "Ceainic\u00a0alb"}]},
        customer_email="ana.pop@example.ro",
        customer_name="Ana Popescu",
    )

    # then
    primary, secondary = text.split(SECTION_SEPARATOR)
    assert primary == "Colet pierdut 1042 KTL-01"
    assert secondary == "ana.pop@example.ro ana pop example ro Ana Popescu Ceainic alb"


def test_ticket_text_without_order_or_customer():
    assert ticket_search_text(subject="Hello") == f"Hello{SECTION_SEPARATOR}"


def test_message_text_is_the_plain_text_of_the_html():
    html = '<p>Colet &amp; <a href="https://x.ro">factură</a></p><ul><li>ş<strong>i</strong></li>'
    html += "<li>doi</li></ul>trei<br>patru"
    assert message_search_text(html) == "Colet & factură şi doi trei patru"

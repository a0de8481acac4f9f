import ast
import gettext
import re
from collections import Counter
from datetime import timedelta
from pathlib import Path

import pytest
from django.utils import timezone

import saleor_support_plugin
from saleor_support_plugin.tickets.models import Ticket

LOCALE_DIR = Path(saleor_support_plugin.__file__).resolve().parent / "locale"
LANGUAGES = ["ro", "pl", "fa"]
PLACEHOLDER = re.compile(r"#?%\(\w+\)s")


def _unquote(line: str) -> str:
    return ast.literal_eval(line)


def _catalogue(lang: str) -> list[dict]:
    """Entries of the language's django.po: msgid, msgstr and flags, header included."""
    entries: list[dict] = []
    entry: dict = {"flags": set()}
    field = None
    text = (LOCALE_DIR / lang / "LC_MESSAGES" / "django.po").read_text(encoding="utf-8")
    for line in [*text.splitlines(), ""]:
        if not line.strip():
            if "msgid" in entry:
                entries.append(entry)
            entry, field = {"flags": set()}, None
        elif line.startswith("#,"):
            entry["flags"].update(flag.strip() for flag in line[2:].split(","))
        elif line.startswith("#"):
            continue
        elif line.startswith(("msgid ", "msgstr ")):
            field, _, value = line.partition(" ")
            entry[field] = _unquote(value)
        else:
            assert field is not None, line
            entry[field] += _unquote(line)
    return entries


EXPECTED = {
    "ro": (
        "Comanda #{number} a fost anulată",
        "Comanda #{number} a fost anulată.",
    ),
    "pl": (
        "Zamówienie #{number} zostało anulowane",
        "Zamówienie #{number} zostało anulowane.",
    ),
    "fa": (
        "سفارش #{number} لغو شد",
        "سفارش #{number} لغو شد.",
    ),
}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_cancellation_ticket_is_written_in_the_desk_language(
    lang, settings, order_generator, store, drain
):
    # given
    settings.SUPPORT_DESK = {**settings.SUPPORT_DESK, "LANGUAGE_CODE": lang}
    order = order_generator(at=timezone.now() - timedelta(hours=2))

    # when
    store.cancel_order(order, at=order.created_at + timedelta(minutes=1))
    processed = drain()

    # then
    assert processed == 1
    ticket = Ticket.objects.get()
    subject, note = EXPECTED[lang]
    assert ticket.subject == subject.format(number=order.number)
    notes = list(ticket.messages.values_list("author_type", "is_internal", "body"))
    assert notes == [("system", True, f"<p>{note.format(number=order.number)}</p>")]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_message_is_translated_with_its_placeholders(lang):
    entries = _catalogue(lang)
    header, messages = entries[0], entries[1:]
    assert header["msgid"] == ""
    assert f"Language: {lang}\n" in header["msgstr"]
    assert "charset=UTF-8" in header["msgstr"]
    assert messages
    for entry in entries:
        assert "fuzzy" not in entry["flags"], entry["msgid"]
    for entry in messages:
        assert entry["msgstr"], entry["msgid"]
        assert Counter(PLACEHOLDER.findall(entry["msgstr"])) == Counter(
            PLACEHOLDER.findall(entry["msgid"])
        ), entry["msgid"]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_compiled_catalogue_matches_the_po_file(lang):
    with (LOCALE_DIR / lang / "LC_MESSAGES" / "django.mo").open("rb") as mo:
        compiled = gettext.GNUTranslations(mo)
    for entry in _catalogue(lang)[1:]:
        assert compiled.gettext(entry["msgid"]) == entry["msgstr"]


def test_romanian_uses_comma_below_letters():
    text = (LOCALE_DIR / "ro" / "LC_MESSAGES" / "django.po").read_text(encoding="utf-8")
    assert not set(text) & set("şţŞŢ")
    assert "ș" in text


def test_persian_uses_persian_letters():
    text = (LOCALE_DIR / "fa" / "LC_MESSAGES" / "django.po").read_text(encoding="utf-8")
    assert not set(text) & {"\u064a", "\u0643"}  # Arabic yeh, Arabic kaf
    assert "\u06cc" in text  # Persian yeh
    assert "\u06a9" in text  # Persian keheh
    assert "می\u200cشود" in text

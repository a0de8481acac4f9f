"""Search in Romanian, Polish, Persian and English: exact sets of tickets found."""

import pytest

from saleor_support_plugin.search.queries import search_tickets
from saleor_support_plugin.tickets.models import Ticket


def found(text):
    return {t.subject for t in search_tickets(Ticket.objects.all(), text)}


@pytest.fixture
def romanian(searchable_ticket):
    # ş (U+015F, cedilla) and ţ (U+0163) are what older keyboards type; ș (U+0219, comma)
    # and ț (U+021B) are correct Romanian. Both are stored as written.
    searchable_ticket("Factură greşită", message="Suma de plată este greşită.")
    searchable_ticket("Rambursare întârziată", message="Aştept banii de două săptămâni.")
    searchable_ticket("Colet deteriorat", message="Țeava de plastic s-a spart în cutie.")
    searchable_ticket("Livrare", message="Curierul nu a sunat, mulţumesc pentru ajutor.")


@pytest.mark.parametrize(
    ("text", "subjects"),
    [
        ("greşită", {"Factură greşită"}),  # as written, cedilla
        ("greșită", {"Factură greşită"}),  # comma below
        ("gresita", {"Factură greşită"}),  # no diacritics
        ("GREȘITĂ", {"Factură greşită"}),
        ("întârziată", {"Rambursare întârziată"}),
        ("intarziata", {"Rambursare întârziată"}),
        ("aștept", {"Rambursare întârziată"}),  # message, comma vs stored cedilla
        ("astept", {"Rambursare întârziată"}),
        ("ţeava", {"Colet deteriorat"}),  # message, cedilla vs stored comma
        ("țeava", {"Colet deteriorat"}),
        ("teava", {"Colet deteriorat"}),
        ("mulțumesc", {"Livrare"}),
        ("multumesc", {"Livrare"}),
        ("factura", {"Factură greşită"}),
        ("colet livrare", set()),  # both words must be in one ticket or one message
    ],
)
def test_romanian_with_and_without_diacritics(romanian, text, subjects):
    assert found(text) == subjects


@pytest.fixture
def polish(searchable_ticket):
    searchable_ticket("Paczka zaginęła", message="Zamówienie nie dotarło do Łodzi.")
    searchable_ticket("Zwrot pieniędzy", message="Proszę o zwrot za źle dobrany rozmiar.")
    searchable_ticket("Reklamacja", message="Kurtka zimowa ma rozdarty rękaw.", name="Łukasz Żak")


@pytest.mark.parametrize(
    ("text", "subjects"),
    [
        ("zaginęła", {"Paczka zaginęła"}),
        ("zaginela", {"Paczka zaginęła"}),
        ("ZAGINĘŁA", {"Paczka zaginęła"}),
        ("łodzi", {"Paczka zaginęła"}),
        ("lodzi", {"Paczka zaginęła"}),
        ("pieniedzy", {"Zwrot pieniędzy"}),
        ("zle", {"Zwrot pieniędzy"}),
        ("zwrot", {"Zwrot pieniędzy"}),
        ("rekaw", {"Reklamacja"}),
        ("lukasz zak", {"Reklamacja"}),  # customer name
        ("paczka", {"Paczka zaginęła"}),
        ("paczki", set()),  # no stemming: simple configuration, whole words
    ],
)
def test_polish(polish, text, subjects):
    assert found(text) == subjects


@pytest.fixture
def persian(searchable_ticket, order_info):
    # Stored with Arabic letter forms (ي U+064A, ك U+0643), tatweel and harakat.
    searchable_ticket("سفارش من كجاست", message="لطفا پيگيري كنيد")
    # Stored with Persian forms (ی U+06CC, ک U+06A9).
    searchable_ticket("بازگشت کالا", message="کیف چرمی آسیب دیده است")
    searchable_ticket("ســـلام", message="سَلامٌ، مرسوله با کد ۷۸۹۱۲ نرسید")
    searchable_ticket("درخواست", message="می\u200cخواهم سفارش را لغو کنم")
    searchable_ticket("پرداخت", order=order_info("1042"))


@pytest.mark.parametrize(
    ("text", "subjects"),
    [
        ("کجاست", {"سفارش من كجاست"}),  # Persian kaf finds Arabic kaf
        ("كجاست", {"سفارش من كجاست"}),  # Arabic kaf as stored
        ("پیگیری", {"سفارش من كجاست"}),  # Persian yeh finds Arabic yeh
        ("پيگيري", {"سفارش من كجاست"}),
        ("كيف", {"بازگشت کالا"}),  # Arabic forms find Persian forms
        ("کیف", {"بازگشت کالا"}),
        ("سلام", {"ســـلام"}),  # subject with tatweel, message with harakat
        ("سَلام", {"ســـلام"}),  # harakat in the query
        ("سـلام", {"ســـلام"}),  # tatweel in the query
        ("78912", {"ســـلام"}),  # Persian digits stored, ASCII searched
        ("۷۸۹۱۲", {"ســـلام"}),
        ("٧٨٩١٢", {"ســـلام"}),  # Arabic-Indic digits
        ("میخواهم", {"درخواست"}),  # ZWNJ policy: joined either way
        ("می\u200cخواهم", {"درخواست"}),
        ("۱۰۴۲", {"پرداخت"}),  # order number in Persian digits
        ("مرسوله", {"ســـلام"}),  # next to an Arabic comma
    ],
)
def test_persian(persian, text, subjects):
    assert found(text) == subjects


@pytest.fixture
def english(searchable_ticket):
    searchable_ticket("Blue kettle broken")
    searchable_ticket("Red kettle missing")
    searchable_ticket("Blue mug broken")
    searchable_ticket("Delivery question", message="The kettle is blue but arrived broken.")


@pytest.mark.parametrize(
    ("text", "subjects"),
    [
        ('"blue kettle"', {"Blue kettle broken"}),
        ("blue kettle", {"Blue kettle broken", "Delivery question"}),
        ('"kettle blue"', set()),
        (
            "kettle or mug",
            {"Blue kettle broken", "Red kettle missing", "Blue mug broken", "Delivery question"},
        ),
        (
            "kettle OR mug",
            {"Blue kettle broken", "Red kettle missing", "Blue mug broken", "Delivery question"},
        ),
        ("kettle -red", {"Blue kettle broken", "Delivery question"}),
        ("broken -mug", {"Blue kettle broken", "Delivery question"}),
        ('"blue mug" or missing', {"Blue mug broken", "Red kettle missing"}),
        ("“blue kettle”", {"Blue kettle broken"}),  # typographic quotes
        ("teapot", set()),
    ],
)
def test_websearch_operators(english, text, subjects):
    assert found(text) == subjects


@pytest.mark.parametrize(
    "text",
    ['"unclosed', "or or", "-", "!!! & | :* ()", "a:*", "'", "\\", "kettle & (", '""'],
)
def test_any_user_syntax_is_a_search_never_an_error(english, text):
    # then: no exception, and nothing but kettle tickets can come back
    assert found(text) <= {"Blue kettle broken", "Red kettle missing", "Delivery question"}

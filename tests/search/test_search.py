"""What search finds and in which order: fragments, ranking, bounds and fresh writes."""

import pytest

from saleor_support_plugin.search import queries
from saleor_support_plugin.search.queries import RANK, identifier_fragment, search_tickets
from saleor_support_plugin.tickets import MessageAuthorType
from saleor_support_plugin.tickets.actions import add_message, refresh_order_snapshot
from saleor_support_plugin.tickets.actors import Actor
from saleor_support_plugin.tickets.erasure import anonymise_customer
from saleor_support_plugin.tickets.models import Ticket
from tests.search.conftest import order_info


def found(text):
    return {t.subject for t in search_tickets(Ticket.objects.all(), text)}


def ranked(text):
    rows = search_tickets(Ticket.objects.all(), text).order_by(f"-{RANK}", "-id")
    return [t.subject for t in rows]


@pytest.fixture
def orders(searchable_ticket):
    searchable_ticket("Order A", email="ana.popescu@example.ro", order=order_info("10423"))
    searchable_ticket("Order B", email="jan.kowalski@example.pl", order=order_info("20423"))
    searchable_ticket(
        "Order C", email="reza@example.ir", order=order_info("30999", skus=("KTL-BLUE-01",))
    )


@pytest.mark.parametrize(
    ("text", "subjects"),
    [
        ("10423", {"Order A"}),  # whole number: the vector and the fragment
        ("#10423", {"Order A"}),
        ("0423", {"Order A", "Order B"}),  # fragment of two numbers
        ("104", {"Order A"}),
        ("popescu@exa", {"Order A"}),  # e-mail fragment
        ("POPESCU", {"Order A"}),  # a part of the address, any case
        ("popesku", {"Order A"}),  # a typo, by trigram word similarity
        ("example.pl", {"Order B"}),
        ("reza@example.ir", {"Order C"}),
        ("ktl-blue-01", {"Order C"}),  # SKU from the order snapshot
        ("99", set()),  # too short for a fragment, no such word
    ],
)
def test_order_numbers_and_emails_by_fragment(orders, text, subjects):
    assert found(text) == subjects


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("10423", "10423"),
        ("#1042", "1042"),
        (" Ana.Pop@Example.RO ", "ana.pop@example.ro"),
        ("۱۰۴۲", "1042"),
        ("ab", None),
        ("two words", None),
        ('"quoted"', None),
        ("-minus", None),
    ],
)
def test_identifier_fragment(text, fragment):
    assert identifier_fragment(text) == fragment


def test_subject_ranks_above_customer_above_message(searchable_ticket):
    # given
    searchable_ticket("Nothing here", message="a message about the kettle")
    searchable_ticket("Kettle arrived cracked")
    searchable_ticket("Other", name="Kettle Smith")
    searchable_ticket("Unrelated")

    # when
    order = ranked("kettle")

    # then
    assert order == ["Kettle arrived cracked", "Other", "Nothing here"]


def test_ticket_and_message_matches_add_up(searchable_ticket):
    only_subject = searchable_ticket("Kettle broken")
    both = searchable_ticket("Kettle broken", message="The kettle is broken")

    rows = search_tickets(Ticket.objects.all(), "kettle").order_by(f"-{RANK}", "-id")
    ranks = {row.pk: getattr(row, RANK) for row in rows}

    assert list(ranks) == [both.pk, only_subject.pk]
    assert ranks[both.pk] > ranks[only_subject.pk] > 0


def test_only_the_newest_candidates_are_ranked(searchable_ticket, monkeypatch):
    # given
    monkeypatch.setattr(queries, "CANDIDATE_LIMIT", 2)
    for index in range(4):
        searchable_ticket(f"Kettle {index}")

    # then: the two most recently changed matches, whatever their rank
    assert found("kettle") == {"Kettle 2", "Kettle 3"}


def test_search_respects_the_given_queryset(searchable_ticket):
    first = searchable_ticket("Kettle one")
    searchable_ticket("Kettle two")

    rows = search_tickets(Ticket.objects.exclude(pk=first.pk), "kettle")

    assert [t.subject for t in rows] == ["Kettle two"]


def test_a_reply_is_found_as_soon_as_it_is_written(searchable_ticket, agent):
    # given
    ticket = searchable_ticket("Where is my parcel?")
    assert found("tracking") == set()

    # when
    add_message(
        ticket,
        author_type=MessageAuthorType.AGENT,
        actor=Actor.user(agent.pk),
        body="<p>Your <strong>tracking</strong> number is ZX123.</p>",
    )

    # then
    assert found("tracking") == {"Where is my parcel?"}
    assert found("zx123") == {"Where is my parcel?"}


def test_an_internal_note_is_found_by_agents_search(searchable_ticket, agent):
    ticket = searchable_ticket("Refund")
    add_message(
        ticket,
        author_type=MessageAuthorType.AGENT,
        actor=Actor.user(agent.pk),
        body="Warehouse confirmed the loss",
        is_internal=True,
    )

    assert found("warehouse") == {"Refund"}


def test_refreshed_snapshot_makes_new_skus_findable(searchable_ticket):
    ticket = searchable_ticket("Order", order=order_info("555", skus=("OLD-SKU",)))
    info = order_info("555", skus=("OLD-SKU", "NEW-SKU-7"))

    refresh_order_snapshot(ticket, info)

    assert found("new-sku-7") == {"Order"}
    assert found("old-sku") == {"Order"}


def test_an_erased_customer_is_not_found_by_old_data(searchable_ticket, agent):
    # given
    searchable_ticket(
        "Broken lamp",
        email="maria.ionescu@example.ro",
        name="Maria Ionescu",
        message="Sunaţi-mă la Strada Florilor 12",
    )
    kept = Ticket.objects.get()
    add_message(
        kept,
        author_type=MessageAuthorType.AGENT,
        actor=Actor.user(agent.pk),
        body="Replacement lamp shipped",
        is_internal=True,
    )
    assert found("maria.ionescu@example.ro") == {"Broken lamp"}

    # when
    anonymise_customer(user_id=None, email="maria.ionescu@example.ro", actor=Actor.system())

    # then
    assert found("maria.ionescu@example.ro") == set()
    assert found("ionescu") == set()
    assert found("maria") == set()
    assert found("florilor") == set()
    assert found("broken lamp") == {"Broken lamp"}
    assert found("replacement") == {"Broken lamp"}

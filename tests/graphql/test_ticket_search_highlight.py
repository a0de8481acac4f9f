"""searchHighlight on the edges of supportTickets(search:): why each ticket matched."""

from datetime import UTC, datetime, timedelta
from uuid import uuid4

import pytest

from saleor_support_plugin.tickets import MessageAuthorType, TicketChannel
from saleor_support_plugin.tickets.actions import (
    CustomerInfo,
    OrderInfo,
    add_message,
    assign_ticket,
    category_by_slug,
    open_ticket,
)
from saleor_support_plugin.tickets.actors import Actor
from tests.query_counts import assert_statements

SEARCH = """
query Search($search: String, $first: Int) {
  supportTickets(search: $search, first: $first) {
    edges {
      node { number subject }
      searchHighlight {
        field text messageId
        ranges { start end }
        subjectRanges { start end }
      }
    }
  }
}
"""
LIST = """
query List($search: String) {
  supportTickets(search: $search) {
    edges { node { number } searchHighlight { field } }
  }
}
"""

START = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)


def _open(subject, *, index=0, email="", name="", order=None):
    return open_ticket(
        subject=subject,
        category=category_by_slug("delivery"),
        channel=TicketChannel.EMAIL,
        actor=Actor.system(),
        customer=CustomerInfo(email=email, name=name),
        order=order,
        source="customer",
        now=START + timedelta(seconds=index),
    )


def _say(ticket, body, *, internal=False, plain_text=True):
    return add_message(
        ticket,
        author_type=MessageAuthorType.AGENT if internal else MessageAuthorType.CUSTOMER,
        actor=Actor.system(),
        body=body,
        is_internal=internal,
        plain_text=plain_text,
    )


def _order(number, *, lines=()):
    return OrderInfo(
        order_id=uuid4(),
        number=number,
        channel="default-channel",
        snapshot={
            "number": number,
            "lines": [
                {"id": str(i), "product_name": p, "sku": s} for i, (p, s) in enumerate(lines)
            ],
        },
    )


def _highlights(client, search):
    result = client.execute(SEARCH, {"search": search})
    assert "errors" not in result, result
    return {
        edge["node"]["number"]: edge["searchHighlight"]
        for edge in result["data"]["supportTickets"]["edges"]
    }


def _marked(text, ranges):
    return [text[r["start"] : r["end"]] for r in ranges]


def test_romanian_words_are_found_and_marked_as_written(staff_api_client):
    # given
    cedilla = _open("Factură", index=0)
    _say(cedilla, "Bună ziua, factura este greşită şi coletul a întârziat.")
    comma = _open("Factură", index=1)
    _say(comma, "Suma de pe factură este greșită, vă rog să verificați.")
    _open("Altceva", index=2)

    # when
    found = _highlights(staff_api_client, "gresita")

    # then
    assert set(found) == {cedilla.number, comma.number}
    first, second = found[cedilla.number], found[comma.number]
    assert first["field"] == second["field"] == "MESSAGE"
    assert first["text"] == "Bună ziua, factura este greşită şi coletul a întârziat."
    assert _marked(first["text"], first["ranges"]) == ["greşită"]
    assert _marked(second["text"], second["ranges"]) == ["greșită"]
    assert first["subjectRanges"] == []


def test_several_romanian_words_are_all_marked(staff_api_client):
    ticket = _open("Colet întârziat, factură greşită", index=0)

    found = _highlights(staff_api_client, "intarziat gresita")

    highlight = found[ticket.number]
    assert highlight["field"] == "SUBJECT"
    assert highlight["text"] == "Colet întârziat, factură greşită"
    assert _marked(highlight["text"], highlight["ranges"]) == ["întârziat", "greşită"]
    assert highlight["subjectRanges"] == highlight["ranges"]


def test_polish_letters_match_their_plain_forms(staff_api_client):
    ticket = _open("Paczka zaginęła w Łodzi", index=0)

    found = _highlights(staff_api_client, "zaginela lodzi")

    highlight = found[ticket.number]
    assert highlight["field"] == "SUBJECT"
    assert _marked(highlight["text"], highlight["ranges"]) == ["zaginęła", "Łodzi"]


def test_persian_letter_forms_are_matched_and_shown_as_written(staff_api_client):
    # given: Arabic kaf and yeh in the message, Persian ones in the search; a ZWNJ word
    ticket = _open("سفارش", index=0)
    _say(ticket, "سلام، سفارش من كجاست؟ مي‌خواهم پيگيري كنم.")

    # when
    found = _highlights(staff_api_client, "کجاست")
    joined = _highlights(staff_api_client, "میخواهم")

    # then
    highlight = found[ticket.number]
    assert highlight["field"] == "MESSAGE"
    assert highlight["text"] == "سلام، سفارش من كجاست؟ مي‌خواهم پيگيري كنم."
    assert _marked(highlight["text"], highlight["ranges"]) == ["كجاست"]
    zwnj = joined[ticket.number]
    assert _marked(zwnj["text"], zwnj["ranges"]) == ["مي\u200cخواهم"]


def test_a_ticket_number_is_the_match_of_its_ticket(staff_api_client):
    ticket = _open("Where is my parcel?", index=0)

    for search in (str(ticket.number), f"#{ticket.number}"):
        highlight = _highlights(staff_api_client, search)[ticket.number]
        assert highlight == {
            "field": "NUMBER",
            "text": f"#{ticket.number}",
            "messageId": None,
            "ranges": [{"start": 1, "end": len(str(ticket.number)) + 1}],
            "subjectRanges": [],
        }


def test_an_internal_note_is_shown_to_agents_as_a_note(staff_api_client):
    # given
    ticket = _open("Refund", index=0)
    _say(ticket, "Thank you for waiting.")
    note = _say(ticket, "Carrier confirmed the parcel was damaged.", internal=True)

    # when
    highlight = _highlights(staff_api_client, "damaged")[ticket.number]

    # then
    assert highlight["field"] == "INTERNAL_NOTE"
    assert highlight["text"] == "Carrier confirmed the parcel was damaged."
    assert highlight["messageId"] is not None
    assert str(note.pk) in __import__("base64").b64decode(highlight["messageId"]).decode()


def test_a_long_message_gives_a_snippet_around_the_words(staff_api_client):
    # given
    filler = " ".join(f"word{i}" for i in range(60))
    ticket = _open("Question", index=0)
    _say(ticket, f"{filler} the kettle is leaking {filler}")

    # when
    highlight = _highlights(staff_api_client, "kettle")[ticket.number]

    # then
    text = highlight["text"]
    assert text.startswith("… ")
    assert text.endswith(" …")
    assert "the kettle is leaking" in text
    assert len(text.split()) <= 17
    assert _marked(text, highlight["ranges"]) == ["kettle"]


def test_excluded_words_are_not_marked(staff_api_client):
    ticket = _open("Kettle and a mug", index=0)
    _open("Kettle and a zwrot", index=1)

    found = _highlights(staff_api_client, "kettle -zwrot")

    assert list(found) == [ticket.number]
    assert _marked("Kettle and a mug", found[ticket.number]["subjectRanges"]) == ["Kettle"]


def test_markup_is_never_returned(staff_api_client):
    ticket = _open("Question", index=0)
    _say(
        ticket,
        "<p>Tom &amp; Jerry</p><p>broke the <strong>kettle</strong> &lt;3</p>",
        plain_text=False,
    )

    highlight = _highlights(staff_api_client, "kettle")[ticket.number]

    assert highlight["text"] == "Tom & Jerry broke the kettle <3"
    assert _marked(highlight["text"], highlight["ranges"]) == ["kettle"]


def test_customer_name_and_e_mail_parts(staff_api_client):
    ticket = _open("Question", index=0, email="ana.popescu@example.ro", name="Ana Popescu")

    highlight = _highlights(staff_api_client, "popescu")[ticket.number]

    assert highlight["field"] == "CUSTOMER"
    assert highlight["text"] == "Ana Popescu · ana.popescu@example.ro"
    assert _marked(highlight["text"], highlight["ranges"]) == ["Popescu", "popescu"]


def test_order_fragments_and_products(staff_api_client):
    # given
    fragment = _open("Question", index=0, order=_order("A-20423"))
    product = _open("Other", index=1, order=_order("B-1", lines=[("Czajnik elektryczny", "CZ-1")]))

    # when
    by_fragment = _highlights(staff_api_client, "0423")[fragment.number]
    by_product = _highlights(staff_api_client, "czajnik")[product.number]

    # then
    assert by_fragment["field"] == "ORDER"
    assert _marked(by_fragment["text"], by_fragment["ranges"]) == ["0423"]
    assert by_product == {
        "field": "ORDER",
        "text": "B-1 · Czajnik elektryczny CZ-1",
        "messageId": None,
        "ranges": [{"start": 6, "end": 13}],
        "subjectRanges": [],
    }


def test_without_a_search_there_is_no_highlight(staff_api_client):
    _open("Kettle", index=0)

    result = staff_api_client.execute(LIST, {"search": None})

    assert [edge["searchHighlight"] for edge in result["data"]["supportTickets"]["edges"]] == [None]


HIGHLIGHT_STATEMENTS = 5
"""The token's user, the ranked page, its categories, its people, and the highlights of
every ticket of the page."""


@pytest.mark.parametrize("number_of_tickets", [1, 30])
def test_highlights_of_a_page_cost_one_statement(
    staff_api_client, agent, customer_user, number_of_tickets
):
    # given
    for index in range(number_of_tickets):
        ticket = _open(f"Kettle {index}", index=index, email=customer_user.email)
        _say(ticket, "The kettle leaks")
        assign_ticket(ticket, agent.pk, actor=Actor.system())
    query = """
    query($search: String) {
      supportTickets(search: $search, first: 50) {
        edges {
          node { number subject category { slug } ... on StaffTicket { assignee { email } } }
          searchHighlight { field text ranges { start end } subjectRanges { start end } }
        }
      }
    }
    """

    # when
    with assert_statements(HIGHLIGHT_STATEMENTS) as captured:
        result = staff_api_client.execute(query, {"search": "kettle"})

    # then
    edges = result["data"]["supportTickets"]["edges"]
    assert len(edges) == number_of_tickets
    assert {edge["searchHighlight"]["field"] for edge in edges} == {"SUBJECT"}
    assert len([sql for sql in captured.statements if "ts_headline" in sql]) == 1


def test_the_subject_shows_its_words_when_a_message_holds_the_match(staff_api_client):
    ticket = _open("Kettle", index=0)
    _say(ticket, "It arrived broken, the kettle I mean.")

    highlight = _highlights(staff_api_client, "kettle broken")[ticket.number]

    assert highlight["field"] == "MESSAGE"
    assert _marked(highlight["text"], highlight["ranges"]) == ["broken", "kettle"]
    assert _marked("Kettle", highlight["subjectRanges"]) == ["Kettle"]


def test_words_far_apart_give_two_passages(staff_api_client):
    filler = " ".join(f"word{i}" for i in range(40))
    ticket = _open("Question", index=0)
    _say(ticket, f"The kettle {filler} arrived broken {filler}")

    highlight = _highlights(staff_api_client, "kettle broken")[ticket.number]

    text = highlight["text"]
    assert text.startswith("The kettle")
    assert " … " in text
    assert text.endswith(" …")
    assert _marked(text, highlight["ranges"]) == ["kettle", "broken"]

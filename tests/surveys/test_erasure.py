"""A customer's erasure removes what they wrote in surveys; scores stay, so KPIs do not move."""

from saleor_support_plugin.surveys.actions import redact_customer_comments
from saleor_support_plugin.surveys.models import SurveyAnswer
from saleor_support_plugin.tickets.erasure import REDACTED_BODY, REDACTED_HTML


def _answers():
    return list(
        SurveyAnswer.objects.order_by("pk").values_list(
            "ticket_id", "score", "comment_raw", "comment", "redacted_at"
        )
    )


def test_deleting_an_account_erases_its_survey_comments(
    store, drain, customer_user, solved_ticket_generator, answers_generator
):
    # given
    theirs = solved_ticket_generator(email=customer_user.email, user_id=customer_user.pk)
    as_guest = solved_ticket_generator(email=customer_user.email)
    someone_else = solved_ticket_generator(email="jan@example.com")
    answers_generator(theirs, csat_agent=(2, "Ana Popescu, 0722 000 000"), nps=6)
    answers_generator(as_guest, nps=(9, "Bine"))
    answers_generator(someone_else, nps=(10, "Dziękuję"))

    # when
    store.delete_customer(customer_user)
    drain()

    # then
    rows = _answers()
    redacted_at = rows[0][4]
    assert redacted_at is not None
    assert rows == [
        (theirs.pk, 2, REDACTED_BODY, REDACTED_HTML, redacted_at),
        (theirs.pk, 6, "", "", None),
        (as_guest.pk, 9, REDACTED_BODY, REDACTED_HTML, redacted_at),
        (someone_else.pk, 10, "Dziękuję", "<p>Dziękuję</p>", None),
    ]


def test_erasing_nobody_changes_nothing(solved_ticket, answers_generator):
    answers_generator(solved_ticket, nps=(10, "Super"))
    before = _answers()

    assert redact_customer_comments(user_id=None, email="  ") == 0
    assert _answers() == before


def test_a_guest_is_erased_by_e_mail_once(solved_ticket_generator, answers_generator):
    ticket = solved_ticket_generator(email="maryam@example.com")
    answers_generator(ticket, csat_resolution=(1, "خیلی بد"))

    first = redact_customer_comments(user_id=None, email="Maryam@Example.com ")
    again = redact_customer_comments(user_id=None, email="maryam@example.com")

    assert (first, again) == (1, 0)
    assert _answers()[0][1:4] == (1, REDACTED_BODY, REDACTED_HTML)

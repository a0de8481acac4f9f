"""supportBusinessCalendarCreate, Update, Delete and supportBusinessCalendars."""

import pytest

from saleor_support_plugin.graphql.core.ids import to_global_id
from saleor_support_plugin.sla.models import BusinessCalendar, Holiday, OpeningInterval
from tests.query_counts import assert_statements

CREATE = """
mutation Create($input: SupportBusinessCalendarInput!) {
  supportBusinessCalendarCreate(input: $input) {
    calendar { name timeZone intervals { weekday start end } holidays { date name } }
    errors { field message code }
  }
}
"""
UPDATE = """
mutation Update($id: ID!, $input: SupportBusinessCalendarInput!) {
  supportBusinessCalendarUpdate(id: $id, input: $input) {
    calendar { name timeZone intervals { weekday start end } holidays { date } }
    errors { field message code }
  }
}
"""
DELETE = """
mutation Delete($id: ID!) {
  supportBusinessCalendarDelete(id: $id) { id errors { field message code } }
}
"""
CALENDARS = """
query {
  supportBusinessCalendars { name timeZone intervals { weekday start end } holidays { date } }
}
"""
DENIED = "Only team leads, managers and holders of MANAGE_SETTINGS can do this."
WEEKDAYS = ["MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY"]


@pytest.fixture
def lead_client(api_client_for, team_lead):
    return api_client_for(team_lead)


def _gid(calendar):
    return to_global_id("SupportBusinessCalendar", calendar.pk)


def _state():
    return (
        list(BusinessCalendar.objects.order_by("pk").values()),
        list(OpeningInterval.objects.order_by("pk").values()),
        list(Holiday.objects.order_by("pk").values()),
    )


def _office(**extra):
    return {
        "name": "Bucharest office",
        "timeZone": "Europe/Bucharest",
        "intervals": [{"weekday": day, "start": "08:00", "end": "16:00"} for day in WEEKDAYS],
        **extra,
    }


def test_a_team_lead_creates_a_calendar(lead_client):
    # when
    result = lead_client.execute(
        CREATE,
        {
            "input": _office(
                intervals=[
                    {"weekday": "SATURDAY", "start": "10:00", "end": "14:00"},
                    {"weekday": "MONDAY", "start": "14:00", "end": "24:00"},
                    {"weekday": "MONDAY", "start": "00:00", "end": "02:00"},
                ],
                holidays=[{"date": "2025-12-25", "name": "Crăciun"}, {"date": "2025-12-01"}],
            )
        },
    )

    # then
    assert result == {
        "data": {
            "supportBusinessCalendarCreate": {
                "calendar": {
                    "name": "Bucharest office",
                    "timeZone": "Europe/Bucharest",
                    "intervals": [
                        {"weekday": "MONDAY", "start": "00:00", "end": "02:00"},
                        {"weekday": "MONDAY", "start": "14:00", "end": "24:00"},
                        {"weekday": "SATURDAY", "start": "10:00", "end": "14:00"},
                    ],
                    "holidays": [
                        {"date": "2025-12-01", "name": ""},
                        {"date": "2025-12-25", "name": "Crăciun"},
                    ],
                },
                "errors": [],
            }
        }
    }


@pytest.mark.parametrize(
    ("values", "error"),
    [
        (
            {"timeZone": "Europe/Atlantis"},
            {
                "field": "timeZone",
                "message": (
                    "'Europe/Atlantis' is not a time zone; use an IANA name such as Europe/Warsaw."
                ),
                "code": "INVALID_TIME_ZONE",
            },
        ),
        (
            {
                "intervals": [
                    {"weekday": "MONDAY", "start": "09:00", "end": "13:00"},
                    {"weekday": "MONDAY", "start": "12:30", "end": "17:00"},
                ]
            },
            {
                "field": "intervals",
                "message": "On Monday, 09:00-13:00 overlaps 12:30-17:00.",
                "code": "OVERLAPPING_INTERVALS",
            },
        ),
        (
            {"intervals": [{"weekday": "MONDAY", "start": "9am", "end": "17:00"}]},
            {
                "field": "intervals",
                "message": "'9am' is not a time of day; write HH:MM, from 00:00 to 24:00.",
                "code": "INVALID_TIME",
            },
        ),
        (
            {"intervals": [{"weekday": "MONDAY", "start": "17:00", "end": "09:00"}]},
            {
                "field": "intervals",
                "message": "An interval on Monday must end after it starts (17:00-09:00).",
                "code": "INVALID_TIME",
            },
        ),
        (
            {"intervals": [{"weekday": "MONDAY", "start": "09:00", "end": "24:30"}]},
            {
                "field": "intervals",
                "message": "'24:30' is not a time of day; write HH:MM, from 00:00 to 24:00.",
                "code": "INVALID_TIME",
            },
        ),
        (
            {"intervals": []},
            {
                "field": "intervals",
                "message": "A calendar needs at least one opening interval.",
                "code": "NEVER_OPEN",
            },
        ),
        (
            {"holidays": [{"date": "2025-12-25"}, {"date": "2025-12-25"}]},
            {"field": "holidays", "message": "A date is listed twice.", "code": "INVALID"},
        ),
        (
            {"name": "  "},
            {"field": "name", "message": "A name is required.", "code": "REQUIRED"},
        ),
        (
            {"name": "Business hours"},
            {"field": "name", "message": "Another calendar has this name.", "code": "UNIQUE"},
        ),
    ],
)
def test_bad_calendars_are_refused_with_nothing_stored(lead_client, values, error):
    # given
    before = _state()

    # when
    result = lead_client.execute(CREATE, {"input": _office(**values)})

    # then
    assert result["data"]["supportBusinessCalendarCreate"] == {"calendar": None, "errors": [error]}
    assert _state() == before


def test_an_agent_who_does_not_lead_is_denied_with_nothing_stored(staff_api_client):
    before = _state()

    result = staff_api_client.execute(CREATE, {"input": _office()})

    assert result["data"] == {"supportBusinessCalendarCreate": None}
    assert [(e["message"], e["extensions"]["exception"]["code"]) for e in result["errors"]] == [
        (DENIED, "PERMISSION_DENIED")
    ]
    assert _state() == before


def test_updating_replaces_what_is_given(lead_client):
    # given
    calendar = BusinessCalendar.objects.get(name="Business hours")

    # when
    result = lead_client.execute(
        UPDATE,
        {
            "id": _gid(calendar),
            "input": {
                "timeZone": "Asia/Tehran",
                "intervals": [{"weekday": "SATURDAY", "start": "08:00", "end": "16:00"}],
                "holidays": [{"date": "2026-03-21"}],
            },
        },
    )

    # then
    assert result["data"]["supportBusinessCalendarUpdate"] == {
        "calendar": {
            "name": "Business hours",
            "timeZone": "Asia/Tehran",
            "intervals": [{"weekday": "SATURDAY", "start": "08:00", "end": "16:00"}],
            "holidays": [{"date": "2026-03-21"}],
        },
        "errors": [],
    }


def test_a_calendar_in_use_cannot_be_deleted(lead_client):
    calendar = BusinessCalendar.objects.get(name="Business hours")
    before = _state()

    result = lead_client.execute(DELETE, {"id": _gid(calendar)})

    assert result["data"]["supportBusinessCalendarDelete"] == {
        "id": None,
        "errors": [
            {
                "field": "id",
                "message": "Policies use this calendar; give them another one first.",
                "code": "IN_USE",
            }
        ],
    }
    assert _state() == before


def test_an_unused_calendar_is_deleted(lead_client):
    lead_client.execute(CREATE, {"input": _office()})
    calendar = BusinessCalendar.objects.get(name="Bucharest office")

    result = lead_client.execute(DELETE, {"id": _gid(calendar)})

    assert result["data"]["supportBusinessCalendarDelete"] == {"id": _gid(calendar), "errors": []}
    assert not BusinessCalendar.objects.filter(pk=calendar.pk).exists()
    assert not OpeningInterval.objects.filter(calendar_id=calendar.pk).exists()


def test_an_unknown_calendar_is_not_found(lead_client):
    result = lead_client.execute(DELETE, {"id": to_global_id("SupportBusinessCalendar", 0)})

    assert result["data"]["supportBusinessCalendarDelete"]["errors"] == [
        {"field": "id", "message": "Calendar not found.", "code": "NOT_FOUND"}
    ]


@pytest.mark.parametrize("count", [1, 20])
def test_the_calendar_list_costs_the_same_statements_however_many(lead_client, count):
    # given: the seeded calendar plus more
    for index in range(count - 1):
        lead_client.execute(CREATE, {"input": _office(name=f"Office {index}")})

    # when: the token's user, calendars, their intervals and holidays
    with assert_statements(4):
        result = lead_client.execute(CALENDARS)

    # then
    assert len(result["data"]["supportBusinessCalendars"]) == count


def test_customers_cannot_read_calendars(customer_api_client):
    result = customer_api_client.execute(CALENDARS)

    assert result["errors"][0]["extensions"]["exception"]["code"] == "PERMISSION_DENIED"

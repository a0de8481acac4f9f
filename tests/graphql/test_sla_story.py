"""A team lead sets SLA up through the API; the timeline tells what became of a ticket."""

import json
from datetime import timedelta

import pytest
from django.db.models import F

from saleor_support_plugin.graphql.core.ids import to_global_id
from saleor_support_plugin.sla.sweep import sweep_sla
from saleor_support_plugin.sla.sync import sync_ticket_clocks
from saleor_support_plugin.tickets.models import Ticket, TicketEvent, TicketMessage

CALENDAR = """
mutation Calendar($input: SupportBusinessCalendarInput!) {
  supportBusinessCalendarCreate(input: $input) { calendar { id } errors { code } }
}
"""
POLICY = """
mutation Policy($input: SupportSlaPolicyInput!) {
  supportSlaPolicyCreate(input: $input) { policy { id } errors { code } }
}
"""
REORDER = """
mutation Reorder($ids: [ID!]!) { supportSlaPolicyReorder(ids: $ids) { errors { code } } }
"""
OPEN = """
mutation Open($message: String!) {
  supportTicketCreate(input: {message: $message}) { ticket { id } errors { code } }
}
"""
REPLY = """
mutation Reply($id: ID!) {
  supportTicketReply(id: $id, input: {body: "Your parcel is on its way."}) { errors { code } }
}
"""
TICKET = """
query Ticket($id: ID!) {
  supportTicket(id: $id) {
    ... on StaffTicket {
      priority
      slaClocks { kind state targetMinutes }
      events { edges { node { type parameters } } }
    }
  }
}
"""
EVERY_DAY = ["MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY"]


@pytest.fixture
def lead_client(api_client_for, team_lead):
    return api_client_for(team_lead)


def test_the_timeline_tells_the_story_of_a_late_first_response(
    lead_client,
    staff_api_client,
    customer_api_client,
    team_lead,
    django_capture_on_commit_callbacks,
):
    # given: a round-the-clock calendar and a web policy tried first
    calendar = lead_client.execute(
        CALENDAR,
        {
            "input": {
                "name": "Around the clock",
                "timeZone": "Europe/Warsaw",
                "intervals": [{"weekday": d, "start": "00:00", "end": "24:00"} for d in EVERY_DAY],
            }
        },
    )["data"]["supportBusinessCalendarCreate"]["calendar"]["id"]
    policy = lead_client.execute(
        POLICY,
        {
            "input": {
                "name": "Web within half an hour",
                "calendar": calendar,
                "channels": ["WEB"],
                "firstResponseMinutes": 30,
                "resolutionMinutes": 600,
                "warningPercent": 50,
                "breachActions": ["RAISE_PRIORITY", "NOTIFY_LEAD"],
                "notifyUser": to_global_id("User", team_lead.pk),
            }
        },
    )["data"]["supportSlaPolicyCreate"]["policy"]["id"]
    assert lead_client.execute(REORDER, {"ids": [policy]})["data"]["supportSlaPolicyReorder"] == {
        "errors": []
    }

    # when: a customer wrote an hour ago, the sweep ran along, an agent answers now
    ticket_id = customer_api_client.execute(OPEN, {"message": "Unde este coletul meu?"})["data"][
        "supportTicketCreate"
    ]["ticket"]["id"]
    ticket = Ticket.objects.get()
    opened = ticket.created_at - timedelta(hours=1)
    for rows in (Ticket.objects, TicketMessage.objects, TicketEvent.objects):
        rows.update(created_at=F("created_at") - timedelta(hours=1))
    sync_ticket_clocks(ticket, now=opened)
    for minutes in (10, 16, 31, 45):
        sweep_sla(now=opened + timedelta(minutes=minutes))
    with django_capture_on_commit_callbacks(execute=True):
        staff_api_client.execute(REPLY, {"id": ticket_id})

    # then
    ticket = staff_api_client.execute(TICKET, {"id": ticket_id})["data"]["supportTicket"]
    assert ticket["priority"] == "HIGH"
    assert ticket["slaClocks"] == [
        {"kind": "FIRST_RESPONSE", "state": "MISSED", "targetMinutes": 30},
        {"kind": "RESOLUTION", "state": "ON_TRACK", "targetMinutes": 600},
    ]
    story = [
        (edge["node"]["type"], json.loads(edge["node"]["parameters"]).get("kind"))
        for edge in ticket["events"]["edges"]
    ]
    assert story == [
        ("OPENED", None),
        ("MESSAGE_ADDED", None),
        ("SLA_POLICY_APPLIED", None),
        ("SLA_WARNING", "first_response"),
        ("SLA_BREACHED", "first_response"),
        ("PRIORITY_CHANGED", None),
        ("SLA_LEAD_NOTIFIED", None),
        ("MESSAGE_ADDED", None),
    ]
    notified = json.loads(ticket["events"]["edges"][6]["node"]["parameters"])
    assert notified == {"lead_user_id": team_lead.pk, "kinds": ["first_response"]}

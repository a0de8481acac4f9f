"""The contract artefacts: graphql/schema.graphql and the example operations stay true."""

import re
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from graphql.language.parser import parse
from graphql.utils.build_ast_schema import build_ast_schema
from graphql.utils.schema_printer import print_schema as print_without_descriptions
from graphql.validation import validate

from saleor_support_plugin.graphql.api import schema
from saleor_support_plugin.graphql.core.ids import to_global_id
from saleor_support_plugin.graphql.core.sdl import print_schema
from saleor_support_plugin.management.commands.export_schema import schema_diff

CONTRACT = Path(__file__).resolve().parents[2] / "graphql"
SCHEMA_FILE = CONTRACT / "schema.graphql"
DASHBOARD_OPERATIONS = sorted((CONTRACT / "dashboard").glob("*.graphql"))


def test_the_committed_schema_is_the_schema_in_the_code():
    differences = schema_diff(SCHEMA_FILE, print_schema(schema))

    assert not differences, (
        "graphql/schema.graphql is out of date; run"
        " `.venv/bin/python -m sandbox manage export_schema --output graphql/schema.graphql`:\n"
        + differences
    )


def test_the_printed_schema_is_the_schema_apart_from_descriptions():
    without_descriptions = re.sub(r'"""(?:[^"\\]|\\.|"(?!""))*"""\s*', "", print_schema(schema))
    # graphql-core 2 needs the schema definition that graphql-js leaves out for the usual names.
    roots = "schema { query: Query mutation: Mutation }\n"

    rebuilt = build_ast_schema(parse(roots + without_descriptions))

    assert print_without_descriptions(rebuilt) == print_without_descriptions(schema)


def test_export_schema_writes_and_checks_a_file(tmp_path):
    # given
    target = tmp_path / "schema.graphql"

    # when
    call_command("export_schema", output=target)

    # then
    assert target.read_text() == SCHEMA_FILE.read_text()
    call_command("export_schema", output=target, check=True)


def test_export_schema_check_fails_with_the_difference(tmp_path):
    # given
    target = tmp_path / "schema.graphql"
    target.write_text(SCHEMA_FILE.read_text().replace("supportTickets(", "tickets("))

    # when
    with pytest.raises(CommandError) as error:
        call_command("export_schema", output=target, check=True)

    # then
    assert f"{target} differs from the schema" in str(error.value)
    assert "\n-  tickets(\n+  supportTickets(\n" in str(error.value)


def test_there_are_dashboard_examples():
    assert [p.name for p in DASHBOARD_OPERATIONS] == [
        "categories.graphql",
        "intake_rules.graphql",
        "sla_policy_update.graphql",
        "sla_settings.graphql",
        "ticket_apply_macro.graphql",
        "ticket_assign.graphql",
        "ticket_bulk_assign.graphql",
        "ticket_bulk_status.graphql",
        "ticket_bulk_tag.graphql",
        "ticket_detail.graphql",
        "ticket_queue.graphql",
        "ticket_queue_sla.graphql",
        "ticket_reply.graphql",
        "ticket_search.graphql",
        "ticket_take_next.graphql",
        "ticket_update.graphql",
    ]


@pytest.mark.parametrize("path", DASHBOARD_OPERATIONS, ids=lambda p: p.name)
def test_dashboard_examples_are_valid_against_the_schema(path):
    errors = validate(schema, parse(path.read_text()))

    assert [error.message for error in errors] == []


def test_the_dashboard_reads_run_for_an_agent(staff_api_client, ticket):
    # when
    queue = staff_api_client.execute(
        (CONTRACT / "dashboard" / "ticket_queue.graphql").read_text(),
        {"filter": {"status": ["NEW"]}},
    )
    detail = staff_api_client.execute(
        (CONTRACT / "dashboard" / "ticket_detail.graphql").read_text(),
        {"id": to_global_id("SupportTicket", ticket.pk)},
    )

    # then
    assert "errors" not in queue
    assert "errors" not in detail
    assert [e["node"]["number"] for e in queue["data"]["supportTickets"]["edges"]] == [
        ticket.number
    ]
    assert detail["data"]["supportTicket"]["number"] == ticket.number


def test_the_dashboard_search_example_marks_the_match_and_counts_views(
    staff_api_client, ticket_generator
):
    # given
    ticket_generator(subject="Colet întârziat la Iași")
    ticket_generator(subject="Where is my parcel?")

    # when
    result = staff_api_client.execute(
        (CONTRACT / "dashboard" / "ticket_search.graphql").read_text(), {"search": "intarziat"}
    )

    # then
    assert "errors" not in result
    edges = result["data"]["supportTickets"]["edges"]
    assert [edge["node"]["subject"] for edge in edges] == ["Colet întârziat la Iași"]
    assert edges[0]["searchHighlight"]["subjectRanges"] == [{"start": 6, "end": 15}]
    assert result["data"]["unassigned"] == {"totalCount": 2}
    assert result["data"]["pending"] == {"totalCount": 0}

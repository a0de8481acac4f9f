"""Print the desk's GraphQL schema as SDL, write it to a file, or check a file against it."""

import difflib
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from ...graphql.api import schema
from ...graphql.core.sdl import print_schema


class Command(BaseCommand):
    help = (
        "Print the support desk's GraphQL schema (SDL with descriptions); --output writes it"
        " to a file, --check fails with a diff when that file differs."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--output", type=Path, help="file to write, e.g. graphql/schema.graphql"
        )
        parser.add_argument(
            "--check",
            action="store_true",
            help="compare --output with the schema instead of writing it",
        )

    def handle(self, *args: Any, output: Path | None, check: bool, **options: Any) -> None:
        sdl = print_schema(schema)
        if output is None:
            if check:
                raise CommandError("--check needs --output.")
            self.stdout.write(sdl, ending="")
            return
        if check:
            differences = schema_diff(output, sdl)
            if differences:
                raise CommandError(
                    f"{output} differs from the schema; run export_schema --output {output}:\n"
                    + differences
                )
            return
        output.write_text(sdl, encoding="utf-8")


def schema_diff(path: Path, sdl: str) -> str:
    """Return a unified diff from the file at ``path`` to ``sdl`` (empty when they agree)."""
    committed = path.read_text(encoding="utf-8") if path.exists() else ""
    return "".join(
        difflib.unified_diff(
            committed.splitlines(keepends=True),
            sdl.splitlines(keepends=True),
            fromfile=str(path),
            tofile="schema in the code",
        )
    )

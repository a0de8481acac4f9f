"""Print a bearer token for a sandbox user, for calling the API from curl or a GraphQL client."""

from typing import Any

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError, CommandParser

from ...conf import desk_settings
from ...host.standalone import StandaloneHost, issue_sandbox_token


class Command(BaseCommand):
    help = "Print a 12-hour API token for a sandbox user (standalone host only)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("username", help="Django username, e.g. admin")

    def handle(self, *args: Any, username: str, **options: Any) -> None:
        if desk_settings().host != f"{StandaloneHost.__module__}.{StandaloneHost.__name__}":
            raise CommandError("Tokens are minted by the sandbox; inside Saleor use tokenCreate.")
        user = get_user_model().objects.filter(username=username, is_active=True).first()
        if user is None:
            raise CommandError(f"No active user {username!r}.")
        self.stdout.write(issue_sandbox_token(user))

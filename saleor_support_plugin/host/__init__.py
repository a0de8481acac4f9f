"""The only layer that knows which store platform is around.

Domain packages ask the host for plain data (``OrderSnapshot``, ``OrderEventRecord``,
the plugin configuration) and never import the platform themselves.
"""

from collections.abc import Iterable
from contextlib import AbstractContextManager
from datetime import datetime
from functools import cache
from typing import Protocol
from uuid import UUID

from django.http import HttpRequest
from django.utils.module_loading import import_string

from ..conf import desk_settings
from .requestor import Requestor
from .snapshot import OrderEventRecord, OrderSnapshot


class Host(Protocol):
    name: str

    def read_order(self, order_id: UUID) -> OrderSnapshot | None:
        """Return the order as plain data, or ``None`` when it does not exist."""

    def order_events(self, order_id: UUID, *, after_pk: int) -> list[OrderEventRecord]:
        """Return the order's history rows with a pk above ``after_pk``, in pk order."""

    def order_events_between(
        self,
        *,
        start: datetime,
        end: datetime,
        types: Iterable[str],
        limit: int,
        after: tuple[datetime, int] | None = None,
    ) -> list[OrderEventRecord]:
        """Return up to ``limit`` rows of ``types`` dated in ``[start, end)``, by date then pk.

        ``after`` (date, pk) continues from the last row of the previous page.
        """

    def noted_orders_between(
        self, *, start: datetime, end: datetime, limit: int, after: tuple[datetime, str] | None
    ) -> list[tuple[str, datetime]]:
        """Return (order id, created) of orders placed with a note in ``[start, end)``.

        Ordered by creation time then id, ``limit`` at a time, continuing after ``after``.
        """

    def orders_count_by_customer(
        self, *, user_ids: Iterable[int], emails: Iterable[str]
    ) -> tuple[dict[int, int], dict[str, int]]:
        """Count the orders (drafts left out) of each account and of each guest e-mail.

        Returns ``(by user id, by lower-cased e-mail)``; missing keys have none.
        """

    def existing_user_ids(self, user_ids: Iterable[int]) -> set[int]:
        """Return which of ``user_ids`` still have an account."""

    def plugin_configuration(self) -> dict[str, str]:
        """Return the merchant's plugin configuration as a name to value mapping."""

    def save_plugin_configuration(self, values: dict[str, str]) -> None:
        """Store ``values`` (name to value) over the plugin configuration, in the transaction.

        Names left out keep their value; whether the plugin is active does not change. The
        caller has validated the values (``intake.rules.validate_configuration``); a platform
        that validates again raises ``ConfigurationError``.
        """

    def task_context(self) -> AbstractContextManager[None]:
        """Wrap background work (database routing rules of the platform)."""

    def requestor_from_request(self, request: HttpRequest) -> Requestor:
        """Return who sends ``request`` (anonymous without credentials).

        Raises ``AuthenticationError`` for a token that is expired, forged or revoked.
        """

    def agents_among(self, user_ids: Iterable[int]) -> set[int]:
        """Return which of ``user_ids`` are active staff allowed to work on tickets."""

    def absolute_url(self, path: str, request: HttpRequest) -> str:
        """Return the address at which the outside world reaches ``path`` (absolute path).

        Used for what the platform fetches itself (the App manifest's URLs), where the
        request's Host header may not be the address browsers use.
        """


@cache
def _host_class(path: str) -> type:
    return import_string(path)


def get_host() -> Host:
    """Return the host configured in ``SUPPORT_DESK['HOST']``."""
    host: Host = _host_class(desk_settings().host)()
    return host

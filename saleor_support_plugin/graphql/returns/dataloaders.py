from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from ...returns.models import ReturnRequest, ReturnRequestLine
from ..core.dataloaders import DataLoader


class ReturnRequestByTicketLoader(DataLoader[int, Any]):
    """The return request of each ticket (``None`` for other tickets), in one query."""

    context_key = "support_return_request_by_ticket"

    def batch_load(self, keys: Sequence[int]) -> list[Any]:
        found = {r.ticket_id: r for r in ReturnRequest.objects.filter(ticket_id__in=keys)}
        return [found.get(key) for key in keys]


class ReturnLinesByRequestLoader(DataLoader[int, list[Any]]):
    """The lines of each return request, in one query."""

    context_key = "support_return_lines_by_request"

    def batch_load(self, keys: Sequence[int]) -> list[list[Any]]:
        lines: dict[int, list[Any]] = defaultdict(list)
        for line in ReturnRequestLine.objects.filter(return_request_id__in=keys).order_by("pk"):
            lines[line.return_request_id].append(line)
        return [lines[key] for key in keys]

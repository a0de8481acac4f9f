from dataclasses import dataclass, field
from typing import Any

from django.http import HttpRequest

from ...host.requestor import Requestor


@dataclass
class RequestContext:
    """``info.context`` of every resolver: the request, who sent it and its dataloaders."""

    request: HttpRequest
    requestor: Requestor
    dataloaders: dict[str, Any] = field(default_factory=dict)

from ...agents.access import can_lead
from ...host.requestor import Requestor
from ..core.errors import PermissionDenied


def require_lead(requestor: Requestor) -> None:
    """Raise ``PermissionDenied`` unless ``requestor`` may manage the desk (``can_lead``)."""
    if not can_lead(requestor):
        raise PermissionDenied(
            "Only team leads, managers and holders of MANAGE_SETTINGS can do this."
        )

"""Desk settings are for team leads, managers and holders of MANAGE_SETTINGS."""

from ...agents.access import can_lead
from ...host.requestor import Requestor
from ..core.errors import PermissionDenied
from ..core.mutations import BaseMutation
from ..core.permissions import AGENT_PERMISSIONS

LEAD_PERMISSIONS = AGENT_PERMISSIONS
"""Leads are agents first; ``require_lead`` adds the role check (see ``agents.access``)."""
LEAD_NOTE = (
    " Only team leads and managers (by their agent profile) and holders of MANAGE_SETTINGS"
    " may do this; anyone else gets PERMISSION_DENIED."
)


def require_lead(requestor: Requestor) -> None:
    """Raise ``PermissionDenied`` unless ``requestor`` may manage the desk (``can_lead``)."""
    if not can_lead(requestor):
        raise PermissionDenied(
            "Only team leads, managers and holders of MANAGE_SETTINGS can do this."
        )


class LeadMutation(BaseMutation):
    """A settings mutation: ``Meta.permissions`` first, then ``can_lead`` when ``lead_only``."""

    lead_only = True

    class Meta:
        abstract = True

    @classmethod
    def check_requestor(cls, requestor: Requestor) -> None:
        if cls.lead_only:
            require_lead(requestor)

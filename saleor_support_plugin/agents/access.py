"""Who may run the desk: team leads, managers and support administrators."""

from ..host.requestor import DeskPermission, Requestor
from . import AgentRole
from .models import AgentProfile


def can_lead(requestor: Requestor) -> bool:
    """Return whether ``requestor`` may manage teams, routing and other desk settings.

    True for holders of ``MANAGE_SETTINGS`` (support administrators), and for agents
    (``MANAGE_ORDERS``) whose profile role is team lead or manager.
    """
    if requestor.has_permission(DeskPermission.MANAGE_SETTINGS):
        return True
    if not requestor.is_agent or requestor.user_id is None:
        return False
    return AgentProfile.objects.filter(user_id=requestor.user_id, role__in=AgentRole.LEADS).exists()

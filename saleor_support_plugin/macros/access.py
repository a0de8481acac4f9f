"""Who may see, use and edit which macro. Every API read and write of a macro starts here.

- shared macros: every agent (``MANAGE_ORDERS``) sees and uses them; team leads, managers
  and holders of ``MANAGE_SETTINGS`` (``can_lead``) create, edit and delete them;
- personal macros: only their owner sees, uses, edits and deletes them;
- anyone else: nothing. Another agent's personal macro is ``NOT_FOUND``, like a missing one.
"""

from django.db.models import Q, QuerySet

from ..agents.access import can_lead
from ..host.requestor import Requestor
from . import MacroVisibility
from .error_codes import MacroError, MacroErrorCode
from .models import Macro


def macros_visible_to(requestor: Requestor) -> QuerySet[Macro]:
    """Return the macros ``requestor`` may see and use (inactive ones included)."""
    if not requestor.is_agent:
        return Macro.objects.none()
    shared = Q(visibility=MacroVisibility.SHARED)
    if requestor.user_id is None:
        return Macro.objects.filter(shared)
    own = Q(visibility=MacroVisibility.PERSONAL, owner_id=requestor.user_id)
    return Macro.objects.filter(shared | own)


def access_macro_by_id(requestor: Requestor, macro_id: int | None, *, field: str = "id") -> Macro:
    """Return the macro ``macro_id`` if ``requestor`` may see it, else raise ``NOT_FOUND``."""
    macro = None
    if macro_id is not None:
        macro = macros_visible_to(requestor).filter(pk=macro_id).first()
    if macro is None:
        raise MacroError(MacroErrorCode.NOT_FOUND, "Macro not found.", field=field)
    return macro


def can_edit_macros(requestor: Requestor, visibility: str) -> bool:
    """Return whether ``requestor`` may create or change macros of ``visibility``.

    Personal macros are their owner's (an agent with an account: apps own none); shared
    macros are the team leads' and managers'.
    """
    if visibility == MacroVisibility.SHARED:
        return can_lead(requestor)
    return requestor.is_agent and requestor.user_id is not None


def can_edit_macro(requestor: Requestor, macro: Macro) -> bool:
    """Return whether ``requestor`` may change or delete ``macro`` (one they can see)."""
    if macro.visibility == MacroVisibility.PERSONAL and macro.owner_id != requestor.user_id:
        return False
    return can_edit_macros(requestor, macro.visibility)

"""What the category mutations share: error type, base, lookup."""

from typing import Any

import graphene
from django.db import transaction

from ....tickets.category_error_codes import CategoryError, CategoryErrorCode
from ....tickets.models import TicketCategory
from ...agents.permissions import require_lead
from ...core.context import RequestContext
from ...core.ids import pk_from_global_id
from ...core.mutations import BaseMutation
from ...core.permissions import AGENT_PERMISSIONS, require_permissions
from ...core.types import Error
from ..enums import SupportCategoryErrorCode

CATEGORY_TYPE_NAME = "SupportTicketCategory"

LEAD_PERMISSIONS = AGENT_PERMISSIONS
"""Leads are agents first; ``require_lead`` adds the role check (see ``agents.access``)."""
LEAD_NOTE = (
    " Only team leads and managers (by their agent profile) and holders of MANAGE_SETTINGS"
    " may do this; anyone else gets PERMISSION_DENIED."
)


class SupportCategoryError(Error):
    code = graphene.Field(SupportCategoryErrorCode, required=True, description="The error code.")

    class Meta:
        description = "An error of a category mutation."


class CategoryMutation(BaseMutation):
    """``BaseMutation`` for team leads, reporting ``CategoryError`` as ``SupportCategoryError``."""

    class Meta:
        abstract = True

    @classmethod
    def mutate(cls, root: Any, info: Any, **data: Any) -> Any:
        context: RequestContext = info.context
        require_permissions(context.requestor, cls._meta.permissions)
        require_lead(context.requestor)
        try:
            with transaction.atomic():
                return cls.perform_mutation(info, **data)
        except CategoryError as exc:
            error = SupportCategoryError(field=exc.field, message=exc.message, code=exc.code.value)
            return cls(errors=[error])


def category_by_global_id(global_id: str, *, field: str = "id") -> TicketCategory:
    pk = pk_from_global_id(global_id, CATEGORY_TYPE_NAME)
    category = TicketCategory.objects.filter(pk=pk).first() if pk is not None else None
    if category is None:
        raise CategoryError(CategoryErrorCode.NOT_FOUND, "Category not found.", field=field)
    return category

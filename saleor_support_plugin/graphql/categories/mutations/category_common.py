"""What the category mutations share: error type, base, lookup."""

import graphene

from ....tickets.category_error_codes import CategoryError, CategoryErrorCode
from ....tickets.models import TicketCategory
from ...agents.permissions import LEAD_NOTE as LEAD_NOTE
from ...agents.permissions import LEAD_PERMISSIONS as LEAD_PERMISSIONS
from ...agents.permissions import LeadMutation
from ...core.ids import pk_from_global_id
from ...core.types import Error
from ..enums import SupportCategoryErrorCode

CATEGORY_TYPE_NAME = "SupportTicketCategory"


class SupportCategoryError(Error):
    code = graphene.Field(SupportCategoryErrorCode, required=True, description="The error code.")

    class Meta:
        description = "An error of a category mutation."


class CategoryMutation(LeadMutation):
    """A category mutation for team leads, reporting ``CategoryError``."""

    domain_errors = (CategoryError,)

    class Meta:
        abstract = True


def category_by_global_id(global_id: str, *, field: str = "id") -> TicketCategory:
    pk = pk_from_global_id(global_id, CATEGORY_TYPE_NAME)
    category = TicketCategory.objects.filter(pk=pk).first() if pk is not None else None
    if category is None:
        raise CategoryError(CategoryErrorCode.NOT_FOUND, "Category not found.", field=field)
    return category

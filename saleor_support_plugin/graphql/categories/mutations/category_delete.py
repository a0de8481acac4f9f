from typing import Any

import graphene

from ....tickets.categories import delete_category
from ...tickets.types import SupportTicketCategory
from .category_common import (
    LEAD_NOTE,
    LEAD_PERMISSIONS,
    CategoryMutation,
    SupportCategoryError,
    category_by_global_id,
)


class SupportCategoryDelete(CategoryMutation):
    category = graphene.Field(SupportTicketCategory, description="The deleted category, as it was.")

    class Arguments:
        id = graphene.ID(
            required=True, description="Global id of the category (`SupportTicketCategory`)."
        )

    class Meta:
        description = (
            "Delete a category nothing uses. One that tickets, macros or SLA policies use is"
            " IN_USE (deactivate it instead); `other` and `return` are PROTECTED. Routing and"
            " intake rules naming its slug stop matching it (intake files such events under"
            " `other`)." + LEAD_NOTE
        )
        permissions = LEAD_PERMISSIONS
        error_type_class = SupportCategoryError

    @classmethod
    def perform_mutation(cls, info: Any, **data: Any) -> Any:
        category = category_by_global_id(data["id"])
        delete_category(category)
        return cls(category=category, errors=[])

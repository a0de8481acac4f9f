from typing import Any

import graphene

from ....tickets.categories import MAX_CATEGORIES, reorder_categories
from ....tickets.category_error_codes import CategoryError, CategoryErrorCode
from ...core.ids import pk_from_global_id
from ...tickets.types import SupportTicketCategory
from .category_common import (
    CATEGORY_TYPE_NAME,
    LEAD_NOTE,
    LEAD_PERMISSIONS,
    CategoryMutation,
    SupportCategoryError,
)


class SupportCategoryReorder(CategoryMutation):
    categories = graphene.List(
        graphene.NonNull(SupportTicketCategory),
        description="Every category in its new order, inactive ones included.",
    )

    class Arguments:
        ids = graphene.List(
            graphene.NonNull(graphene.ID),
            required=True,
            description=(
                "Global ids (`SupportTicketCategory`) of every category, inactive ones"
                " included, each exactly once, in their new order."
            ),
        )

    class Meta:
        description = "Set the order in which categories are listed." + LEAD_NOTE
        permissions = LEAD_PERMISSIONS
        error_type_class = SupportCategoryError

    @classmethod
    def perform_mutation(cls, info: Any, **data: Any) -> Any:
        if len(data["ids"]) > MAX_CATEGORIES:
            raise CategoryError(
                CategoryErrorCode.INVALID, f"At most {MAX_CATEGORIES} ids.", field="ids"
            )
        ids = [pk_from_global_id(gid, CATEGORY_TYPE_NAME) for gid in data["ids"]]
        if any(pk is None for pk in ids):
            raise CategoryError(CategoryErrorCode.NOT_FOUND, "Category not found.", field="ids")
        categories = reorder_categories([pk for pk in ids if pk is not None])
        return cls(categories=categories, errors=[])

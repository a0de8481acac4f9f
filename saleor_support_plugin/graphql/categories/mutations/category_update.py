from typing import Any

import graphene

from ....tickets.categories import CategoryValues, update_category
from ...tickets.types import SupportTicketCategory
from .category_common import (
    LEAD_NOTE,
    LEAD_PERMISSIONS,
    CategoryMutation,
    SupportCategoryError,
    category_by_global_id,
)


class SupportCategoryUpdateInput(graphene.InputObjectType):
    name = graphene.String(description="Name shown to agents, up to 128 characters.")
    is_active = graphene.Boolean(
        description=(
            "False deactivates the category: its tickets keep it, new tickets cannot use it."
        )
    )

    class Meta:
        description = "A change to a category; fields left out stay as they are."


class SupportCategoryUpdate(CategoryMutation):
    category = graphene.Field(SupportTicketCategory, description="The category after the change.")

    class Arguments:
        id = graphene.ID(
            required=True, description="Global id of the category (`SupportTicketCategory`)."
        )
        input = graphene.Argument(
            SupportCategoryUpdateInput, required=True, description="What to change."
        )

    class Meta:
        description = (
            "Rename, deactivate or reactivate a ticket category; its slug never changes."
            " `other` and `return` cannot be deactivated (PROTECTED)." + LEAD_NOTE
        )
        permissions = LEAD_PERMISSIONS
        error_type_class = SupportCategoryError

    @classmethod
    def perform_mutation(cls, info: Any, **data: Any) -> Any:
        category = category_by_global_id(data["id"])
        values = data["input"]
        category = update_category(
            category, CategoryValues(name=values.get("name"), is_active=values.get("is_active"))
        )
        return cls(category=category, errors=[])

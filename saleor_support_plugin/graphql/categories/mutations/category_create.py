from typing import Any

import graphene

from ....tickets.categories import create_category
from ...agents.permissions import LEAD_NOTE, LEAD_PERMISSIONS
from ...tickets.types import SupportTicketCategory
from .category_common import CategoryMutation, SupportCategoryError


class SupportCategoryCreateInput(graphene.InputObjectType):
    slug = graphene.String(
        required=True,
        description=(
            "Stable identifier, up to 64 lower-case letters, digits and single dashes (e.g."
            " `gift-cards`); it cannot change later."
        ),
    )
    name = graphene.String(required=True, description="Name shown to agents, up to 128 characters.")

    class Meta:
        description = "A new category."


class SupportCategoryCreate(CategoryMutation):
    category = graphene.Field(SupportTicketCategory, description="The new category.")

    class Arguments:
        input = graphene.Argument(
            SupportCategoryCreateInput, required=True, description="The category to add."
        )

    class Meta:
        description = "Add an active ticket category after the others." + LEAD_NOTE
        permissions = LEAD_PERMISSIONS
        error_type_class = SupportCategoryError

    @classmethod
    def perform_mutation(cls, info: Any, **data: Any) -> Any:
        values = data["input"]
        category = create_category(slug=values["slug"], name=values["name"])
        return cls(category=category, errors=[])

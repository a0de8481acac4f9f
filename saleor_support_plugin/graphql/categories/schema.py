from typing import Any

import graphene

from ...tickets.categories import MAX_CATEGORIES
from ...tickets.models import TicketCategory
from ..core.context import RequestContext
from ..core.permissions import AGENT_PERMISSIONS, require_permissions
from ..tickets.types import SupportTicketCategory
from .mutations.category_create import SupportCategoryCreate
from .mutations.category_delete import SupportCategoryDelete
from .mutations.category_reorder import SupportCategoryReorder
from .mutations.category_update import SupportCategoryUpdate


class CategoryQueries(graphene.ObjectType):
    support_categories = graphene.Field(
        graphene.NonNull(graphene.List(graphene.NonNull(SupportTicketCategory))),
        include_inactive=graphene.Argument(
            graphene.Boolean,
            default_value=False,
            description=(
                "Add deactivated categories; only agents (MANAGE_ORDERS) may, anyone else"
                " gets PERMISSION_DENIED."
            ),
        ),
        description=(
            "The ticket categories by position, then slug (at most"
            f" {MAX_CATEGORIES}). Anyone may read the active ones, which new tickets take"
            " (a storefront builds its form for `supportTicketCreate` from them)."
        ),
    )

    @staticmethod
    def resolve_support_categories(root: Any, info: Any, include_inactive: bool = False) -> Any:
        context: RequestContext = info.context
        categories = TicketCategory.objects.order_by("position", "slug")
        if include_inactive:
            require_permissions(context.requestor, AGENT_PERMISSIONS)
        else:
            categories = categories.filter(is_active=True)
        return list(categories[:MAX_CATEGORIES])


class CategoryMutations(graphene.ObjectType):
    support_category_create = SupportCategoryCreate.Field()
    support_category_update = SupportCategoryUpdate.Field()
    support_category_reorder = SupportCategoryReorder.Field()
    support_category_delete = SupportCategoryDelete.Field()

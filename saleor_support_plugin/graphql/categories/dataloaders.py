from collections.abc import Sequence
from typing import Any

from ...tickets.models import TicketCategory
from ..core.dataloaders import DataLoader


class CategoryBySlugLoader(DataLoader[str, Any]):
    """Categories by slug, inactive ones included; ``None`` for a slug no category has."""

    context_key = "support_category_by_slug"

    def batch_load(self, keys: Sequence[str]) -> list[Any]:
        rows = TicketCategory.objects.in_bulk(list(keys), field_name="slug")
        return [rows.get(key) for key in keys]

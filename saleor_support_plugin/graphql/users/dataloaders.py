from typing import Any

from django.contrib.auth import get_user_model
from django.db.models import QuerySet

from ..core.dataloaders import ByPkLoader


class UserByIdLoader(ByPkLoader):
    context_key = "user_by_id"

    def queryset(self) -> QuerySet[Any]:
        return get_user_model()._default_manager.all()

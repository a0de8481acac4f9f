from typing import Any

import graphene

from ..core.ids import to_global_id

USER_TYPE_NAME = "User"
"""Global ids of people use Saleor's ``User`` type name, so Saleor's staff ids work here."""


class SupportUser(graphene.ObjectType):
    id = graphene.ID(
        required=True,
        description="Global id of the account, the same as Saleor's `User` id.",
    )
    email = graphene.String(required=True, description="E-mail address of the account.")
    first_name = graphene.String(required=True, description="First name.")
    last_name = graphene.String(required=True, description="Last name.")

    class Meta:
        description = "A store account (staff member or customer) as the desk shows it to staff."

    @staticmethod
    def resolve_id(root: Any, info: Any) -> str:
        return to_global_id(USER_TYPE_NAME, root.pk)

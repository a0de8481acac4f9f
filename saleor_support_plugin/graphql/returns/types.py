from typing import Any

import graphene

from ..core.ids import to_global_id
from .dataloaders import ReturnLinesByRequestLoader
from .enums import SupportReturnReasonEnum, SupportReturnRequestStatusEnum

RETURN_REQUEST_TYPE_NAME = "SupportReturnRequest"


class SupportReturnRequestLine(graphene.ObjectType):
    order_line_id = graphene.ID(
        required=True, description="Global id of the order line in Saleor (`OrderLine`)."
    )
    product_name = graphene.String(required=True, description="Product name on the order.")
    variant_name = graphene.String(required=True, description="Variant name; may be empty.")
    sku = graphene.String(required=True, description="SKU; may be empty.")
    quantity = graphene.Int(required=True, description="How many items to return.")

    class Meta:
        description = "Items of one order line the customer wants to return."

    @staticmethod
    def resolve_order_line_id(root: Any, info: Any) -> str:
        return to_global_id("OrderLine", root.order_line_id)


class SupportReturnRequest(graphene.ObjectType):
    id = graphene.ID(required=True, description="Global id of the return request.")
    status = graphene.Field(
        SupportReturnRequestStatusEnum, required=True, description="Where the request is."
    )
    reason = graphene.Field(
        SupportReturnReasonEnum, required=True, description="Why the items go back."
    )
    lines = graphene.List(
        graphene.NonNull(SupportReturnRequestLine),
        required=True,
        description="The items to return.",
    )
    created_at = graphene.DateTime(required=True, description="When it was asked for.")
    decided_at = graphene.DateTime(description="When an agent approved or rejected it.")

    class Meta:
        description = (
            "A customer's request to return delivered items; agents decide, and the return"
            " itself is then made on the order in Saleor."
        )

    @staticmethod
    def resolve_id(root: Any, info: Any) -> str:
        return to_global_id(RETURN_REQUEST_TYPE_NAME, root.pk)

    @staticmethod
    def resolve_lines(root: Any, info: Any) -> Any:
        return ReturnLinesByRequestLoader(info.context).load(root.pk)

from typing import Any

import graphene

from ....returns.actions import decide_return
from ....returns.models import ReturnRequest
from ....tickets.error_codes import TicketError, TicketErrorCode
from ...core.ids import pk_from_global_id
from ...core.mutations import BaseMutation, actor_for
from ...core.permissions import AGENT_PERMISSIONS
from ...tickets.mutations.ticket_common import SupportTicketError
from ...tickets.types import StaffTicket
from ..enums import SupportReturnDecisionEnum
from ..types import RETURN_REQUEST_TYPE_NAME, SupportReturnRequest


class SupportReturnRequestDecide(BaseMutation):
    return_request = graphene.Field(SupportReturnRequest, description="The decided request.")
    ticket = graphene.Field(StaffTicket, description="Its ticket.")

    class Arguments:
        id = graphene.ID(
            required=True, description="Global id of the return request (`SupportReturnRequest`)."
        )
        decision = graphene.Argument(
            SupportReturnDecisionEnum, required=True, description="Approve or reject."
        )
        message = graphene.String(
            description="A public answer to the customer, added to the ticket with the decision."
        )

    class Meta:
        description = (
            "Approve or reject a waiting return request, once (INVALID_TRANSITION after)."
            " Approved items are then returned on the order in Saleor; rejected items become"
            " available to a new request."
        )
        permissions = AGENT_PERMISSIONS
        error_type_class = SupportTicketError

    @classmethod
    def perform_mutation(cls, info: Any, **data: Any) -> Any:
        pk = pk_from_global_id(data["id"], RETURN_REQUEST_TYPE_NAME)
        request = ReturnRequest.objects.filter(pk=pk).first() if pk is not None else None
        if request is None:
            raise TicketError(TicketErrorCode.NOT_FOUND, "Return request not found.", field="id")
        request = decide_return(
            request,
            data["decision"],
            actor=actor_for(info.context),
            message=data.get("message") or "",
        )
        return cls(return_request=request, ticket=request.ticket, errors=[])

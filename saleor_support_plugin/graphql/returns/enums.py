from ...returns import ReturnDecision, ReturnReason, ReturnRequestStatus
from ..core.enums import enum_from_choices

SupportReturnReasonEnum = enum_from_choices(
    "SupportReturnReasonEnum",
    ReturnReason.CHOICES,
    description="Why the customer returns the items; OTHER needs a comment.",
)
SupportReturnRequestStatusEnum = enum_from_choices(
    "SupportReturnRequestStatusEnum",
    ReturnRequestStatus.CHOICES,
    description=(
        "Where a return request is: REQUESTED waits for an agent, who APPROVES it (the items"
        " are then returned through the store) or REJECTS it."
    ),
)
SupportReturnDecisionEnum = enum_from_choices(
    "SupportReturnDecisionEnum",
    ReturnDecision.CHOICES,
    description="An agent's answer to a return request.",
)

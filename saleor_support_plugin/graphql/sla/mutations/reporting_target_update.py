from typing import Any

import graphene

from ....sla.actions import set_reporting_target
from ...agents.permissions import LEAD_NOTE, LEAD_PERMISSIONS
from ...tickets.enums import SupportTicketChannelEnum
from ..types import SupportSlaReportingTarget
from .sla_common import SlaMutation, SupportSlaError


class SupportSlaReportingTargetUpdate(SlaMutation):
    reporting_target = graphene.Field(
        SupportSlaReportingTarget, description="The channel's target after the change."
    )

    class Arguments:
        channel = graphene.Argument(
            SupportTicketChannelEnum, required=True, description="The channel (CHAT, PHONE...)."
        )
        answer_within_seconds = graphene.Int(
            required=True, description="Answer within this many seconds (1-86,400)."
        )
        share_percent = graphene.Int(
            required=True, description="Share of contacts (1-100) to answer that fast."
        )

    class Meta:
        description = "Set a channel's reporting target (created when missing)." + LEAD_NOTE
        permissions = LEAD_PERMISSIONS
        error_type_class = SupportSlaError

    @classmethod
    def perform_mutation(cls, info: Any, **data: Any) -> Any:
        target = set_reporting_target(
            data["channel"],
            answer_within_seconds=data["answer_within_seconds"],
            share_percent=data["share_percent"],
        )
        return cls(reporting_target=target, errors=[])

"""The desk's GraphQL schema: its own root types, separate from Saleor's closed schema."""

import graphene

from .agents.schema import AgentMutations, AgentQueries
from .categories.schema import CategoryMutations, CategoryQueries
from .intake.schema import IntakeMutations, IntakeQueries
from .macros.schema import MacroMutations, MacroQueries
from .returns.schema import ReturnMutations
from .sla.schema import SlaMutations, SlaQueries
from .surveys.schema import SurveyMutations
from .tickets.customer_types import CustomerTicket, CustomerTicketMessage
from .tickets.schema import TicketMutations, TicketQueries
from .tickets.types import StaffTicket, StaffTicketMessage
from .viewer.schema import ViewerQueries


class Query(
    TicketQueries,
    ViewerQueries,
    MacroQueries,
    AgentQueries,
    SlaQueries,
    CategoryQueries,
    IntakeQueries,
):
    class Meta:
        description = "Reads of the support desk."


class Mutation(
    TicketMutations,
    ReturnMutations,
    MacroMutations,
    AgentMutations,
    SlaMutations,
    CategoryMutations,
    IntakeMutations,
    SurveyMutations,
):
    class Meta:
        description = "Changes to the support desk."


schema = graphene.Schema(
    query=Query,
    mutation=Mutation,
    types=[StaffTicket, CustomerTicket, StaffTicketMessage, CustomerTicketMessage],
)

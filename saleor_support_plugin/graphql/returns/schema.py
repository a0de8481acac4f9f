import graphene

from .mutations.return_decide import SupportReturnRequestDecide
from .mutations.return_request import SupportReturnRequestCreate


class ReturnMutations(graphene.ObjectType):
    support_return_request = SupportReturnRequestCreate.Field()
    support_return_request_decide = SupportReturnRequestDecide.Field()

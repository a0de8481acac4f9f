import graphene


class Error(graphene.ObjectType):
    """Base of the mutations' error types: the field at fault and a message, plus a code."""

    field = graphene.String(
        description=(
            "Name of the input field the error is about (as in the mutation's arguments);"
            " null when it is about the whole mutation."
        )
    )
    message = graphene.String(required=True, description="What went wrong, in English.")

    class Meta:
        abstract = True


class OrderDirection(graphene.Enum):
    ASC = "asc"
    DESC = "desc"

    class Meta:
        description = "Direction of a sort."

    @property
    def description(self) -> str:
        if self.name == "ASC":
            return "Smallest or oldest first."
        return "Largest or newest first."

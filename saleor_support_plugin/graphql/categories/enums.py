from ...tickets.category_error_codes import CategoryErrorCode
from ..core.enums import enum_from_python

SupportCategoryErrorCode = enum_from_python(
    CategoryErrorCode,
    name="SupportCategoryErrorCode",
    description="Why a change to the ticket categories was refused.",
    value_descriptions={
        CategoryErrorCode.NOT_FOUND: "No such category.",
        CategoryErrorCode.INVALID: (
            "A value is not accepted (a slug that is not a slug, a reorder that does not list"
            " every category exactly once...)."
        ),
        CategoryErrorCode.REQUIRED: "A value is missing or empty.",
        CategoryErrorCode.DUPLICATE: "Another category already has this slug.",
        CategoryErrorCode.TOO_LONG: "A text is over its length limit.",
        CategoryErrorCode.IN_USE: (
            "Tickets, macros or SLA policies use the category: deactivate it instead."
        ),
        CategoryErrorCode.PROTECTED: (
            "The desk files tickets in this category by itself (`other`, `return`): it can be"
            " renamed and moved, not deactivated or deleted."
        ),
    },
)

"""The variables a macro can use, and their values for one ticket, from plain data."""

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from .locale import LocaleData, format_money, format_number
from .rendering import Lines, Missing, Value


@dataclass(frozen=True)
class Variable:
    name: str
    description: str
    example: str
    """What it looks like in English, for the macro editor."""


VARIABLES: tuple[Variable, ...] = (
    Variable(
        "customer.first_name",
        "The customer's first name: from the order, else the first word of the ticket's"
        " customer name.",
        "Ana",
    ),
    Variable("customer.name", "The customer's full name.", "Ana Popescu"),
    Variable("customer.email", "The customer's e-mail address.", "ana.popescu@example.com"),
    Variable("ticket.number", "The ticket's number.", "1042"),
    Variable("ticket.subject", "The ticket's subject.", "Where is my parcel?"),
    Variable(
        "ticket.status",
        "The ticket's status in the customer's words and language (before the macro's"
        " own status change).",
        "waiting for your reply",
    ),
    Variable("order.number", "The number of the ticket's order.", "1007"),
    Variable("order.status", "The order's status in the customer's words and language.", "shipped"),
    Variable(
        "order.tracking_numbers",
        "Tracking numbers of the order's shipments, separated by commas.",
        "RO123456789, RO987654321",
    ),
    Variable(
        "order.items",
        "The ordered items, one per line: quantity × product (variant).",
        "2 × Running socks (3-pack)",
    ),
    Variable(
        "order.total",
        "The order's total with its currency, written the way the language writes money.",
        "€249.90",
    ),
    Variable(
        "order.refunded",
        "How much of the order was refunded so far, with its currency; no value before a refund.",
        "€59.50",
    ),
    Variable("agent.first_name", "First name of the agent who applies the macro.", "Irina"),
    Variable("agent.name", "Full name of the agent who applies the macro.", "Irina Vasile"),
)
VARIABLE_NAMES = frozenset(variable.name for variable in VARIABLES)

NO_ORDER = "the ticket is not about an order"
ERASED = "the customer's data was erased"


@dataclass(frozen=True)
class RenderContext:
    """What a macro can say about a ticket: the ticket, its customer, order and agent."""

    ticket_number: int
    ticket_subject: str
    ticket_status: str
    customer_name: str
    customer_email: str
    is_anonymised: bool
    order_number: str
    order: dict[str, Any] | None
    """The ticket's order snapshot (``OrderSnapshot.as_json()``), if it has one."""
    agent_first_name: str = ""
    agent_last_name: str = ""


def _text(value: str, reason: str) -> Value:
    value = " ".join(value.split())
    return value or Missing(reason)


def _decimal(value: Any) -> Decimal | None:
    try:
        return Decimal(str(value))
    except (InvalidOperation, ValueError):
        return None


def _money(order: dict[str, Any] | None, key: str, locale: LocaleData, reason: str) -> Value:
    if order is None:
        return Missing(NO_ORDER)
    amount = _decimal(order.get(key))
    currency = str(order.get("currency") or "")
    if amount is None or not amount.is_finite() or not currency:
        return Missing(reason)
    if amount == 0 and key == "total_refunded":
        return Missing("nothing was refunded on the order")
    return format_money(amount, currency, locale)


def _items(order: dict[str, Any], locale: LocaleData) -> Value:
    items = []
    for line in order.get("lines") or []:
        quantity = _decimal(line.get("quantity")) or Decimal(0)
        name = " ".join(str(line.get("product_name") or "").split())
        variant = " ".join(str(line.get("variant_name") or "").split())
        if not name or quantity <= 0:
            continue
        text = f"{format_number(quantity, locale, decimals=0)} × {name}"
        items.append(f"{text} ({variant})" if variant else text)
    return Lines(tuple(items)) if items else Missing("the order has no items")


def _tracking_numbers(order: dict[str, Any], locale: LocaleData) -> Value:
    numbers: list[str] = []
    for fulfillment in order.get("fulfillments") or []:
        number = str(fulfillment.get("tracking_number") or "").strip()
        if number and fulfillment.get("status") != "canceled" and number not in numbers:
            numbers.append(number)
    if not numbers:
        return Missing("no shipment of the order has a tracking number")
    return locale.list_separator.join(numbers)


def _order_status(order: dict[str, Any], locale: LocaleData) -> Value:
    status = str(order.get("status") or "").replace(" ", "_")
    label = locale.order_statuses.get(status)
    return label or Missing(f"the order's status '{status}' has no wording")


def _customer_values(context: RenderContext) -> dict[str, Value]:
    if context.is_anonymised:
        return {name: Missing(ERASED) for name in VARIABLE_NAMES if name.startswith("customer.")}
    customer = (context.order or {}).get("customer") or {}
    first_name = str(customer.get("first_name") or "").strip()
    if not first_name:
        first_name = (context.customer_name.split() or [""])[0]
    full_name = context.customer_name or " ".join(
        str(customer.get(key) or "") for key in ("first_name", "last_name")
    )
    return {
        "customer.first_name": _text(first_name, "the customer's name is not known"),
        "customer.name": _text(full_name, "the customer's name is not known"),
        "customer.email": _text(context.customer_email, "the customer's e-mail is not known"),
    }


def _order_values(context: RenderContext, locale: LocaleData) -> dict[str, Value]:
    order = context.order
    number = _text(context.order_number or str((order or {}).get("number") or ""), NO_ORDER)
    if order is None:
        return {
            "order.number": number,
            **{
                name: Missing(NO_ORDER)
                for name in VARIABLE_NAMES
                if name.startswith("order.") and name != "order.number"
            },
        }
    return {
        "order.number": number,
        "order.status": _order_status(order, locale),
        "order.tracking_numbers": _tracking_numbers(order, locale),
        "order.items": _items(order, locale),
        "order.total": _money(order, "total_gross", locale, "the order's total is not known"),
        "order.refunded": _money(
            order, "total_refunded", locale, "the order's refunds are not known"
        ),
    }


def variable_values(context: RenderContext, locale: LocaleData) -> dict[str, Value]:
    """Return the value (or why there is none) of every variable, written for ``locale``."""
    agent_name = f"{context.agent_first_name.strip()} {context.agent_last_name.strip()}"
    no_agent = "the agent's name is not known"
    values: dict[str, Value] = {
        **_customer_values(context),
        "ticket.number": str(context.ticket_number),
        "ticket.subject": _text(context.ticket_subject, "the ticket has no subject"),
        "ticket.status": locale.ticket_statuses.get(context.ticket_status, context.ticket_status),
        **_order_values(context, locale),
        "agent.first_name": _text(context.agent_first_name, no_agent),
        "agent.name": _text(agent_name, no_agent),
    }
    return values

"""What the desk writes on a ticket about a store event, in the store's language."""

from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _

from ..host.snapshot import OrderSnapshot
from . import IntakeKind
from .facts import Fact


def ticket_subject(kind: str, order_number: str) -> str:
    subjects = {
        IntakeKind.CANCELLATION: _("Order #%(number)s was cancelled"),
        IntakeKind.EXPIRY: _("Order #%(number)s expired"),
        IntakeKind.REFUND: _("Refund for order #%(number)s"),
        IntakeKind.FULL_REFUND: _("Order #%(number)s was refunded in full"),
        IntakeKind.RETURN: _("Return of items from order #%(number)s"),
        IntakeKind.REPLACEMENT: _("Replacement of items from order #%(number)s"),
        IntakeKind.CUSTOMER_NOTE: _("Note with order #%(number)s"),
        IntakeKind.PAYMENT_PROBLEM: _("Payment problem with order #%(number)s"),
    }
    return subjects[kind] % {"number": order_number}


def _lines_text(fact: Fact, snapshot: OrderSnapshot) -> str:
    names = {line.id: line.product_name for line in snapshot.lines}
    parts = []
    for line in fact.parameters.get("lines", []):
        line_id = str(line.get("line_pk") or line.get("line_id") or "")
        # Replaced lines point at the replacement draft's lines; Saleor names them in "item".
        name = names.get(line_id) or line.get("item") or line_id
        parts.append(f"{line.get('quantity', '?')} × {name}")
    return ", ".join(parts)


def format_amount(amount: str) -> str:
    """Show money with two decimals when that loses nothing (Saleor stores three)."""
    try:
        value = Decimal(amount)
    except InvalidOperation:
        return amount
    cents = value.quantize(Decimal("0.01"))
    return str(cents) if cents == value else str(value)


def system_message(fact: Fact, snapshot: OrderSnapshot) -> str:
    """Return the internal note the desk adds for ``fact``."""
    number = snapshot.number

    def money(key: str) -> str:
        amount = fact.parameters.get(key)
        return f"{format_amount(str(amount))} {snapshot.currency}" if amount else ""

    lines = _lines_text(fact, snapshot)
    if fact.kind == IntakeKind.CANCELLATION:
        text = _("Order #%(number)s was cancelled.") % {"number": number}
    elif fact.kind == IntakeKind.EXPIRY:
        text = _("Order #%(number)s expired before it was paid or confirmed.") % {"number": number}
    elif fact.kind == IntakeKind.REFUND and money("amount"):
        text = _("A refund of %(money)s was issued for order #%(number)s.") % {
            "money": money("amount"),
            "number": number,
        }
    elif fact.kind == IntakeKind.REFUND:
        text = _("A refund was issued for order #%(number)s.") % {"number": number}
        if money("refunded_total"):
            text += " " + _("Refunded so far: %(money)s.") % {"money": money("refunded_total")}
    elif fact.kind == IntakeKind.FULL_REFUND:
        text = _("Order #%(number)s is now refunded in full (%(money)s).") % {
            "number": number,
            "money": money("refunded_total"),
        }
    elif fact.kind == IntakeKind.RETURN:
        text = _("Items of order #%(number)s were returned.") % {"number": number}
    elif fact.kind == IntakeKind.REPLACEMENT:
        text = _("Items of order #%(number)s are being replaced.") % {"number": number}
    elif fact.kind == IntakeKind.CUSTOMER_NOTE:
        text = _("The customer placed order #%(number)s with a note.") % {"number": number}
    else:
        text = _("A payment for order #%(number)s failed.") % {"number": number}
    if lines:
        text += "\n" + _("Items: %(lines)s") % {"lines": lines}
    return text

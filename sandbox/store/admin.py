"""Django admin of the sandbox: the demo store, and the desk's tickets, intake and categories.

The plugin ships no admin of its own; the sandbox registers the desk's models here. Records
that only the store's or the desk's actions may change (orders, tickets, inbound events) are
shown read-only; the few changes offered go through those actions.
"""

from typing import Any

from django.contrib import admin
from django.contrib.admin.utils import flatten_fieldsets
from django.db.models import QuerySet
from django.http import HttpRequest
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import SafeString

from saleor_support_plugin.intake import InboundEventStatus
from saleor_support_plugin.intake.actions import requeue_dead_events
from saleor_support_plugin.intake.kick import kick
from saleor_support_plugin.intake.models import InboundEvent
from saleor_support_plugin.tickets import TicketStatus
from saleor_support_plugin.tickets import actions as ticket_actions
from saleor_support_plugin.tickets.actors import Actor
from saleor_support_plugin.tickets.error_codes import TicketError
from saleor_support_plugin.tickets.models import Ticket, TicketCategory, TicketEvent, TicketMessage

from .models import Fulfillment, Order, OrderEvent, OrderLine, Product

admin.site.site_header = "Support desk sandbox"
admin.site.site_title = "Support desk sandbox"
admin.site.index_title = "Demo store and support desk"

ERROR_PREVIEW_LENGTH = 80


def _number_search(search_term: str) -> int | None:
    """Return the number a search term stands for (``1042`` or ``#1042``), if it is one."""
    term = search_term.strip().lstrip("#")
    return int(term) if term.isdigit() else None


class ReadOnlyInline(admin.TabularInline):
    extra = 0
    can_delete = False
    show_change_link = False

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


class ReadOnlyAdmin(admin.ModelAdmin):
    """Shows records that only the store's or the desk's actions may change."""

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> Any:
        if self.fieldsets:
            return flatten_fieldsets(self.fieldsets)
        return [f.name for f in self.model._meta.fields]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


# The demo store.


@admin.register(Product)
class ProductAdmin(admin.ModelAdmin):
    list_display = ("name", "variant_name", "sku", "price")
    search_fields = ("name", "sku")
    ordering = ("sku",)


class OrderLineInline(ReadOnlyInline):
    model = OrderLine
    fields = (
        "product_name",
        "variant_name",
        "product_sku",
        "quantity",
        "quantity_fulfilled",
        "unit_price_gross_amount",
        "total_price_gross_amount",
    )


class FulfillmentInline(ReadOnlyInline):
    model = Fulfillment
    fields = ("created_at", "status", "tracking_number")


class OrderEventInline(ReadOnlyInline):
    model = OrderEvent
    fields = ("date", "type", "parameters", "user")
    ordering = ("date", "pk")
    verbose_name_plural = "history"


@admin.register(Order)
class OrderAdmin(ReadOnlyAdmin):
    list_display = (
        "number",
        "status",
        "user_email",
        "customer_name",
        "total_gross_amount",
        "currency",
        "charge_status",
        "language_code",
        "created_at",
        "tickets_link",
    )
    list_filter = ("status", "charge_status", "language_code", "origin")
    search_fields = ("user_email", "billing_first_name", "billing_last_name")
    ordering = ("-created_at", "-number")
    date_hierarchy = "created_at"
    fieldsets = (
        (None, {"fields": ("number", "status", "origin", "original", "tickets_link")}),
        (
            "Customer",
            {
                "fields": (
                    "user",
                    "user_email",
                    "billing_first_name",
                    "billing_last_name",
                    "language_code",
                    "customer_note",
                )
            },
        ),
        (
            "Money",
            {
                "fields": (
                    "channel_slug",
                    "currency",
                    "total_gross_amount",
                    "total_charged_amount",
                    "total_refunded_amount",
                    "charge_status",
                )
            },
        ),
        ("Times", {"fields": ("created_at", "updated_at")}),
    )
    inlines = (OrderLineInline, FulfillmentInline, OrderEventInline)

    @admin.display(description="customer")
    def customer_name(self, order: Order) -> str:
        return f"{order.billing_first_name} {order.billing_last_name}".strip()

    @admin.display(description="tickets")
    def tickets_link(self, order: Order) -> SafeString:
        url = reverse("admin:saleor_support_plugin_ticket_changelist")
        return format_html('<a href="{}?order_id={}">tickets</a>', url, order.pk)

    def get_search_results(
        self, request: HttpRequest, queryset: QuerySet[Any], search_term: str
    ) -> tuple[QuerySet[Any], bool]:
        found, distinct = super().get_search_results(request, queryset, search_term)
        number = _number_search(search_term)
        if number is not None:
            found |= queryset.filter(number=number)
        return found, distinct


# The support desk.


class TicketMessageInline(ReadOnlyInline):
    model = TicketMessage
    fields = ("created_at", "author_type", "author_user", "is_internal", "text", "redacted_at")
    readonly_fields = fields
    ordering = ("created_at", "pk")

    @admin.display(description="message")
    def text(self, message: TicketMessage) -> SafeString:
        return format_html(
            '<div dir="auto" style="white-space: pre-wrap; max-width: 60em">{}</div>',
            message.body_raw,
        )


class TicketEventInline(ReadOnlyInline):
    model = TicketEvent
    fields = ("created_at", "type", "parameters", "user", "dedupe_key")
    ordering = ("created_at", "pk")
    verbose_name_plural = "timeline"


@admin.register(Ticket)
class TicketAdmin(ReadOnlyAdmin):
    list_display = (
        "number",
        "subject",
        "status",
        "priority",
        "category",
        "channel",
        "customer_email",
        "order_number",
        "assignee",
        "created_at",
    )
    list_display_links = ("number", "subject")
    list_filter = (
        "status",
        "priority",
        "category",
        "channel",
        "language_code",
        ("assignee", admin.RelatedOnlyFieldListFilter),
    )
    list_select_related = ("category", "assignee")
    search_fields = ("subject", "customer_email", "customer_name", "order_number")
    ordering = ("-created_at", "-id")
    date_hierarchy = "created_at"
    fieldsets = (
        (
            None,
            {
                "fields": (
                    "number",
                    "subject",
                    "status",
                    "priority",
                    "category",
                    "channel",
                    "tier",
                    "tags",
                    "assignee",
                )
            },
        ),
        (
            "Customer",
            {
                "fields": (
                    "customer_email",
                    "customer_name",
                    "customer_user",
                    "language_code",
                    "anonymised_at",
                )
            },
        ),
        ("Order", {"fields": ("order_link", "order_channel", "thread_key")}),
        (
            "Times",
            {
                "fields": (
                    "created_at",
                    "updated_at",
                    "first_response_at",
                    "solved_at",
                    "closed_at",
                    "version",
                )
            },
        ),
    )
    inlines = (TicketMessageInline, TicketEventInline)
    actions = ("assign_to_me", "mark_solved")

    @admin.display(description="order")
    def order_link(self, ticket: Ticket) -> str:
        if ticket.order_id is None:
            return "-"
        url = reverse("admin:store_order_change", args=[ticket.order_id])
        return format_html('<a href="{}">#{}</a>', url, ticket.order_number)

    def get_search_results(
        self, request: HttpRequest, queryset: QuerySet[Any], search_term: str
    ) -> tuple[QuerySet[Any], bool]:
        found, distinct = super().get_search_results(request, queryset, search_term)
        number = _number_search(search_term)
        if number is not None:
            found |= queryset.filter(number=number)
        return found, distinct

    @admin.action(description="Assign selected tickets to me")
    def assign_to_me(self, request: HttpRequest, queryset: QuerySet[Ticket]) -> None:
        user_id = request.user.pk
        for ticket in queryset.order_by("pk"):
            ticket_actions.assign_ticket(ticket, user_id, actor=Actor(user_id=user_id))
        self.message_user(request, f"Assigned {queryset.count()} ticket(s) to you.")

    @admin.action(description="Mark selected tickets as solved")
    def mark_solved(self, request: HttpRequest, queryset: QuerySet[Ticket]) -> None:
        solved, refused = 0, []
        actor = Actor(user_id=request.user.pk)
        for ticket in queryset.order_by("pk"):
            try:
                ticket_actions.change_status(ticket, TicketStatus.SOLVED, actor=actor)
            except TicketError:
                refused.append(f"#{ticket.number}")
            else:
                solved += 1
        message = f"Solved {solved} ticket(s)."
        if refused:
            message += f" Not solvable from their status: {', '.join(refused)}."
        self.message_user(request, message)


@admin.register(InboundEvent)
class InboundEventAdmin(ReadOnlyAdmin):
    list_display = (
        "id",
        "source_event_type",
        "status",
        "attempts",
        "error_preview",
        "outcome",
        "ticket",
        "occurred_at",
        "created_at",
        "processed_at",
    )
    list_filter = ("status", "source_event_type")
    list_select_related = ("ticket",)
    search_fields = ("source_object_id", "outcome", "last_error")
    ordering = ("-id",)
    actions = ("requeue_dead_letters",)

    @admin.display(description="last error")
    def error_preview(self, event: InboundEvent) -> str:
        error = event.last_error
        if len(error) > ERROR_PREVIEW_LENGTH:
            return error[: ERROR_PREVIEW_LENGTH - 1] + "…"
        return error

    @admin.action(description="Requeue dead letters")
    def requeue_dead_letters(self, request: HttpRequest, queryset: QuerySet[InboundEvent]) -> None:
        ids = list(queryset.filter(status=InboundEventStatus.DEAD).values_list("pk", flat=True))
        count = requeue_dead_events(ids)
        for event_id in ids:
            kick(event_id)
        self.message_user(request, f"Requeued {count} dead letter(s).")


@admin.register(TicketCategory)
class TicketCategoryAdmin(admin.ModelAdmin):
    list_display = ("name", "slug", "position", "is_active")
    list_editable = ("position", "is_active")
    prepopulated_fields = {"slug": ("name",)}
    ordering = ("position", "slug")

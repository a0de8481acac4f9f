import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone

from . import FulfillmentStatus, OrderStatus

ORDER_NUMBER_SEQUENCE = "store_order_number_seq"


class PluginSetting(models.Model):
    """A value of the desk plugin's configuration saved in the sandbox (through the desk's API).

    Saleor keeps these in its ``PluginConfiguration`` row; here names not saved take
    ``settings.SUPPORT_DESK_PLUGIN_CONFIGURATION``, then the plugin's defaults.
    """

    name = models.CharField(max_length=64, unique=True)
    value = models.TextField(blank=True, default="")

    def __str__(self) -> str:
        return self.name


class Product(models.Model):
    name = models.CharField(max_length=255)
    variant_name = models.CharField(max_length=255, blank=True, default="")
    sku = models.CharField(max_length=64, unique=True)
    price = models.DecimalField(max_digits=12, decimal_places=2)

    def __str__(self) -> str:
        return self.name


class Order(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    number = models.IntegerField(
        unique=True,
        db_default=models.Func(
            models.Value(ORDER_NUMBER_SEQUENCE),
            function="nextval",
            output_field=models.IntegerField(),
        ),
        editable=False,
    )
    status = models.CharField(max_length=32, choices=OrderStatus.CHOICES)
    origin = models.CharField(max_length=32, default="checkout")
    original = models.ForeignKey("self", null=True, blank=True, on_delete=models.SET_NULL)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    user_email = models.EmailField(blank=True, default="")
    billing_first_name = models.CharField(max_length=255, blank=True, default="")
    billing_last_name = models.CharField(max_length=255, blank=True, default="")
    language_code = models.CharField(max_length=35, default="en")
    channel_slug = models.CharField(max_length=64, default="default-channel")
    currency = models.CharField(max_length=3, default="EUR")
    total_gross_amount = models.DecimalField(max_digits=12, decimal_places=2, default=0)
    total_charged_amount = models.DecimalField(max_digits=12, decimal_places=2, default=0)
    total_refunded_amount = models.DecimalField(max_digits=12, decimal_places=2, default=0)
    charge_status = models.CharField(max_length=32, default="none")
    customer_note = models.TextField(blank=True, default="")
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return f"#{self.number}"


class OrderLine(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    order = models.ForeignKey(Order, on_delete=models.CASCADE, related_name="lines")
    product = models.ForeignKey(Product, null=True, on_delete=models.SET_NULL)
    product_name = models.CharField(max_length=255)
    variant_name = models.CharField(max_length=255, blank=True, default="")
    product_sku = models.CharField(max_length=64, blank=True, default="")
    quantity = models.PositiveIntegerField()
    quantity_fulfilled = models.PositiveIntegerField(default=0)
    unit_price_gross_amount = models.DecimalField(max_digits=12, decimal_places=2)
    total_price_gross_amount = models.DecimalField(max_digits=12, decimal_places=2)

    def __str__(self) -> str:
        return f"{self.quantity} × {self.product_name}"


class Fulfillment(models.Model):
    order = models.ForeignKey(Order, on_delete=models.CASCADE, related_name="fulfillments")
    status = models.CharField(max_length=32, choices=FulfillmentStatus.CHOICES)
    tracking_number = models.CharField(max_length=255, blank=True, default="")
    created_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return f"{self.status} fulfillment of order {self.order_id}"


class FulfillmentLine(models.Model):
    fulfillment = models.ForeignKey(Fulfillment, on_delete=models.CASCADE, related_name="lines")
    order_line = models.ForeignKey(OrderLine, on_delete=models.CASCADE, related_name="+")
    quantity = models.PositiveIntegerField()

    def __str__(self) -> str:
        return f"{self.quantity} of line {self.order_line_id}"


class OrderEvent(models.Model):
    order = models.ForeignKey(Order, on_delete=models.CASCADE, related_name="events")
    type = models.CharField(max_length=255)
    date = models.DateTimeField(default=timezone.now)
    parameters = models.JSONField(default=dict, blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )

    class Meta:
        indexes = [models.Index(fields=["date"], name="store_orderevent_date_idx")]

    def __str__(self) -> str:
        return f"{self.type} on order {self.order_id}"

from django.apps import AppConfig


class SupportDeskConfig(AppConfig):
    name = "saleor_support_plugin"
    label = "saleor_support_plugin"
    verbose_name = "Support desk"
    default_auto_field = "django.db.models.BigAutoField"

from django.db import migrations

from saleor_support_plugin.tickets import DEFAULT_CATEGORIES


def create_categories(apps, schema_editor):
    TicketCategory = apps.get_model("saleor_support_plugin", "TicketCategory")
    for position, (slug, name) in enumerate(DEFAULT_CATEGORIES):
        TicketCategory.objects.get_or_create(slug=slug, defaults={"name": name, "position": position})


class Migration(migrations.Migration):
    dependencies = [("saleor_support_plugin", "0001_initial")]

    operations = [migrations.RunPython(create_categories, migrations.RunPython.noop)]

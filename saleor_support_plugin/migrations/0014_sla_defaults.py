from django.conf import settings
from django.db import migrations

from saleor_support_plugin.sla.defaults import seed_defaults


def create_defaults(apps, schema_editor):
    seed_defaults(apps, settings.TIME_ZONE or "UTC")


class Migration(migrations.Migration):
    dependencies = [("saleor_support_plugin", "0013_sla")]

    operations = [migrations.RunPython(create_defaults, migrations.RunPython.noop)]

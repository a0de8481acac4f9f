"""Full-text search: extensions, the text search configuration, search text and vectors."""

import django.contrib.postgres.indexes
import django.contrib.postgres.search
from django.db import migrations, models

from saleor_support_plugin.search.documents import message_search_text, search_text_of_ticket

BACKFILL_BATCH_SIZE = 1000

CREATE_CONFIGURATION = """
DO $$
BEGIN
    IF NOT EXISTS (
        SELECT 1 FROM pg_ts_config
        WHERE cfgname = 'support_simple_unaccent'
          AND cfgnamespace = current_schema()::regnamespace
    ) THEN
        CREATE TEXT SEARCH CONFIGURATION support_simple_unaccent (COPY = pg_catalog.simple);
        ALTER TEXT SEARCH CONFIGURATION support_simple_unaccent
            ALTER MAPPING FOR word, hword, hword_part, numword, numhword, hword_numpart
            WITH unaccent, simple;
    END IF;
END
$$;
"""


def backfill_search_text(apps, schema_editor):
    Ticket = apps.get_model("saleor_support_plugin", "Ticket")
    TicketMessage = apps.get_model("saleor_support_plugin", "TicketMessage")
    for model, build in ((Ticket, search_text_of_ticket), (TicketMessage, _message_text)):
        last_pk = 0
        while True:
            rows = list(model.objects.filter(pk__gt=last_pk).order_by("pk")[:BACKFILL_BATCH_SIZE])
            if not rows:
                break
            for row in rows:
                row.search_text = build(row)
            model.objects.bulk_update(rows, ["search_text"])
            last_pk = rows[-1].pk


def _message_text(message):
    return message_search_text(message.body)


class Migration(migrations.Migration):

    dependencies = [
        ("saleor_support_plugin", "0006_inbound_event_claimed_at"),
    ]

    operations = [
        # Both are trusted extensions (PostgreSQL 13+): a database owner may create them.
        # They stay on reversal: the host (Saleor uses pg_trgm) may depend on them.
        migrations.RunSQL(
            "CREATE EXTENSION IF NOT EXISTS unaccent; CREATE EXTENSION IF NOT EXISTS pg_trgm;",
            reverse_sql=migrations.RunSQL.noop,
        ),
        migrations.RunSQL(
            CREATE_CONFIGURATION,
            reverse_sql="DROP TEXT SEARCH CONFIGURATION IF EXISTS support_simple_unaccent;",
        ),
        migrations.AddField(
            model_name="ticket",
            name="search_text",
            field=models.TextField(blank=True, default=""),
        ),
        migrations.AddField(
            model_name="ticketmessage",
            name="search_text",
            field=models.TextField(blank=True, default=""),
        ),
        migrations.RunPython(backfill_search_text, migrations.RunPython.noop),
        migrations.AddField(
            model_name="ticket",
            name="search_vector",
            field=models.GeneratedField(
                db_persist=True,
                expression=django.contrib.postgres.search.CombinedSearchVector(
                    django.contrib.postgres.search.SearchVector(
                        models.Func(
                            models.F("search_text"),
                            models.Value("\n"),
                            models.Value(1, output_field=models.IntegerField()),
                            function="split_part",
                            output_field=models.TextField(),
                        ),
                        config="support_simple_unaccent",
                        weight="A",
                    ),
                    "||",
                    django.contrib.postgres.search.SearchVector(
                        models.Func(
                            models.F("search_text"),
                            models.Value("\n"),
                            models.Value(2, output_field=models.IntegerField()),
                            function="split_part",
                            output_field=models.TextField(),
                        ),
                        config="support_simple_unaccent",
                        weight="B",
                    ),
                    django.contrib.postgres.search.SearchConfig("support_simple_unaccent"),
                ),
                output_field=django.contrib.postgres.search.SearchVectorField(),
            ),
        ),
        migrations.AddField(
            model_name="ticketmessage",
            name="search_vector",
            field=models.GeneratedField(
                db_persist=True,
                expression=django.contrib.postgres.search.SearchVector(
                    "search_text", config="support_simple_unaccent", weight="C"
                ),
                output_field=django.contrib.postgres.search.SearchVectorField(),
            ),
        ),
        migrations.AddIndex(
            model_name="ticket",
            index=django.contrib.postgres.indexes.GinIndex(
                fields=["search_vector"],
                gin_pending_list_limit=4096,
                name="support_ticket_search_idx",
            ),
        ),
        migrations.AddIndex(
            model_name="ticket",
            index=django.contrib.postgres.indexes.GinIndex(
                fields=["order_number"],
                gin_pending_list_limit=4096,
                name="support_ticket_order_trgm_idx",
                opclasses=["gin_trgm_ops"],
            ),
        ),
        migrations.AddIndex(
            model_name="ticket",
            index=django.contrib.postgres.indexes.GinIndex(
                fields=["customer_email"],
                gin_pending_list_limit=4096,
                name="support_ticket_email_trgm_idx",
                opclasses=["gin_trgm_ops"],
            ),
        ),
        migrations.AddIndex(
            model_name="ticketmessage",
            index=django.contrib.postgres.indexes.GinIndex(
                fields=["search_vector"],
                gin_pending_list_limit=4096,
                name="support_message_search_idx",
            ),
        ),
    ]

"""PostgreSQL only: a stored, generated word vector of each entry's text, with a GIN index.

See regrow.publishing.search. Other databases search without it.
"""

from django.db import migrations

FORWARD = [
    """ALTER TABLE publishing_entry ADD COLUMN search_vector tsvector
       GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, coalesce(search_text, ''))) STORED""",
    "CREATE INDEX entry_search_vector_gin ON publishing_entry USING gin (search_vector)",
]
BACKWARD = [
    "DROP INDEX IF EXISTS entry_search_vector_gin",
    "ALTER TABLE publishing_entry DROP COLUMN IF EXISTS search_vector",
]


def _run(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for statement in statements:
                schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("publishing", "0002_pictures_places_related_versions")]

    operations = [migrations.RunPython(_run(FORWARD), _run(BACKWARD))]

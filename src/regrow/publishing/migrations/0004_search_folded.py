"""Search that forgives accents and endings (see regrow.publishing.search).

Every database: `search_text` becomes the folded text (lowercase, without accents), with the
event's place and address. PostgreSQL: the `unaccent` extension and the text-search
configuration `regrow_search` (`simple` behind `unaccent`; PostgreSQL has no Latvian stemmer),
and the stored word vector is generated with it.
"""

from django.contrib.postgres.operations import UnaccentExtension
from django.db import migrations

from regrow.publishing.search import indexed_text

DROP_VECTOR = [
    "DROP INDEX IF EXISTS entry_search_vector_gin",
    "ALTER TABLE publishing_entry DROP COLUMN IF EXISTS search_vector",
]
TOKENS = (
    "asciiword, word, numword, asciihword, hword, numhword, hword_asciipart, hword_part, "
    "hword_numpart"
)
CREATE_CONFIG = [
    "CREATE TEXT SEARCH CONFIGURATION regrow_search (COPY = simple)",
    f"ALTER TEXT SEARCH CONFIGURATION regrow_search ALTER MAPPING FOR {TOKENS} "
    "WITH unaccent, simple",
]
DROP_CONFIG = ["DROP TEXT SEARCH CONFIGURATION IF EXISTS regrow_search"]


def _vector(config: str) -> list[str]:
    return [
        f"""ALTER TABLE publishing_entry ADD COLUMN search_vector tsvector GENERATED ALWAYS AS
           (to_tsvector('{config}'::regconfig, coalesce(search_text, ''))) STORED""",
        "CREATE INDEX entry_search_vector_gin ON publishing_entry USING gin (search_vector)",
    ]


def _on_postgresql(*groups):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for statements in groups:
                for statement in statements:
                    schema_editor.execute(statement)

    return run


def fold_search_text(apps, schema_editor):
    # The stored text held title, lead and text as written; fold it and add place and address.
    Entry = apps.get_model("publishing", "Entry")
    changed = []
    for entry in Entry.objects.only("search_text", "place_name", "place_address").iterator():
        entry.search_text = indexed_text(entry.search_text, entry.place_name, entry.place_address)
        changed.append(entry)
    Entry.objects.bulk_update(changed, ["search_text"], batch_size=500)


class Migration(migrations.Migration):
    dependencies = [("publishing", "0003_search_index")]

    operations = [
        migrations.RunPython(
            _on_postgresql(DROP_VECTOR), _on_postgresql(DROP_VECTOR, _vector("simple"))
        ),
        UnaccentExtension(),
        migrations.RunPython(_on_postgresql(CREATE_CONFIG), _on_postgresql(DROP_CONFIG)),
        migrations.RunPython(fold_search_text, migrations.RunPython.noop),
        migrations.RunPython(_on_postgresql(_vector("regrow_search")), _on_postgresql(DROP_VECTOR)),
    ]

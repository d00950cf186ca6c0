"""A GIN index for full-text search on PostgreSQL; other databases search without one."""

from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVector
from django.db import migrations


def _index() -> GinIndex:
    # The expression of regrow.publishing.search.search_vector() as of this migration; a
    # test checks that the search still asks with it.
    return GinIndex(SearchVector("search_text", config="simple"), name="entry_search_text_gin")


def add_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.add_index(apps.get_model("publishing", "Entry"), _index())


def remove_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.remove_index(apps.get_model("publishing", "Entry"), _index())


class Migration(migrations.Migration):
    dependencies = [("publishing", "0002_pictures_places_related_versions")]

    operations = [migrations.RunPython(add_index, remove_index)]

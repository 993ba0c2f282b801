"""The stored, indexed text-search vector of posts, on PostgreSQL only (blog/search.py).

A generated column the database keeps itself, built with the site's language as this migration runs; on
SQLite and MariaDB, where searches match words with LIKE, this does nothing. Not a model field: Django
neither reads nor writes it, so the model state is unchanged.
"""

from django.db import migrations


def add_search_column(apps, schema_editor):
    from blog.search import add_search_column

    add_search_column(schema_editor.connection)


def drop_search_column(apps, schema_editor):
    from blog.search import drop_search_column

    drop_search_column(schema_editor.connection)


class Migration(migrations.Migration):
    dependencies = [
        ("blog", "0013_content_generation"),
    ]

    operations = [
        migrations.RunPython(add_search_column, drop_search_column, elidable=False),
    ]

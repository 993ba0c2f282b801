from django.db import migrations

from accounts.roles import sync_roles


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0002_roles"),
        ("blog", "0006_discussion_settings"),
        ("comments", "0002_moderation_and_spam_filter"),
    ]

    operations = [migrations.RunPython(sync_roles, migrations.RunPython.noop)]

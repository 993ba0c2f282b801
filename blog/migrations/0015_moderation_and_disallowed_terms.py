from django.db import migrations, models


class Migration(migrations.Migration):
    """The one word list, which held comments, keeps doing so as `moderation_terms`; `disallowed_terms` is
    now WordPress's second list, whose matches go to the trash."""

    dependencies = [("blog", "0014_post_search_vector")]

    operations = [
        migrations.RenameField("sitesettings", "disallowed_terms", "moderation_terms"),
        migrations.AlterField(
            "sitesettings",
            "moderation_terms",
            models.TextField(
                blank=True,
                verbose_name="Comment moderation",
                help_text="One word, e-mail address or IP address per line; comments matching any are held for "
                "approval.",
            ),
        ),
        migrations.AddField(
            "sitesettings",
            "disallowed_terms",
            models.TextField(
                blank=True,
                verbose_name="Disallowed comment keys",
                help_text="One word, e-mail address or IP address per line; comments matching any go straight to "
                "the trash: kept for the record, never shown and never e-mailed about.",
            ),
        ),
    ]

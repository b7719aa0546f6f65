"""Every visit keeps the plain-text start of its report, so lists need not render Markdown."""

from django.db import migrations, models

from portal import richtext

LENGTH = 200


def fill_body_start(apps, schema_editor):
    Visit = apps.get_model("visits", "Visit")
    changed = []
    for visit in Visit.objects.only("pk", "body_html").iterator(chunk_size=500):
        visit.body_start = richtext.html_to_text(visit.body_html, limit=LENGTH)
        changed.append(visit)
    Visit.objects.bulk_update(changed, ["body_start"], batch_size=500)


class Migration(migrations.Migration):
    dependencies = [
        ("visits", "0003_history_on_workflow_kit"),
    ]

    operations = [
        migrations.AddField(
            model_name="visit",
            name="body_start",
            field=models.CharField(default="", editable=False, max_length=200, verbose_name="start of the report"),
        ),
        migrations.RunPython(fill_body_start, migrations.RunPython.noop, elidable=True),
    ]

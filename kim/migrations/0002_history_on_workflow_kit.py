"""KIM status and news history on the portal's workflow kit: `by` is now
`actor`, the recording time is `at`, and every row says whether it is public
(status changes are, the news review history is not). No row is lost."""

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models


def review_history_is_internal(apps, schema_editor):
    apps.get_model("kim", "PostTransition").objects.update(is_public=False)


class Migration(migrations.Migration):
    dependencies = [
        ("kim", "0001_initial"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.RenameField(model_name="kimstatuschange", old_name="by", new_name="actor"),
        migrations.RenameField(model_name="kimstatuschange", old_name="recorded", new_name="at"),
        migrations.RenameField(model_name="posttransition", old_name="by", new_name="actor"),
        migrations.AddField(
            model_name='kimstatuschange',
            name='is_public',
            field=models.BooleanField(default=True, verbose_name='shown publicly'),
        ),
        migrations.AddField(
            model_name='posttransition',
            name='is_public',
            field=models.BooleanField(default=True, verbose_name='shown publicly'),
        ),
        migrations.AlterField(
            model_name='kimstatuschange',
            name='actor',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='by'),
        ),
        migrations.AlterField(
            model_name='kimstatuschange',
            name='at',
            field=models.DateTimeField(default=django.utils.timezone.now, verbose_name='when'),
        ),
        migrations.AlterField(
            model_name='kimstatuschange',
            name='from_status',
            field=models.CharField(blank=True, choices=[('active', 'Active'), ('inactive', 'Inactive'), ('dissolved', 'Dissolved')], max_length=20, verbose_name='previous status'),
        ),
        migrations.AlterField(
            model_name='kimstatuschange',
            name='note',
            field=models.TextField(blank=True, verbose_name='note'),
        ),
        migrations.AlterField(
            model_name='kimstatuschange',
            name='to_status',
            field=models.CharField(choices=[('active', 'Active'), ('inactive', 'Inactive'), ('dissolved', 'Dissolved')], max_length=20, verbose_name='new status'),
        ),
        migrations.AlterField(
            model_name='posttransition',
            name='at',
            field=models.DateTimeField(default=django.utils.timezone.now, verbose_name='when'),
        ),
        migrations.AlterField(
            model_name='posttransition',
            name='from_status',
            field=models.CharField(blank=True, choices=[('draft', 'Draft'), ('submitted', 'Submitted for review'), ('published', 'Published'), ('returned', 'Returned to the KIM')], max_length=20, verbose_name='from'),
        ),
        migrations.AlterField(
            model_name='posttransition',
            name='to_status',
            field=models.CharField(choices=[('draft', 'Draft'), ('submitted', 'Submitted for review'), ('published', 'Published'), ('returned', 'Returned to the KIM')], max_length=20, verbose_name='to'),
        ),
        migrations.AlterModelOptions(
            name='kimstatuschange',
            options={'ordering': ['on', 'pk'], 'verbose_name': 'KIM status change', 'verbose_name_plural': 'KIM status history'},
        ),
            migrations.RunPython(review_history_is_internal, migrations.RunPython.noop),
    ]

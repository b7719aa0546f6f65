"""Load the Permendagri 20/2018 chart of accounts, the functional classification
and the sources of funds, so every deployment has them."""

from django.db import migrations


def forwards(apps, schema_editor):
    from ogp import reference_data

    reference_data.load(
        FundSource=apps.get_model("ogp", "FundSource"),
        Account=apps.get_model("ogp", "Account"),
        Activity=apps.get_model("ogp", "Activity"),
    )


class Migration(migrations.Migration):
    dependencies = [("ogp", "0001_initial")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]

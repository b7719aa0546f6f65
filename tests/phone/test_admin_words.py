"""Admin pages speak to officers in words: a history row reads "Diajukan → Diproses",
never its record number and raw status values ("70: → filed")."""

import re

from django.apps import apps
from django.urls import reverse
from django.utils import translation

from portal.workflow import HistoryEntry
from tests.ppid.conftest import register, unit_sedahkidul  # noqa: F401 (fixtures)

# Every history model that reads its row the shared way (the KIM register's own names the KIM and date).
HISTORY_MODELS = [
    model
    for model in apps.get_models()
    if issubclass(model, HistoryEntry) and model.__str__ is HistoryEntry.__str__
]


def test_every_history_row_reads_as_the_statuses_names():
    assert len(HISTORY_MODELS) >= 8, HISTORY_MODELS
    with translation.override("id"):
        for model in HISTORY_MODELS:
            choices = model._meta.get_field("to_status").flatchoices
            (first, first_label), (second, second_label) = choices[:2]
            assert str(model(from_status=first, to_status=second)) == f"{first_label} → {second_label}"
            assert str(model(from_status="", to_status=first)) == str(first_label), model


def test_the_request_admin_shows_no_raw_status_or_record_number(
    client,
    officer_sedahkidul,
    register,  # noqa: F811
):
    info_request = register().request
    client.force_login(officer_sedahkidul)
    html = client.get(reverse("admin:ppid_inforequest_change", args=[info_request.pk])).content.decode()
    originals = re.findall(r'<td class="original">\s*<p>\s*(.*?)\s*(?:<a|</p>)', html, re.S)
    assert originals, "the history rows are shown"
    for original in originals:
        assert not re.search(rf"^{info_request.pk}\b|\bfiled\b|:\s*→", original), original

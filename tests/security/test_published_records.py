"""Published records are never deleted; retention is the only way personal data goes, and it is logged."""

import datetime
import io
import re

import pytest
from auditlog.models import LogEntry
from django.apps import apps
from django.contrib.auth.models import User
from django.core.management import call_command
from django.db import OperationalError, transaction
from django.db.models import ProtectedError
from django.urls import reverse
from django.utils import timezone

from ogp.models.budgets import PublishedRecordError
from portal.models import OfficePage
from ppid.models import (
    AnnualReport,
    InfoRequest,
    RequestEvent,
)
from tests.ppid.conftest import answer
from tests.security.conftest import TODAY, html_posts

# --- Published records are never deleted ----------------------------------------------------------


def published_models():
    """Every model of the portal whose rows reach the public site through a `published()` gate."""

    return sorted(
        (
            model
            for model in apps.get_models()
            if model._meta.app_label in ("portal", "visits", "kim", "ppid", "ogp")
            and hasattr(model._default_manager, "published")
        ),
        key=lambda model: model._meta.label,
    )


# Records that are public without a `published()` gate of their own.
OTHER_PUBLIC_RECORDS = {
    "ppid.InfoRequest": lambda: InfoRequest.objects.public_register(),
    "ppid.AnnualReport": lambda: AnnualReport.objects.filter(is_published=True),
}
# Where the app refuses the deletion in the model itself, not only in the admin.
MODEL_LEVEL = {"visits.Visit", "ogp.Budget", "ogp.BudgetVersion", "ogp.RealisationReport"}


def public_records():
    records = {model._meta.label: model._default_manager.published() for model in published_models()}
    records.update({label: queryset() for label, queryset in OTHER_PUBLIC_RECORDS.items()})
    return records


def test_the_walk_over_published_models_covers_every_app():
    labels = {model._meta.label for model in published_models()}
    assert {"portal.OfficePage", "visits.Visit", "kim.Kim", "kim.Post", "kim.Forum", "ppid.DipItem"} <= labels
    assert {"ppid.Regulation", "ogp.BudgetVersion", "ogp.Assessment", "ogp.Commitment"} <= labels


def test_no_published_record_of_any_app_can_be_deleted_in_the_admin(client, public_site, make_staff):

    superuser = User.objects.create_superuser("super", password="correct horse battery")
    client.force_login(superuser)
    kept = {}
    for label, queryset in public_records().items():
        record = queryset.order_by("pk").first()
        assert record is not None, f"the data set has no published {label}"
        opts = record._meta
        delete_url = reverse(f"admin:{opts.app_label}_{opts.model_name}_delete", args=[record.pk])
        page = client.get(delete_url).status_code
        confirm = client.post(delete_url, {"post": "yes"}).status_code
        changelist = reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")
        bulk = client.post(
            changelist, {"action": "delete_selected", "_selected_action": [str(record.pk)], "post": "yes"}
        ).status_code
        still_there = type(record)._default_manager.filter(pk=record.pk).exists()
        if (page, confirm) != (403, 403) or not still_there:
            kept[label] = (page, confirm, bulk, still_there)
    assert kept == {}


@pytest.mark.parametrize("label", sorted(MODEL_LEVEL))
def test_published_records_refuse_deletion_in_the_model_itself(public_site, label):

    record = public_records()[label].order_by("pk").first()
    kept = r"(?i)published|protected foreign keys|is kept|sudah terbit"
    with pytest.raises((ProtectedError, PublishedRecordError), match=kept), transaction.atomic():
        record.delete()
    assert type(record)._default_manager.filter(pk=record.pk).exists()


def test_a_record_taken_off_the_site_can_be_deleted(client, public_site, administrator):
    client.force_login(administrator)
    page = public_site["office_page"]
    assert (
        client.post(reverse("admin:portal_officepage_delete", args=[page.pk]), {"post": "yes"}).status_code
        == 403
    )
    OfficePage.objects.filter(pk=page.pk).update(is_published=False)
    response = client.post(reverse("admin:portal_officepage_delete", args=[page.pk]), {"post": "yes"})
    assert response.status_code == 302 and not OfficePage.objects.filter(pk=page.pk).exists()


# --- Retention: the only way personal data goes away, and it is logged -----------------------------


def test_retention_removes_the_identity_files_and_logs_every_anonymisation(
    private_files, django_capture_on_commit_callbacks, caplog
):

    info_request = InfoRequest.objects.exclude(requester_identity_scan="").get()
    answer(info_request, issued_on=TODAY)
    InfoRequest.objects.filter(pk=info_request.pk).update(
        closed_at=timezone.now() - datetime.timedelta(days=6 * 366)
    )
    files = [info_request.requester_identity_scan, info_request.requester_proxy_letter]
    storage = files[0].storage
    assert all(storage.exists(upload.name) for upload in files)
    audit_before = LogEntry.objects.get_for_object(info_request).count()
    out = io.StringIO()
    with django_capture_on_commit_callbacks(execute=True), caplog.at_level("INFO", logger="ppid.services"):
        call_command("anonymise_ppid_requesters", stdout=out)
    info_request.refresh_from_db()
    assert info_request.anonymised_at is not None and info_request.requester_name == "—"
    assert not info_request.requester_identity_scan and not info_request.requester_proxy_letter
    assert not any(storage.exists(upload.name) for upload in files)
    # Logged three times over: the command's output, the application log and the request's own history.
    assert f"Anonymised {info_request.number}" in out.getvalue()
    assert f"anonymised {info_request.number}" in caplog.text
    event = info_request.events.get(kind=RequestEvent.Kind.ANONYMISED)
    assert "requester_identity_scan" in event.note and not event.is_public
    assert LogEntry.objects.get_for_object(info_request).count() > audit_before


# --- Data safety -----------------------------------------------------------------------------------


def test_a_request_is_confirmed_even_when_the_search_index_cannot_be_refreshed(
    client, public_site, monkeypatch, django_capture_on_commit_callbacks, caplog
):

    def locked(kind, objects):
        raise OperationalError("database table is locked")

    monkeypatch.setattr("portal.search.refresh", locked)
    with django_capture_on_commit_callbacks(execute=True), caplog.at_level("ERROR"):
        response = client.post("/ppid/permohonan/baru/", html_posts(public_site)[1][1], follow=True)
    info_request = InfoRequest.objects.get(requester_name="Ani")
    # The citizen sees the number and the access code of what was saved; the failure is logged.
    assert response.status_code == 200 and info_request.number in response.content.decode()
    assert re.search(r'id="kode">[A-Z2-7-]+<', response.content.decode())
    assert "database table is locked" in caplog.text

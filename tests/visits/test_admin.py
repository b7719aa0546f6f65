"""The back office: editors create, preview, publish and correct visits; officers have no access."""

import datetime

import pytest
from auditlog.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils import timezone

from portal.models import Village
from tests.conftest import SEDAHKIDUL
from tests.visits.conftest import image_upload
from visits.models import Topic, Visit, VisitPhoto

ADD = reverse("admin:visits_visit_add")
CHANGELIST = reverse("admin:visits_visit_changelist")
INLINES = ("officials", "sessions", "photos")


def change_url(visit):
    return reverse("admin:visits_visit_change", args=[visit.pk])


def preview_url(visit):
    return reverse("admin:visits_visit_preview", args=[visit.pk])


def publication_url(visit):
    return reverse("admin:visits_visit_publication", args=[visit.pk])


@pytest.fixture
def form_data(magelang, make_topic):
    kim = make_topic("KIM", "kim")

    def data(**overrides):
        values = {
            "title": "Studi banding Pemkot Magelang",
            "slug": "",
            "kind": "studi_banding",
            "summary": "",
            "institution": str(magelang.pk),
            "visiting_units": "",
            "leader_name": "Drs. Indra Indah Wacana",
            "leader_position": "Asisten Administrasi Umum",
            "delegation_size": "",
            "start_date": "2017-09-19",
            "end_date": "",
            "venue": "ruang Angling Darmo",
            "villages": [SEDAHKIDUL],
            "topics": [str(kim.pk)],
            "host_units": [],
            "body": "Laporan kunjungan.",
            "follow_up": "",
            "author_credit": "Nuty/Dinkominfo",
            "_save": "Simpan",
        }
        for prefix in INLINES:
            values.update(
                {
                    f"{prefix}-TOTAL_FORMS": "0",
                    f"{prefix}-INITIAL_FORMS": "0",
                    f"{prefix}-MIN_NUM_FORMS": "0",
                    f"{prefix}-MAX_NUM_FORMS": "1000",
                }
            )
        values.update(overrides)
        return values

    return data


def existing(data, visit):
    """Form data for changing `visit`, with its existing inline rows counted."""
    data = dict(data)
    data["photos-INITIAL_FORMS"] = data["photos-TOTAL_FORMS"] = str(visit.photos.count())
    for index, photo in enumerate(visit.photos.all()):
        data.update(
            {
                f"photos-{index}-id": str(photo.pk),
                f"photos-{index}-visit": str(visit.pk),
                f"photos-{index}-order": str(photo.order),
                f"photos-{index}-alt_text": photo.alt_text,
            }
        )
    return data


def test_an_editor_creates_a_draft_with_a_proposed_slug(client, editor, form_data):
    client.force_login(editor)
    response = client.post(ADD, form_data())
    assert response.status_code == 302
    visit = Visit.objects.get()
    assert (visit.status, visit.slug) == (Visit.Status.DRAFT, "studi-banding-pemkot-magelang")
    assert list(visit.villages.values_list("code", flat=True)) == [SEDAHKIDUL]
    assert not Visit.objects.published().exists()


def test_the_proposed_slug_never_collides(client, editor, form_data):
    client.force_login(editor)
    client.post(ADD, form_data())
    client.post(ADD, form_data())
    assert sorted(Visit.objects.values_list("slug", flat=True)) == [
        "studi-banding-pemkot-magelang",
        "studi-banding-pemkot-magelang-2",
    ]


def test_a_typed_slug_that_is_taken_is_refused_with_a_free_one(client, editor, form_data, make_visit):
    make_visit(title="Kunjungan DPRD")
    client.force_login(editor)
    response = client.post(ADD, form_data(slug="kunjungan-dprd"))
    assert response.status_code == 200
    assert "“kunjungan-dprd-2” is free" in response.content.decode()
    assert Visit.objects.count() == 1


def test_changes_are_audited_with_the_editor(client, editor, form_data):
    client.force_login(editor)
    client.post(ADD, form_data())
    visit = Visit.objects.get()
    entries = LogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(Visit), object_pk=str(visit.pk)
    )
    assert entries.filter(action=LogEntry.Action.CREATE).count() == 1
    assert {entry.actor for entry in entries} == {editor}


def test_an_editor_previews_an_unpublished_visit(client, editor, make_visit):
    visit = make_visit(title="Draf untuk dilihat", status=Visit.Status.DRAFT)
    client.force_login(editor)
    response = client.get(preview_url(visit))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Draf untuk dilihat" in html
    assert "the public cannot see this page yet" in html
    assert '<meta name="robots" content="noindex, nofollow">' in html
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    assert client.get(visit.get_absolute_url()).status_code == 404


def test_anonymous_visitors_are_sent_to_log_in_for_the_preview(client, make_visit):
    visit = make_visit(status=Visit.Status.DRAFT)
    response = client.get(preview_url(visit))
    assert response.status_code == 302
    assert reverse("admin:login") in response["Location"]


def test_an_editor_publishes_a_visit(client, editor, make_visit):
    visit = make_visit(status=Visit.Status.DRAFT)
    client.force_login(editor)
    response = client.post(publication_url(visit), {"action": "published", "publish_at": "", "note": "Siap"})
    assert response.status_code == 302
    visit.refresh_from_db()
    assert visit.status == Visit.Status.PUBLISHED
    entry = visit.history.get()
    assert (entry.actor, entry.note) == (editor, "Siap")
    assert client.get(visit.get_absolute_url()).status_code == 200


def test_an_editor_schedules_a_visit(client, editor, make_visit):
    visit = make_visit(status=Visit.Status.DRAFT)
    when = timezone.localtime() + datetime.timedelta(days=3)
    client.force_login(editor)
    client.post(
        publication_url(visit), {"action": "scheduled", "publish_at": when.strftime("%Y-%m-%dT%H:%M")}
    )
    visit.refresh_from_db()
    assert visit.status == Visit.Status.SCHEDULED
    assert visit.publish_at == when.replace(second=0, microsecond=0)


def test_a_schedule_in_the_past_is_refused_with_a_message(client, editor, make_visit):
    visit = make_visit(status=Visit.Status.DRAFT)
    client.force_login(editor)
    response = client.post(publication_url(visit), {"action": "scheduled", "publish_at": "2017-09-19T10:00"})
    assert response.status_code == 200
    assert "A scheduled time must lie in the future" in response.content.decode()
    assert Visit.objects.get(pk=visit.pk).status == Visit.Status.DRAFT


def test_the_publication_page_offers_only_allowed_moves(client, editor, make_visit):
    visit = make_visit(status=Visit.Status.SCHEDULED)
    client.force_login(editor)
    choices = [
        value for value, _label in client.get(publication_url(visit)).context["form"].fields["action"].choices
    ]
    assert choices == ["published", "draft"]
    published = make_visit()
    assert client.get(publication_url(published)).status_code == 404


def test_the_list_action_publishes_selected_drafts(client, editor, make_visit):
    drafts = [make_visit(status=Visit.Status.DRAFT) for _ in range(2)]
    client.force_login(editor)
    client.post(CHANGELIST, {"action": "publish_selected", "_selected_action": [str(v.pk) for v in drafts]})
    assert Visit.objects.published().count() == 2


def test_a_published_visit_cannot_be_deleted_in_the_admin(client, administrator, make_visit):
    visit = make_visit()
    client.force_login(administrator)
    assert client.get(reverse("admin:visits_visit_delete", args=[visit.pk])).status_code == 403
    response = client.post(
        CHANGELIST, {"action": "delete_selected", "_selected_action": [str(visit.pk)], "post": "yes"}
    )
    assert response.status_code == 200  # the "cannot delete" page, nothing deleted
    assert Visit.objects.filter(pk=visit.pk).exists()


def test_a_draft_can_be_deleted_in_the_admin(client, editor, make_visit):
    visit = make_visit(status=Visit.Status.DRAFT)
    client.force_login(editor)
    client.post(reverse("admin:visits_visit_delete", args=[visit.pk]), {"post": "yes"})
    assert not Visit.objects.filter(pk=visit.pk).exists()


def test_changing_a_published_visit_needs_a_correction_note(client, editor, make_visit, form_data):
    visit = make_visit(title="Judul lama")
    client.force_login(editor)
    response = client.post(change_url(visit), existing(form_data(title="Judul baru"), visit))
    assert response.status_code == 200
    assert "Describe your change" in response.content.decode()
    assert Visit.objects.get(pk=visit.pk).title == "Judul lama"


def test_a_correction_is_saved_and_shown_on_the_public_page(client, editor, make_visit, form_data):
    visit = make_visit(title="Judul lama")
    slug = visit.slug
    client.force_login(editor)
    response = client.post(
        change_url(visit),
        existing(
            form_data(title="Judul baru", slug="alamat-lain", correction_note="Judul diperbaiki."), visit
        ),
    )
    assert response.status_code == 302
    visit.refresh_from_db()
    assert (visit.title, visit.slug) == ("Judul baru", slug)  # a published address never changes
    client.logout()
    html = client.get(visit.get_absolute_url()).content.decode()
    assert "Judul diperbaiki." in html


def test_a_file_that_is_not_an_image_is_refused_as_a_photo(client, editor, make_visit, form_data):
    from django.core.files.uploadedfile import SimpleUploadedFile

    visit = make_visit(status=Visit.Status.DRAFT)
    data = form_data(
        **{
            "photos-TOTAL_FORMS": "1",
            "photos-0-order": "0",
            "photos-0-alt_text": "Rombongan",
            "photos-0-image": SimpleUploadedFile(
                "foto.jpg", b"%PDF-1.4 not an image", content_type="image/jpeg"
            ),
        }
    )
    client.force_login(editor)
    response = client.post(change_url(visit), data)
    assert response.status_code == 200
    html = response.content.decode()
    # Django's image field rejects it first, with its own translated message next to the field.
    assert '<ul class="errorlist" id="id_photos-0-image_error"><li>Upload a valid image.' in html
    assert not VisitPhoto.objects.exists()


def test_an_oversized_photo_is_refused_with_a_message(client, editor, make_visit, form_data):
    from django.core.files.uploadedfile import SimpleUploadedFile

    visit = make_visit(status=Visit.Status.DRAFT)
    upload = image_upload(400, 300)
    big = SimpleUploadedFile(
        "besar.jpg", upload.read() + b"\0" * (10 * 1024 * 1024), content_type="image/jpeg"
    )
    data = form_data(
        **{
            "photos-TOTAL_FORMS": "1",
            "photos-0-order": "0",
            "photos-0-alt_text": "Besar",
            "photos-0-image": big,
        }
    )
    client.force_login(editor)
    response = client.post(change_url(visit), data)
    assert (
        '<ul class="errorlist" id="id_photos-0-image_error"><li>The file is too large'
        in response.content.decode()
    )
    assert not VisitPhoto.objects.exists()


def test_a_photo_without_alt_text_is_refused(client, editor, make_visit, form_data):
    visit = make_visit(status=Visit.Status.DRAFT)
    data = form_data(
        **{
            "photos-TOTAL_FORMS": "1",
            "photos-0-order": "0",
            "photos-0-alt_text": "",
            "photos-0-image": image_upload(),
        }
    )
    client.force_login(editor)
    response = client.post(change_url(visit), data)
    assert response.status_code == 200
    assert not VisitPhoto.objects.exists()


def test_an_uploaded_photo_is_re_encoded_with_renditions(client, editor, make_visit, form_data):
    visit = make_visit(status=Visit.Status.DRAFT)
    data = form_data(
        **{
            "photos-TOTAL_FORMS": "1",
            "photos-0-order": "0",
            "photos-0-alt_text": "Rombongan di ruang Angling Darmo",
            "photos-0-image": image_upload(1000, 700, name="IMG 0001.PNG", image_format="PNG"),
        }
    )
    client.force_login(editor)
    assert client.post(change_url(visit), data).status_code == 302
    photo = VisitPhoto.objects.get()
    assert photo.image.name.endswith(".jpg") and "IMG" not in photo.image.name
    assert sorted(photo.renditions, key=int) == ["320", "480", "960"]


@pytest.mark.parametrize(
    ("model", "term", "expected"),
    [
        ("institution", "Magel", "Pemerintah Kota Magelang"),
        ("topics", "KI", "KIM"),
        ("villages", "Sedah", "Sedahkidul"),
    ],
)
def test_autocomplete_offers_institutions_topics_and_villages(
    client, editor, form_data, model, term, expected
):
    form_data()  # creates the topic
    client.force_login(editor)
    response = client.get(
        reverse("admin:autocomplete"),
        {"app_label": "visits", "model_name": "visit", "field_name": model, "term": term},
    )
    assert response.status_code == 200
    assert expected in [item["text"] for item in response.json()["results"]]


def test_a_topic_in_use_cannot_be_deleted(client, editor, make_visit, make_topic):
    kim = make_topic("KIM")
    make_visit(topics=[kim])
    unused = make_topic("Tidak dipakai")
    client.force_login(editor)
    assert client.get(reverse("admin:visits_topic_delete", args=[kim.pk])).status_code == 403
    client.post(reverse("admin:visits_topic_delete", args=[unused.pk]), {"post": "yes"})
    assert list(Topic.objects.values_list("name", flat=True)) == ["KIM"]


VISIT_ADMIN_URLS = [
    lambda v: CHANGELIST,
    lambda v: ADD,
    change_url,
    preview_url,
    publication_url,
    lambda v: reverse("admin:visits_institution_changelist"),
    lambda v: reverse("admin:visits_topic_changelist"),
]


@pytest.mark.parametrize("url", VISIT_ADMIN_URLS)
def test_village_officers_have_no_access_to_visits(
    client, officer_sedahkidul, officer_sumberrejo, make_visit, url
):
    visit = make_visit(status=Visit.Status.DRAFT, villages=[Village.objects.get(code=SEDAHKIDUL)])
    for officer in (officer_sedahkidul, officer_sumberrejo):
        client.force_login(officer)
        assert client.get(url(visit)).status_code == 403


def test_village_officers_do_not_see_the_visits_section_of_the_admin(client, officer_sedahkidul):
    client.force_login(officer_sedahkidul)
    assert "/admin/visits/" not in client.get(reverse("admin:index")).content.decode()


def test_the_ppid_utama_cannot_publish_visits(client, ppid_utama, make_visit):
    visit = make_visit(status=Visit.Status.DRAFT)
    client.force_login(ppid_utama)
    assert client.post(publication_url(visit), {"action": "published"}).status_code == 403
    assert Visit.objects.get(pk=visit.pk).status == Visit.Status.DRAFT


def test_the_change_form_links_to_preview_and_publication(client, editor, make_visit):
    visit = make_visit(status=Visit.Status.DRAFT)
    client.force_login(editor)
    html = client.get(change_url(visit)).content.decode()
    assert preview_url(visit) in html and publication_url(visit) in html

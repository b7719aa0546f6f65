"""Shared building blocks: uploads, rich text, charts, throttling and roles."""

import io

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import RequestFactory
from PIL import Image

from portal import charts, richtext, throttle, uploads
from portal.roles import Role, granted, sync_roles
from tests.sample_files import pdf_bytes


def image_file(fmt="JPEG", size=(800, 600), name="foto.jpg"):
    buffer = io.BytesIO()
    Image.new("RGB", size, (20, 120, 160)).save(buffer, fmt)
    return SimpleUploadedFile(name, buffer.getvalue())


def test_real_photo_passes_validation():
    uploads.validate_image(image_file())


@pytest.mark.parametrize(
    "upload, code",
    [
        (SimpleUploadedFile("foto.jpg", b"<?php echo 'x'; ?>"), "not_image"),
        (SimpleUploadedFile("foto.png", b"%PDF-1.4 fake"), "not_image"),
        (image_file("GIF", name="anim.jpg"), "image_format"),
        (image_file(size=(120, 80)), "too_small"),
    ],
)
def test_bad_photos_are_refused_by_content(upload, code):
    with pytest.raises(ValidationError) as error:
        uploads.validate_image(upload)
    assert error.value.code == code


def test_oversized_photo_is_refused(monkeypatch):
    monkeypatch.setattr(uploads.validators, "MAX_IMAGE_BYTES", 1000)
    with pytest.raises(ValidationError) as error:
        uploads.validate_image(image_file())
    assert error.value.code == "too_large"


@pytest.mark.parametrize(
    "content, kind",
    [
        (pdf_bytes(), "pdf"),
        (b"%PDF-1.7\n...", None),
        (b"kode,uraian,anggaran\n4.2.1.01,Dana Desa,1000\n", "text"),
        (b"\x00\x01\x02binary", None),
    ],
)
def test_documents_are_recognised_by_content(content, kind):
    assert uploads.detect_document_type(SimpleUploadedFile("x.pdf", content)) == kind


def test_document_validator_refuses_a_disguised_executable():
    with pytest.raises(ValidationError) as error:
        uploads.validate_document(SimpleUploadedFile("laporan.pdf", b"MZ\x90\x00\x03\x00\x00\x00"))
    assert error.value.code == "document_type"


def test_random_upload_names_drop_the_users_file_name():
    name = uploads.random_name("ppid/dip")(None, "KTP Budi Santoso.PDF")
    assert name.startswith("ppid/dip/") and name.endswith(".pdf") and "Budi" not in name


def test_rich_text_keeps_formatting_and_removes_scripts():
    html = richtext.to_html(
        "## Hasil\n\nPara **tamu** belajar.\n\n<script>alert(1)</script>\n\n"
        '<a href="javascript:alert(1)" onclick="x()">klik</a> [OGP](https://www.opengovpartnership.org)'
    )
    assert "<h2>Hasil</h2>" in html and "<strong>tamu</strong>" in html
    assert "<script" not in html and "alert(1)</script" not in html
    assert "javascript:" not in html and "onclick" not in html
    assert 'href="https://www.opengovpartnership.org"' in html and "nofollow" in html


def test_rich_text_plain_paragraphs_need_no_markup():
    assert richtext.to_html("Satu.\n\nDua.") == "<p>Satu.</p>\n<p>Dua.</p>"
    assert richtext.to_text("Satu **dua** tiga empat", limit=12) == "Satu dua…"


def test_bar_chart_scales_bars_to_the_largest_value():
    chart = charts.bar_chart(
        "Kunjungan per tahun",
        [("2016", 5), ("2017", 10), ("2018", 0)],
        label_heading="Tahun",
        value_heading="Kunjungan",
    )
    widths = [bar.width for bar in chart.bars]
    assert widths[1] == 2 * widths[0] and widths[2] == 0
    assert [bar.display for bar in chart.bars] == ["5", "10", "0"]
    assert chart.height == 3 * (charts.LABEL_HEIGHT + charts.BAR_HEIGHT + charts.ROW_GAP)


def test_throttle_counts_per_client_and_scope(settings):
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    factory = RequestFactory()
    one = factory.post("/", REMOTE_ADDR="10.0.0.1")
    two = factory.post("/", REMOTE_ADDR="10.0.0.2")
    assert [throttle.hit(one, "t", "2/m") for _ in range(3)] == [True, True, False]
    assert throttle.hit(two, "t", "2/m")
    assert throttle.hit(one, "other", "2/m")


def test_throttle_trusts_forwarded_address_only_behind_a_proxy(settings):
    request = RequestFactory().post("/", REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="1.2.3.4, 10.0.0.9")
    settings.TRUSTED_PROXIES = []
    assert throttle.client_address(request) == "127.0.0.1"
    settings.TRUSTED_PROXIES = ["127.0.0.1"]
    assert throttle.client_address(request) == "10.0.0.9"


def test_roles_exist_with_their_permissions_and_sync_is_idempotent(db):
    sync_roles()
    first = {g.name: set(g.permissions.values_list("codename", flat=True)) for g in Group.objects.all()}
    sync_roles()
    second = {g.name: set(g.permissions.values_list("codename", flat=True)) for g in Group.objects.all()}
    assert first == second
    assert set(Role.values) <= set(first)
    assert "change_villageofficial" in first[Role.PPID_DESA.value]
    assert "delete_village" not in first[Role.PPID_DESA.value]
    assert {p.split(".")[1] for p in granted(Role.PPID_DESA) if p.startswith("portal.")} <= first[
        Role.PPID_DESA.value
    ]

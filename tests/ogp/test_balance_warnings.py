"""Balance checks reported before anyone publishes: the back office and ``import_apbdes`` warn
about the same drafts with the same messages, and the Siskeudes preview lists every failure."""

import dataclasses
import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse

from ogp.models import BudgetVersion, RealisationReport, Status
from ogp.siskeudes.sample import REVENUE_KEGIATAN

from .conftest import ORIGINAL, SEDAHKIDUL, csv_upload
from .siskeudes_exports import sedahkidul, sumberrejo, upload
from .test_balance import UNBALANCED

pytestmark = pytest.mark.django_db
EN = {"HTTP_ACCEPT_LANGUAGE": "en"}
DEFICIT = "A deficit must be covered by financing."
OVER = "5.2.1.02 Belanja alat listrik: realised Rp4.500.000 is above its budget of Rp4.000.000."


def write(folder, rows, **kwargs):
    path = folder / f"{SEDAHKIDUL}.csv"
    path.write_bytes(csv_upload(rows, **kwargs).getvalue())
    return path


def run(*args):
    output = []

    class Out:
        def write(self, text):
            output.append(text)

        def flush(self):
            pass

    call_command("import_apbdes", *map(str, args), "--tahun", "2024", stdout=Out(), stderr=Out())
    return "".join(output)


def admin_warnings(client, rows, **data):
    response = client.post(
        reverse("admin:ogp_budget_import"),
        {"village": SEDAHKIDUL, "year": 2024, "file": csv_upload(rows, **data.pop("csv", {})), **data},
        follow=True,
        **EN,
    )
    return [str(m) for m in response.context["messages"] if m.level_tag == "warning"]


def test_the_command_warns_about_a_draft_whose_books_do_not_balance(tmp_path, english):
    output = run(write(tmp_path, UNBALANCED))
    (warning,) = [line for line in output.splitlines() if line.strip().startswith("warning:")]
    assert warning.startswith("    warning: Desa Sedahkidul: Spending is Rp382.000.000 more than revenue")
    assert warning.endswith(DEFICIT)
    assert "1 balance check(s) failed on drafts" in output
    assert BudgetVersion.objects.get().status == Status.DRAFT


def test_the_command_and_the_back_office_give_the_same_warnings(
    tmp_path, client, officer_sedahkidul, english
):
    client.force_login(officer_sedahkidul)
    shown = admin_warnings(client, UNBALANCED, what="budget", kind="murni")
    BudgetVersion.objects.get().lines.all().delete()  # the next import replaces the same draft
    printed = [
        line.strip().removeprefix("warning: ")
        for line in run(write(tmp_path, UNBALANCED)).splitlines()
        if "warning:" in line
    ]
    assert printed == shown and len(shown) == 1


def test_balanced_books_give_no_warning(tmp_path, english):
    assert "warning" not in run(write(tmp_path, ORIGINAL))


def test_publishing_unbalanced_books_from_the_command_needs_the_explanation(tmp_path, english):
    path = write(tmp_path, UNBALANCED)
    options = ["--perdes-nomor", "2 Tahun 2024", "--perdes-tanggal", "2024-01-10", "--terbitkan"]
    with pytest.raises(CommandError, match=r"^1 file\(s\) refused"):
        run(path, *options)
    assert not BudgetVersion.objects.exists()
    output = run(path, *options, "--penjelasan", "Jalan dibiayai SiLPA yang belum ditetapkan.")
    assert "warning" not in output
    version = BudgetVersion.objects.get()
    assert version.status == Status.PUBLISHED
    assert version.balance_explanation == "Jalan dibiayai SiLPA yang belum ditetapkan."


def test_a_realisation_draft_above_budget_is_warned_about_by_both(
    tmp_path, client, officer_sedahkidul, publish_budget, english
):
    publish_budget()
    realised = [0] * len(ORIGINAL)
    realised[4] = 4_500_000
    output = run(
        write(tmp_path, ORIGINAL, realised=realised), "--realisasi", "semester1", "--posisi", "2024-06-30"
    )
    assert f"    warning: Desa Sedahkidul: {OVER}" in output
    assert RealisationReport.objects.get().status == Status.DRAFT
    client.force_login(officer_sedahkidul)
    shown = admin_warnings(
        client,
        ORIGINAL,
        what="realisation",
        kind="murni",
        period="semester1",
        as_of=datetime.date(2024, 6, 30),
        csv={"realised": realised},
    )
    assert shown == [f"Desa Sedahkidul: {OVER}"]


# --- The Siskeudes preview ------------------------------------------------------------


def _preview(client, villages):
    archive = SimpleUploadedFile("siskeudes.zip", upload(villages).getvalue(), content_type="application/zip")
    response = client.post(reverse("admin:ogp_siskeudesvillage_import"), {"file": archive}, **EN)
    assert response.status_code == 200
    return response


def unbalanced_sumberrejo():
    """Sumberrejo spending 1.000.000.000 of 900.000.000 revenue, and paying 900.000.000 on a
    800.000.000 line."""
    return dataclasses.replace(
        sumberrejo(),
        items=[
            (REVENUE_KEGIATAN, "4.2.1.01.", "DDS", "Dana Desa", 900_000_000, 900_000_000),
            ("01.01.01.", "5.1.1.01.", "ADD", "Penghasilan tetap Kepala Desa", 200_000_000, 200_000_000),
            ("02.02.01.", "5.2.2.01.", "DDS", "Honor kader PKD", 800_000_000, 800_000_000),
        ],
        payments=[("05/02/2024 08:00:00", "LS", "02.02.01.", "5.2.2.01.", 900_000_000)],
    )


def test_the_siskeudes_preview_lists_each_balance_failure_before_confirming(client, administrator, english):
    client.force_login(administrator)
    response = _preview(client, [sedahkidul(), unbalanced_sumberrejo()])
    html = response.content.decode()
    previews = {p.item.match.source.code: p for p in response.context["previews"]}
    assert previews["01.2001."].failures == 0
    assert "APBDes (original): the books balance." in html
    sumberrejo_checks = dict(previews["02.2006."].checks)
    (deficit,) = sumberrejo_checks["APBDes (original)"]
    assert deficit.message.endswith(DEFICIT) and deficit.message in html
    (over,) = sumberrejo_checks["Semester I"]
    assert (
        over.message
        == "5.2.2.01 Honor kader PKD: realised Rp900.000.000 is above its budget of Rp800.000.000."
    )
    assert over.message in html
    assert "APBDes (original): 1 balance check failed:" in html
    assert "imported only with a written explanation of why its books do not balance" in html
    assert not BudgetVersion.objects.exists()


def test_the_siskeudes_preview_shows_the_public_note_of_a_perubahan(client, administrator, english):
    client.force_login(administrator)
    html = _preview(client, [sedahkidul()]).content.decode()
    assert "Public note of the APBDes Perubahan (revision):" in html
    assert "APBDes Perubahan set by Perdes 6 Tahun 2024, imported from the village" in html


def _import(client, explanation=None):
    archive = SimpleUploadedFile(
        "siskeudes.zip", upload([unbalanced_sumberrejo()]).getvalue(), content_type="application/zip"
    )
    response = client.post(reverse("admin:ogp_siskeudesvillage_import"), {"file": archive}, **EN)
    (preview,) = response.context["previews"]
    data = {"token": response.context["token"], "import": "1", "confirm": "02.2006."}
    if explanation is not None:
        data[preview.explanation_field] = explanation
    return preview, client.post(reverse("admin:ogp_siskeudesvillage_import"), data, follow=True, **EN)


def test_unbalanced_siskeudes_books_are_refused_without_an_explanation(client, administrator, english):
    client.force_login(administrator)
    preview, response = _import(client, explanation="   ")
    assert (
        f'name="{preview.explanation_field}"' in _preview(client, [unbalanced_sumberrejo()]).content.decode()
    )
    errors = [str(m) for m in response.context["messages"] if m.level_tag == "error"]
    assert len(errors) == 1 and DEFICIT in errors[0]
    assert "To publish anyway, write the explanation of the books" in errors[0]
    assert not BudgetVersion.objects.filter(budget__village_id="35.22.12.2006").exists()


def test_unbalanced_siskeudes_books_are_published_with_the_officers_explanation(
    client, administrator, english
):
    client.force_login(administrator)
    text = "SiLPA 2023 sebesar Rp100.000.000 belum tercatat di Siskeudes; Perdes perubahan menyusul."
    _preview_item, response = _import(client, explanation=text)
    assert not [m for m in response.context["messages"] if m.level_tag == "error"]
    version = BudgetVersion.objects.get(budget__village_id="35.22.12.2006", budget__year=2024)
    assert version.status == Status.PUBLISHED and version.balance_explanation == text
    report = RealisationReport.objects.get(version=version)
    assert report.status == Status.PUBLISHED and report.balance_explanation == text
    page = client.get(version.budget.get_absolute_url()).content.decode()
    assert "These books do not balance. The village explains:" in page or "tidak seimbang" in page
    assert "SiLPA 2023 sebesar Rp100.000.000 belum tercatat di Siskeudes" in page


def test_balanced_siskeudes_books_keep_no_explanation(client, administrator, english):
    client.force_login(administrator)
    archive = SimpleUploadedFile(
        "siskeudes.zip", upload([sedahkidul()]).getvalue(), content_type="application/zip"
    )
    response = client.post(reverse("admin:ogp_siskeudesvillage_import"), {"file": archive}, **EN)
    (preview,) = response.context["previews"]
    assert preview.failures == 0 and f'name="{preview.explanation_field}"' not in response.content.decode()
    client.post(
        reverse("admin:ogp_siskeudesvillage_import"),
        {
            "token": response.context["token"],
            "import": "1",
            "confirm": "01.2001.",
            preview.explanation_field: "x",
        },
        **EN,
    )
    versions = BudgetVersion.objects.filter(budget__village_id=SEDAHKIDUL)
    assert versions.count() == 2 and set(versions.values_list("balance_explanation", flat=True)) == {""}


def _command(tmp_path, *args):
    from io import StringIO

    path = tmp_path / "siskeudes.zip"
    path.write_bytes(upload([unbalanced_sumberrejo()]).getvalue())
    out = StringIO()
    call_command("import_siskeudes", str(path), "--konfirmasi", *args, stdout=out)
    return out.getvalue()


def test_the_siskeudes_command_lists_the_checks_and_takes_the_explanation(tmp_path, english):
    with pytest.raises(CommandError, match="Some village-years were not imported."):
        _command(tmp_path)
    assert not BudgetVersion.objects.filter(budget__village_id="35.22.12.2006").exists()
    output = _command(tmp_path, "--dry-run")
    assert "  ! APBDes (original): Spending is Rp" in output and DEFICIT in output
    assert "  ! Semester I: 5.2.2.01 Honor kader PKD: realised Rp900.000.000 is above its budget" in output
    output = _command(tmp_path, "--penjelasan", "02.2006.:2024=SiLPA 2023 belum tercatat.")
    assert "1 imported, 0 unchanged, 0 failed." in output
    version = BudgetVersion.objects.get(budget__village_id="35.22.12.2006")
    assert version.balance_explanation == "SiLPA 2023 belum tercatat."
    with pytest.raises(CommandError, match="expected KODE"):
        _command(tmp_path, "--penjelasan", "02.2006.:tahun=x")

"""The APBDes billboard: SVG and PDF at every size, with the published figures, the Perdes,
the QR code, the sample mark only on sample data, text no smaller than the rule, and 404s."""

import datetime
import io
import re
from xml.etree import ElementTree

import pytest
from django.urls import reverse
from pypdf import PdfReader

from ogp import billboard, services
from ogp.billboard.compose import ROLE_SCALE
from ogp.billboard.content import Billboard, Figure
from ogp.billboard.formats import CAP_HEIGHT, CAP_PER_METRE
from ogp.billboard.layout import qr_matrix
from ogp.billboard.render import MM_TO_PT
from ogp.models import BudgetVersion
from portal.formatting import rupiah
from portal.models import Village

from .conftest import ORIGINAL, ORIGINAL_TOTALS, REVISED, SEDAHKIDUL, SUMBERREJO, csv_upload, village

pytestmark = pytest.mark.django_db
SVG = "{http://www.w3.org/2000/svg}"
SIZES = list(billboard.FORMATS)
SAMPLE_MARK = "DATA CONTOH"


def billboard_url(size="a3", fmt="pdf", *, year=2024, code=SEDAHKIDUL):
    return reverse("ogp:village_billboard", args=[year, code, size, fmt])


def get_svg(client, size, **kwargs):
    response = client.get(billboard_url(size, "svg", **kwargs))
    assert response.status_code == 200
    assert response["Content-Type"] == "image/svg+xml"
    return ElementTree.fromstring(response.content)


def get_pdf(client, size, query=""):
    response = client.get(billboard_url(size, "pdf") + query)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    return PdfReader(io.BytesIO(response.content))


def svg_texts(root):
    return [(element.text or "") for element in root.iter(f"{SVG}text")]


def pdf_text(reader):
    return reader.pages[0].extract_text()


def qr_runs(root):
    """The dark modules of the QR code drawn in the SVG, as a set of (row, column)."""
    path = root.find(f".//{SVG}g[@id='qr']/{SVG}path").get("d")
    cells = set()
    for column, row, length in re.findall(r"M(\d+) (\d+)h(\d+)v1h-\d+z", path):
        cells.update((int(row), int(column) + step) for step in range(int(length)))
    return cells


def least_cap(fmt, role):
    return CAP_PER_METRE[role] * fmt.distance


@pytest.mark.parametrize("size", SIZES)
def test_svg_is_well_formed_with_the_figures_the_perdes_and_the_qr_code(client, publish_budget, size):
    publish_budget()
    root = get_svg(client, size)
    fmt = billboard.FORMATS[size]
    assert root.get("viewBox") == f"0 0 {fmt.width} {fmt.height}"
    assert root.get("width") == f"{fmt.width}mm"
    text = " ".join(svg_texts(root))
    assert "Sedahkidul" in text
    for amount in ORIGINAL_TOTALS.values():
        if amount != ORIGINAL_TOTALS["net_financing"]:
            assert rupiah(amount) in text
    assert "Rp800.000.000" in text and "Rp10.000.000" in text  # Dana Desa, net financing
    assert "2 Tahun 2024" in text
    assert "Dusun Krajan RT 01" in text  # the largest activity, with its location
    url = "http://testserver" + reverse("ogp:village_budget", args=[2024, SEDAHKIDUL])
    assert root.find(f".//{SVG}g[@id='qr']/{SVG}title").text == url
    matrix = qr_matrix(url)
    expected = {(r, c) for r, row in enumerate(matrix) for c, dark in enumerate(row) if dark}
    assert qr_runs(root) == expected


@pytest.mark.parametrize("size", SIZES)
def test_pdf_has_the_page_size_of_its_format_and_the_figures(client, publish_budget, size):
    publish_budget()
    reader = get_pdf(client, size)
    fmt = billboard.FORMATS[size]
    assert len(reader.pages) == 1
    box = reader.pages[0].mediabox
    assert float(box.width) / MM_TO_PT == pytest.approx(fmt.width, abs=0.1)
    assert float(box.height) / MM_TO_PT == pytest.approx(fmt.height, abs=0.1)
    text = pdf_text(reader)
    assert "Desa Sedahkidul" in text
    for key in ("revenue", "spending", "silpa"):
        assert rupiah(ORIGINAL_TOTALS[key]) in text
    assert "Perdes No. 2 Tahun 2024" in text


def sample_budget(code=SEDAHKIDUL):
    services.create_budget(village=village(code), year=2024, is_sample=True)
    services.import_budget(
        upload=csv_upload(ORIGINAL),
        year=2024,
        village=village(code),
        perdes_number="3 Tahun 2024",
        perdes_date=datetime.date(2024, 1, 12),
        publish=True,
    )


def test_the_sample_mark_is_on_sample_data_only(client, publish_budget):
    publish_budget(code=SUMBERREJO)
    sample_budget()
    for size in SIZES:
        assert SAMPLE_MARK in svg_texts(get_svg(client, size))
        assert SAMPLE_MARK in pdf_text(get_pdf(client, size))
        real = get_svg(client, size, code=SUMBERREJO)
        assert SAMPLE_MARK not in " ".join(svg_texts(real))
        response = client.get(billboard_url(size, "pdf", code=SUMBERREJO))
        assert SAMPLE_MARK not in pdf_text(PdfReader(io.BytesIO(response.content)))


@pytest.mark.parametrize("size", SIZES)
def test_every_text_in_the_svg_and_the_pdf_is_as_tall_as_the_rule_asks(client, publish_budget, size):
    sample_budget()
    fmt = billboard.FORMATS[size]
    root = get_svg(client, size)
    texts = list(root.iter(f"{SVG}text"))
    assert {element.get("data-role") for element in texts} == set(ROLE_SCALE)
    for element in texts:
        cap = float(element.get("font-size")) * CAP_HEIGHT
        assert cap >= least_cap(fmt, element.get("data-role")) * 0.999, element.text
    content = get_pdf(client, size).pages[0].get_contents().get_data()
    sizes = [float(value) for value in re.findall(rb"/F\d+ ([\d.]+) Tf", content)]
    assert sizes
    smallest = min(least_cap(fmt, role) for role in ROLE_SCALE)
    assert min(sizes) / MM_TO_PT * CAP_HEIGHT >= smallest * 0.995


def crowded_billboard():
    """As much as a village's billboard can hold: every source of funds, long names, sample data."""
    long = "Pembangunan/Rehabilitasi/Peningkatan/Pengerasan Jalan Desa dan Saluran Drainase Lingkungan"
    return Billboard(
        title="APBDes 2024 Desa Sumbertlaseh Kidul Wetan",
        place="Kecamatan Kepohbaru, Kabupaten Bojonegoro",
        version_line="APBDes Perubahan · Perdes No. 12 Tahun 2024 tanggal 30 September 2024",
        perdes="Perdes No. 12 Tahun 2024 tanggal 30 September 2024",
        url="https://keterbukaan.bojonegorokab.go.id/apbdes/2024/35.22.10.2001/",
        is_sample=True,
        headline=[Figure(label, -12_345_678_901) for label in ("A", "B", "C", "D")],
        revenue=[Figure(f"Bantuan Keuangan Kabupaten/Kota {n}", 1_234_567_890) for n in range(8)],
        bidang=[
            Figure(f"Bidang Penanggulangan Bencana, Keadaan Darurat dan Mendesak {n}", 9) for n in range(5)
        ],
        activities=[
            Figure(long, 1_234_567_890, "Dusun Krajan RT 01, Dusun Kidul RT 03 …") for _n in range(5)
        ],
        financing=[Figure(label, 1_234_567_890) for label in ("Penerimaan", "Pengeluaran", "Netto")],
        source_line="Versi 3, diterbitkan di portal pada 30 September 2024.",
    )


@pytest.mark.parametrize("size", SIZES)
def test_a_crowded_billboard_still_fits_with_text_no_smaller_than_the_rule(size):
    fmt = billboard.FORMATS[size]
    sheet = billboard.lay_out(crowded_billboard(), fmt)
    for text in sheet.texts():
        assert text.cap_height >= least_cap(fmt, text.role) * 0.999, text.text
        assert 0 <= text.y <= fmt.height


def test_the_rule_is_the_stated_one():
    assert CAP_PER_METRE["body"] == 6.0 and CAP_PER_METRE["small"] == 4.0
    assert CAP_PER_METRE["figure"] == CAP_PER_METRE["title"] == 8.3
    assert [(f.width, f.height) for f in billboard.FORMATS.values()] == [
        (297, 420),
        (3000, 2000),
        (4000, 3000),
    ]


def test_the_figures_are_the_published_versions_totals(publish_budget):
    version = publish_budget(REVISED)
    version = BudgetVersion.objects.select_related("budget__village__district").get(pk=version.pk)
    board = billboard.billboard_for(version, url="http://testserver/")
    assert [figure.amount for figure in board.headline] == [
        version.revenue,
        version.spending,
        version.revenue - version.spending,
        version.silpa,
    ]
    assert sum(figure.amount for figure in board.revenue) == version.revenue
    assert sum(figure.amount for figure in board.bidang) == version.spending
    receipts, expenditure, net = (figure.amount for figure in board.financing)
    assert (receipts, expenditure, net) == (
        version.financing_receipts,
        version.financing_expenditure,
        version.net_financing,
    )
    assert [figure.amount for figure in board.activities][:2] == [1_000_000_000, 150_000_000]
    assert board.activities[1].note == "Dusun Kidul RT 03"


def test_versi_picks_a_published_version_and_the_default_is_the_one_in_force(client, publish_budget):
    publish_budget()
    publish_budget(REVISED, kind=BudgetVersion.Kind.PERUBAHAN, new_version=True)
    assert "Rp1.192.000.000" in pdf_text(get_pdf(client, "a3"))
    first = pdf_text(get_pdf(client, "a3", "?versi=1"))
    assert "Rp942.000.000" in first and "Rp1.192.000.000" not in first


def test_nothing_published_is_a_clear_not_found(client, publish_budget, english):
    assert client.get(billboard_url()).status_code == 404
    publish_budget()
    assert client.get(billboard_url(year=2023)).status_code == 404
    assert client.get(billboard_url(year=1999)).status_code == 404
    assert client.get(billboard_url() + "?versi=7").status_code == 404
    assert client.get(billboard_url().replace("a3", "a0")).status_code == 404
    services.create_budget(village=village(SUMBERREJO), year=2024)
    draft_only = client.get(billboard_url(code=SUMBERREJO))
    assert draft_only.status_code == 404
    kelurahan = Village.objects.kelurahan().first()
    assert client.get(billboard_url(code=kelurahan.code)).status_code == 404


@pytest.mark.parametrize("count", [2, 12])
def test_query_count_does_not_grow_with_lines(client, publish_budget, count, django_assert_max_num_queries):
    rows = [
        *ORIGINAL[:3],
        *[("5.2.1.02", "01.01.04", f"Alat {n}", f"Dusun {n}", "ADD", 1_000) for n in range(count)],
    ]
    publish_budget(rows)
    with django_assert_max_num_queries(8):
        assert client.get(billboard_url("3x2", "svg")).status_code == 200


def test_the_village_and_budget_pages_link_to_the_billboards(client, publish_budget):
    publish_budget()
    html = client.get(reverse("ogp:village_budget", args=[2024, SEDAHKIDUL])).content.decode()
    for size in SIZES:
        for fmt in ("pdf", "svg"):
            assert f"{billboard_url(size, fmt)}?versi=1" in html
    html = client.get(reverse("portal:region", args=[SEDAHKIDUL])).content.decode()
    assert billboard_url("a3", "pdf") in html


def admin_billboard(version, size="a3", fmt="pdf"):
    return reverse("admin:ogp_budgetversion_billboard", args=[version.pk, size, fmt])


def test_the_village_officer_downloads_their_own_billboard_from_the_back_office(
    client, publish_budget, officer_sedahkidul
):
    mine, theirs = publish_budget(), publish_budget(code=SUMBERREJO)
    client.force_login(officer_sedahkidul)
    html = client.get(reverse("admin:ogp_budgetversion_change", args=[mine.pk])).content.decode()
    assert admin_billboard(mine, "4x3", "svg") in html
    response = client.get(admin_billboard(mine))
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    assert "Sedahkidul" in pdf_text(PdfReader(io.BytesIO(response.content)))
    assert client.get(admin_billboard(theirs)).status_code == 404
    assert client.get(admin_billboard(mine, "a0")).status_code == 404
    draft = services.start_version(budget=mine.budget, kind="perubahan", based_on=mine)
    assert client.get(admin_billboard(draft)).status_code == 404

"""`/kunjungan/<slug>/`: facts box, report, gallery, related visits, share metadata, query counts."""

import datetime
import re

import pytest
from django.urls import reverse

from portal.models import Village
from tests.conftest import SEDAHKIDUL
from visits import services
from visits.models import HostOfficial, HostUnit, Visit, VisitSession


def page(client, visit):
    response = client.get(visit.get_absolute_url())
    assert response.status_code == 200
    return response.content.decode()


def facts_box(html):
    return re.search(r'<dl class="facts visit-facts">(.*?)</dl>', html, re.S).group(1)


def facts(html):
    """The facts box as {heading: text}: list items joined by " | ", line breaks as " / "."""
    rows = re.findall(r"<dt>(.*?)</dt><dd>(.*?)</dd>", facts_box(html), re.S)

    def text(dd):
        dd = re.sub(r"</li>\s*<li>", " | ", dd).replace("<br>", " / ")
        return " ".join(re.sub(r"<[^>]+>", "", dd).split())

    return {dt: text(dd) for dt, dd in rows}


@pytest.mark.parametrize("status", [Visit.Status.DRAFT, Visit.Status.SCHEDULED])
def test_an_unpublished_visit_is_not_found(client, make_visit, status):
    visit = make_visit(status=status)
    assert client.get(visit.get_absolute_url()).status_code == 404


def test_a_published_visit_shows_its_facts_and_report(client, make_visit, make_topic):
    sedahkidul = Village.objects.get(code=SEDAHKIDUL)
    visit = make_visit(
        title="Studi banding Pemkot Magelang",
        topics=[make_topic("KIM", "kim")],
        villages=[sedahkidul],
        venue="ruang Angling Darmo",
        delegation_size=12,
        end_date=datetime.date(2018, 5, 3),
        body="Rombongan **tiba** pagi.",
        author_credit="Nuty/Dinkominfo",
    )
    visit.host_units.add(
        HostUnit.objects.create(name="BAPPEDA", full_name="Badan Perencanaan Pembangunan Daerah")
    )
    HostOfficial.objects.create(
        visit=visit, name="Drs. H. Setyo Hartono, MM", position="Wakil Bupati Bojonegoro"
    )

    html = page(client, visit)
    box = facts(html)

    assert box["Visiting institution"] == "Pemerintah Kota Magelang"
    assert box["From"] == "Kota Magelang, Jawa Tengah · City government (Pemkot)"
    assert box["Delegation size"] == "12 people"
    assert box["Date"] == "Wednesday, 2 May 2018 – Thursday, 3 May 2018"
    assert box["Venue"] == "ruang Angling Darmo"
    assert box["Received by"] == "Drs. H. Setyo Hartono, MM, Wakil Bupati Bojonegoro"
    assert box["Host units present"] == "BAPPEDA"
    assert box["Topics"] == "KIM"
    assert box["Villages visited"] == "Desa Sedahkidul, Kecamatan Purwosari"
    assert box["Report by"] == "Nuty/Dinkominfo"
    assert f'href="/wilayah/{SEDAHKIDUL}/"' in html
    assert 'href="/kunjungan/?topik=kim"' in html
    assert "<strong>tiba</strong>" in html
    assert 'id="penilaian"' in html  # the satisfaction widget


def test_a_sample_visit_carries_the_sample_notice(client, make_visit):
    assert "sample-notice" in page(client, make_visit(is_sample=True))
    assert "sample-notice" not in page(client, make_visit(is_sample=False))


def test_the_gallery_loads_lazily_with_responsive_sizes(client, make_visit, make_photo):
    visit = make_visit()
    make_photo(
        visit,
        width=2000,
        height=1000,
        alt_text="Wakil Bupati menerima rombongan",
        caption="Penerimaan",
        credit="Humas",
    )
    html = page(client, visit)
    img = re.search(r'<ul class="gallery">.*?(<img [^>]+>)', html, re.S).group(1)
    assert 'loading="lazy"' in img
    assert 'alt="Wakil Bupati menerima rombongan"' in img
    assert 'width="2000" height="1000"' in img  # the re-encoded original keeps its 2:1 shape
    assert re.search(r'srcset="[^"]+_w480\.webp 480w, [^"]+_w960\.webp 960w, [^"]+_w1600\.webp 1600w"', img)
    assert 'sizes="' in img
    assert "Penerimaan" in html and "Photo: Humas" in html


def test_share_metadata_uses_the_title_summary_and_first_photo(client, make_visit, make_photo):
    visit = make_visit(title="Kunjungan DPRD", summary="Ringkasan singkat.")
    make_photo(visit, order=2, alt_text="Foto kedua")
    make_photo(visit, order=1, alt_text="Foto pertama")
    html = page(client, visit)
    assert '<meta property="og:title" content="Kunjungan DPRD">' in html
    assert '<meta property="og:description" content="Ringkasan singkat.">' in html
    assert '<meta property="og:type" content="article">' in html
    assert re.search(
        r'<meta property="og:image" content="http://testserver/media/visits/visitphoto/\w+_w960\.webp">', html
    )
    assert '<meta property="og:image:alt" content="Foto pertama">' in html


def test_a_visit_without_photos_has_no_gallery_or_share_image(client, make_visit):
    html = page(client, make_visit())
    assert 'class="gallery"' not in html
    assert "og:image" not in html


def test_related_visits_share_a_topic_most_shared_first(client, make_visit, make_topic):
    kim, ogp, ppid = make_topic("KIM"), make_topic("OGP"), make_topic("PPID")
    visit = make_visit(title="Pokok", topics=[kim, ogp])
    make_visit(title="Satu topik", topics=[kim], start_date=datetime.date(2020, 1, 1))
    make_visit(title="Dua topik", topics=[kim, ogp], start_date=datetime.date(2016, 1, 1))
    make_visit(title="Lain", topics=[ppid])
    make_visit(title="Draf", topics=[kim], status=Visit.Status.DRAFT)
    response = client.get(visit.get_absolute_url())
    assert [v.title for v in response.context["related_visits"]] == ["Dua topik", "Satu topik"]


def test_related_visits_are_the_four_sharing_most_topics_then_newest(client, make_visit, make_topic):
    kim, ogp, ppid, lppl = (make_topic(name) for name in ("KIM", "OGP", "PPID", "LPPL"))
    visit = make_visit(title="Pokok", topics=[kim, ogp, ppid])
    for year in range(2015, 2020):
        make_visit(title=f"Satu {year}", topics=[kim, lppl], start_date=datetime.date(year, 1, 1))
    make_visit(title="Tiga", topics=[kim, ogp, ppid, lppl], start_date=datetime.date(2010, 1, 1))
    make_visit(title="Dua", topics=[ogp, ppid], start_date=datetime.date(2011, 1, 1))

    related = client.get(visit.get_absolute_url()).context["related_visits"]

    assert [(v.title, v.shared_topics) for v in related] == [
        ("Tiga", 3),
        ("Dua", 2),
        ("Satu 2019", 1),
        ("Satu 2018", 1),
    ]


def test_related_visits_are_ranked_among_the_newest_sharing_a_topic(
    client, make_visit, make_topic, monkeypatch
):
    from visits.models import visit as visit_module

    monkeypatch.setattr(visit_module, "RELATED_CANDIDATES", 3)
    kim, ogp = make_topic("KIM"), make_topic("OGP")
    visit = make_visit(title="Pokok", topics=[kim, ogp])
    make_visit(title="Lama, dua topik", topics=[kim, ogp], start_date=datetime.date(2010, 1, 1))
    for year in range(2016, 2019):
        make_visit(title=f"Satu {year}", topics=[kim], start_date=datetime.date(year, 1, 1))
    related = client.get(visit.get_absolute_url()).context["related_visits"]
    assert [v.title for v in related] == ["Satu 2018", "Satu 2017", "Satu 2016"]


def test_officials_are_grouped_by_their_part(client, make_visit):
    visit = make_visit()
    for order, (name, part) in enumerate(
        [("A", "received"), ("B", "accompanied"), ("C", "present"), ("D", "present"), ("E", "presented")]
    ):
        HostOfficial.objects.create(visit=visit, name=name, part=part, order=order)
    box = facts(page(client, visit))
    assert [box["Received by"], box["Accompanied by"], box["Presented by"], box["Also present"]] == [
        "A",
        "B",
        "E",
        "C | D",
    ]


def test_the_programme_lists_sessions_with_venue_and_leader(client, make_visit):
    visit = make_visit()
    VisitSession.objects.create(
        visit=visit, order=1, title="Diskusi KIM", venue="ruang Batik Madrim", led_by="Djoko"
    )
    html = page(client, visit)
    assert "Diskusi KIM" in html and "Venue: ruang Batik Madrim" in html and "Led by Djoko" in html


def test_corrections_are_shown_with_their_date(client, make_visit, editor):
    visit = make_visit()
    services.record_correction(
        visit=visit,
        note="Jabatan ketua rombongan diperbaiki.",
        actor=editor,
        now=datetime.datetime(2018, 5, 10, 3, 0, tzinfo=datetime.UTC),
    )
    html = page(client, visit)
    assert "Corrected on Thursday, 10 May 2018: Jabatan ketua rombongan diperbaiki." in " ".join(html.split())


def _visit_with(make_visit, make_photo, make_topic, photos, others):
    topic = make_topic(f"Topik {photos}")
    visit = make_visit(
        title="Pokok", topics=[topic], villages=list(Village.objects.order_by("code")[:photos])
    )
    for number in range(photos):
        make_photo(visit, width=400, height=300)
        HostOfficial.objects.create(visit=visit, name=f"Pejabat {number}")
        VisitSession.objects.create(visit=visit, title=f"Sesi {number}")
    for number in range(others):
        make_visit(title=f"Lain {number}", topics=[topic])
    return visit


@pytest.mark.parametrize(("photos", "others"), [(1, 2), (6, 12)])
def test_detail_queries_do_not_grow_with_photos_or_visits(
    client, make_visit, make_photo, make_topic, django_assert_max_num_queries, photos, others
):
    visit = _visit_with(make_visit, make_photo, make_topic, photos, others)
    with django_assert_max_num_queries(11):
        response = client.get(visit.get_absolute_url())
    assert len(response.context["photos"]) == photos


def test_the_demo_visit_of_2017_has_every_fact_of_the_report(client, db):
    from visits import demo

    visit = demo.load_magelang_2017(demo.load_vocabulary())
    html = page(client, visit)
    box = facts(html)

    assert box["Visiting institution"] == (
        "Pemerintah Kota Magelang / Dinas Komunikasi Informatika dan Statistik (Diskominsta) Kota Magelang"
    )
    assert box["From"] == "Kota Magelang, Jawa Tengah · City government (Pemkot)"
    assert box["Kind of visit"] == "Study visit (studi banding)"
    assert box["Led by"] == "Drs. Indra Indah Wacana, Asisten Administrasi Umum Pemkot Magelang"
    assert box["Date"] == "Tuesday, 19 September 2017"
    assert box["Venue"] == "ruang Angling Darmo"
    assert box["Received by"] == "Drs. H. Setyo Hartono, MM, Wakil Bupati Bojonegoro"
    assert (
        box["Accompanied by"] == "Yayan Rohman, AP, MM, Asisten Administrasi Umum Setda Kabupaten Bojonegoro"
    )
    assert (
        box["Presented by"]
        == "Djoko Suharmanto, Kabid Pengelolaan Komunikasi Publik (PKP) Dinas Kominfo Bojonegoro"
    )
    assert box["Also present"] == (
        "Sufyan, Ketua Forum KIM Kabupaten Bojonegoro; Sekretaris Desa Pejambon, Kecamatan Sumberrejo | "
        "Iwan Siswoyo, Ketua KIM Deru Maju, Desa Sumberrejo, Kecamatan Sumberrejo"
    )
    assert (
        box["Host units present"] == "BAPPEDA, Bagian Humas dan Protokol, Bagian Pemerintahan, Dinas Kominfo"
    )
    assert box["Topics"] == (
        "Kelompok Informasi Masyarakat (KIM) | Lembaga Penyiaran Publik Lokal (LPPL) | "
        "Open Government Partnership (OGP) | PPID dan keterbukaan informasi publik | Unit kerja keimigrasian"
    )
    assert box["Villages visited"] == "Desa Sedahkidul, Kecamatan Purwosari"
    assert box["Report by"] == "Nuty/Dinkominfo"
    assert "ruang Batik Madrim" in html and "Led by Djoko Suharmanto" in html
    assert "KIM Sendang Potro" in html
    assert "sample-notice" not in html
    poll = re.search(r'<table class="poll__results">.*?</table>', html, re.S).group(0)
    assert re.findall(r"<td>(\d+)%</td>", poll) == ["74", "11", "5", "11"]


def test_the_demo_visit_links_the_kim_it_visited(client, db):
    import random

    from django.utils import timezone

    from kim import demo as kim_demo
    from portal.models import Village
    from visits import demo

    kim_demo._sendang_potro(Village.objects.get(code="35.22.18.2007"), random.Random(1), timezone.localdate())
    visit = demo.load_magelang_2017(demo.load_vocabulary())
    html = page(client, visit)
    assert facts(html)["KIMs visited"] == "KIM Sendang Potro, Desa Sedahkidul"
    assert 'href="/kim/sendang-potro/"' in html


def test_the_list_links_each_visit_to_its_page(client, make_visit):
    visit = make_visit(title="Kunjungan tertaut")
    html = client.get(reverse("visits:list")).content.decode()
    assert f'href="{visit.get_absolute_url()}">Kunjungan tertaut</a>' in html

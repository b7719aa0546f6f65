"""The office's own pages and robots.txt."""

from django.urls import reverse

from portal.models import OfficePage


def make_page(**extra):
    fields = {"slug": "profil", "title": "Profil Dinas", "body": "Tentang **kami**.\n\n<script>x()</script>"}
    fields.update(extra)
    return OfficePage.objects.create(**fields)


def test_office_page_shows_sanitised_text(client, db):
    page = make_page()
    html = client.get(page.get_absolute_url()).content.decode()
    assert "<h1>Profil Dinas</h1>" in html
    assert "<strong>kami</strong>" in html
    assert "<script>x()" not in html


def test_unpublished_office_page_is_404_and_not_listed(client, db):
    page = make_page(is_published=False)
    assert client.get(page.get_absolute_url()).status_code == 404
    assert "Profil Dinas" not in client.get(reverse("portal:office_pages")).content.decode()


def test_office_pages_are_linked_from_every_footer(client, db):
    make_page()
    html = client.get("/wilayah/").content.decode()
    assert 'href="/tentang/"' in html
    assert 'href="/tentang/profil/"' in client.get("/tentang/").content.decode()


def test_sample_office_page_says_so(client, db):
    page = make_page(is_sample=True)
    assert 'class="sample-notice"' in client.get(page.get_absolute_url()).content.decode()


def test_office_page_list_has_a_fixed_query_count(client, db, django_assert_max_num_queries):
    make_page()
    with django_assert_max_num_queries(3):
        client.get("/tentang/")
    for n in range(8):
        make_page(slug=f"halaman-{n}", title=f"Halaman {n}")
    with django_assert_max_num_queries(3):
        client.get("/tentang/")


def test_robots_txt_points_to_the_sitemap_and_keeps_out_of_private_pages(client, db):
    response = client.get("/robots.txt")
    text = response.content.decode()
    assert response["Content-Type"].startswith("text/plain")
    assert "Sitemap: http://testserver/sitemap.xml" in text
    assert "Disallow: /admin/" in text and "Disallow: /ppid/permohonan/lacak/" in text


def test_sitemap_index_lists_sections_and_sections_list_pages(client, db):
    from portal.models import OfficePage

    OfficePage.objects.create(slug="profil", title="Profil", body="x")
    index = client.get("/sitemap.xml").content.decode()
    assert "<sitemapindex" in index and "/sitemap-desa.xml" in index and "/sitemap-tentang.xml" in index
    villages = client.get("/sitemap-desa.xml").content.decode()
    assert "/wilayah/35.22.18.2007/" in villages
    office = client.get("/sitemap-tentang.xml").content.decode()
    assert "/tentang/profil/" in office and "<lastmod>" in office
    assert "/admin/" not in index + villages + office

"""Every admin URL needs a staff login; the admin is branded and in Indonesian."""

import re

import pytest
from django.contrib import admin
from django.urls import URLPattern, URLResolver, get_resolver, reverse


def admin_urls():
    """Every concrete admin URL, with a dummy value for each argument."""
    urls = set()

    def walk(patterns, prefix):
        for entry in patterns:
            route = prefix + str(entry.pattern)
            if isinstance(entry, URLResolver):
                walk(entry.url_patterns, route)
            elif isinstance(entry, URLPattern):
                route = re.sub(r"\(\?P<app_label>[^)]*\)", "portal", route)
                route = re.sub(r"\(\?P<url>[^)]*\)", "no-such-page/", route)
                route = re.sub(r"<[^>]+>", "1", route)
                urls.add(route.replace("^", "").replace("$", "").replace("\\", ""))

    for resolver in get_resolver().url_patterns:
        if isinstance(resolver, URLResolver) and str(resolver.pattern) == "admin/":
            walk(resolver.url_patterns, "/admin/")
    return sorted(urls)


# The login page is the one admin page meant for anonymous visitors.
PUBLIC_ADMIN_URLS = {"/admin/login/", "/admin/logout/"}
ADMIN_URLS = [url for url in admin_urls() if url not in PUBLIC_ADMIN_URLS]


def test_the_walk_found_the_admin():
    assert len(ADMIN_URLS) > 30
    assert "/admin/portal/village/" in ADMIN_URLS


@pytest.mark.parametrize("url", ADMIN_URLS)
def test_every_admin_url_needs_login(client, db, url):
    response = client.get(url)
    assert response.status_code in (302, 404), url
    if response.status_code == 302:
        assert response["Location"].startswith("/admin/login/")


def test_admin_is_branded_with_the_regency_name(client, administrator):
    client.force_login(administrator)
    html = client.get(reverse("admin:index")).content.decode()
    assert "Pemerintah Kabupaten Bojonegoro" in html
    assert 'lang="id"' in html


def test_admin_site_header_follows_region_code(settings):
    settings.REGION_CODE = "33.71"
    assert str(admin.site.site_header) == "Pemerintah Kota Magelang"

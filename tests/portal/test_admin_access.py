"""The admin is branded with the regency and in Indonesian.

Who may open which admin URL is walked in tests/test_url_access.py.
"""

from django.contrib import admin
from django.urls import reverse


def test_admin_is_branded_with_the_regency_name(client, administrator):
    client.force_login(administrator)
    html = client.get(reverse("admin:index")).content.decode()
    assert "Pemerintah Kabupaten Bojonegoro" in html
    assert 'lang="id"' in html


def test_admin_site_header_follows_region_code(settings):
    settings.REGION_CODE = "33.71"
    assert str(admin.site.site_header) == "Pemerintah Kota Magelang"

"""Absolute links for messages sent outside the site (e-mail, WhatsApp).

`SITE_URL` is the portal's public address. Production refuses to start
without it (see portal/settings.py); in development a missing value gives
site-relative links, which is enough to read a message on the console.
"""

from django.conf import settings


def absolute_url(path):
    return (getattr(settings, "SITE_URL", "") or "").rstrip("/") + path

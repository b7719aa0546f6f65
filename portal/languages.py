"""The portal's two languages, each page at its own address.

Indonesian pages keep their unprefixed addresses (``/wilayah/``) and their
English translations live under ``/en/`` (``/en/wilayah/``): Django's
``i18n_patterns`` with ``prefix_default_language=False``. The address alone
decides a page's language, so a shared link, a search engine and the page
cache all see one language per address.

What is not a page keeps one unprefixed address and speaks the language the
visitor asked for (language cookie, then ``Accept-Language``): the admin, the
APIs, the feeds, media and every data file. `is_page` tells the two apart;
a data file or feed asked for under ``/en/`` is sent to its own address.
"""

from django.conf import settings
from django.urls import NoReverseMatch, Resolver404, URLResolver, resolve, reverse
from django.urls.resolvers import LocalePrefixPattern
from django.utils import translation

NOT_PAGES = (
    "/admin/",
    "/api/",
    "/media/",
    "/static/",
    "/healthz",
    "/robots.txt",
    "/sitemap",
    "/bahasa/",
    "/penilaian/",
    "/data/catalog",
)
DATA_SUFFIXES = (".csv", ".json", ".jsonld", ".ttl", ".xlsx", ".xml", ".txt")
OG_LOCALES = {"id": "id_ID", "en": "en_US"}


def split(path):
    """``(language, path without its prefix)``; the language is None for an unprefixed path."""
    language = translation.get_language_from_path(path)
    if language is None or language == settings.LANGUAGE_CODE:
        return None, path
    return language, path[len(language) + 1 :]


def is_page(path):
    """Whether ``path`` is a page whose language its address gives (not admin, data, feed or API)."""
    _language, rest = split(path)
    # `/feed/` itself is the page listing the feeds; `/kunjungan/feed/` is a feed.
    return not (
        rest.startswith(NOT_PAGES) or rest.endswith(DATA_SUFFIXES) or "/feed/" in rest[1:] or "/api/" in rest
    )


def translated_path(path, language):
    """The same page's address in ``language``, or None when ``path`` is no page of the site."""
    try:
        match = resolve(path)
    except Resolver404:
        return None
    name = f"{match.namespace}:{match.url_name}" if match.namespace else match.url_name
    if not name:
        return None
    with translation.override(language):
        try:
            return reverse(name, args=match.args, kwargs=match.kwargs)
        except NoReverseMatch:
            return None


def alternates(request):
    """``[(hreflang, absolute address)]`` of the page in every language, and ``x-default`` (Indonesian)."""
    if not is_page(request.path_info):
        return []
    query = request.META.get("QUERY_STRING", "")
    found = []
    for code, _name in settings.LANGUAGES:
        path = translated_path(request.path_info, code)
        if path is None:
            return []
        found.append((code, request.build_absolute_uri(path + (f"?{query}" if query else ""))))
    default = dict(found)[settings.LANGUAGE_CODE]
    return [*found, ("x-default", default)]


class PortalLocalePrefix(LocalePrefixPattern):
    """Django's language prefix, which also lets an unprefixed address through in English.

    Django matches only the active language's prefix; here an address without
    a prefix is the Indonesian page or a data file, feed or form answer that
    speaks the visitor's language, and must resolve in either language.
    """

    def match(self, path):
        prefix = self.language_prefix
        if path.startswith(prefix):
            return path.removeprefix(prefix), (), {}
        if translation.get_language_from_path("/" + path) is None:
            return path, (), {}
        return None


def i18n_patterns(*urls):
    """``django.conf.urls.i18n.i18n_patterns(..., prefix_default_language=False)`` with `PortalLocalePrefix`."""
    return [URLResolver(PortalLocalePrefix(prefix_default_language=False), list(urls))]

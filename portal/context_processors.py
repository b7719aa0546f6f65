"""Values every template may use: the deployment's names, the office contact, the layout's links
and the page's languages."""

import functools

from django.conf import settings
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils import timezone, translation
from django.utils.functional import SimpleLazyObject

from . import languages, wilayah

# The links of the shared layout (templates/base.html), as ``{{ nav.<key> }}``.
NAV_URLS = {
    "kim_feed": ("kim:feed", ()),
    "kim_list": ("kim:list", ()),
    "ogp_apbdes": ("ogp:apbdes", ()),
    "ogp_commitments": ("ogp:commitments", ()),
    "ogp_openness": ("ogp:openness", ()),
    "portal_data": ("portal:data", ()),
    "portal_feeds": ("portal:feeds", ()),
    "portal_home": ("portal:home", ()),
    "portal_office_pages": ("portal:office_pages", ()),
    "portal_regions": ("portal:regions", ()),
    "portal_search": ("portal:search", ()),
    "ppid_dip": ("ppid:dip", ()),
    "ppid_dip_feed": ("ppid:dip_feed", ()),
    "ppid_home": ("ppid:home", ()),
    "ppid_request_new": ("ppid:request_new", ()),
    "ppid_track": ("ppid:track", ()),
    "visits_feed": ("visits:feed", ()),
    "visits_list": ("visits:list", ()),
}


@functools.lru_cache(maxsize=64)
def _nav(language, script_prefix, urlconf):
    # Arguments are the cache key: an address can depend on each of them.
    return {key: reverse(name, args=args) for key, (name, args) in NAV_URLS.items()}


def nav_urls():
    """The layout's links, resolved once per process for each language, script prefix and URLconf."""
    return _nav(translation.get_language(), get_script_prefix(), get_urlconf() or settings.ROOT_URLCONF)


def site(request):
    regency = wilayah.deployment()
    return {
        "regency": regency,
        "office": {
            "name": settings.OFFICE_NAME,
            "address": settings.OFFICE_ADDRESS,
            "phone": settings.OFFICE_PHONE,
            "email": settings.OFFICE_EMAIL,
        },
        "current_year": timezone.localdate().year,
        "nav": nav_urls(),
    }


def page_languages(request):
    """``page_languages``: the page's addresses per language (for hreflang and the switcher), worked
    out only when a template asks, and its Open Graph locales."""

    def build():
        alternates = languages.alternates(request)
        current = translation.get_language()
        root = len(request.build_absolute_uri("/")) - 1
        by_code = {code: url[root:] for code, url in alternates}
        others = [(code, name, by_code.get(code)) for code, name in settings.LANGUAGES if code != current]
        return {
            "alternates": alternates,
            "others": others,
            "og_locale": languages.OG_LOCALES.get(current, current),
            "og_alternates": [languages.OG_LOCALES.get(code, code) for code, _name, _url in others],
        }

    return {"page_languages": SimpleLazyObject(build)}

"""Values every template may use: the deployment's names, the office contact and the page's languages."""

from django.conf import settings
from django.utils import timezone, translation
from django.utils.functional import SimpleLazyObject

from . import languages, wilayah


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

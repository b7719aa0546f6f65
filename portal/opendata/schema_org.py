"""schema.org JSON-LD for pages: the government, the office and each PPID unit as
``GovernmentOrganization``, the catalogue as a ``DataCatalog`` of ``Dataset``s with
their ``DataDownload``s, reports and news as ``NewsArticle`` and a visit as an
``Event``. The apps' templates pass plain values (`portal.templatetags.open_data`),
so this module reads no app."""

import json

from django.utils import translation
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from portal import datasets

from . import catalogue


def organisation(base):
    regency = catalogue.regency()
    office = catalogue.office()
    node = {
        "@type": "GovernmentOrganization",
        "@id": base + "/#pemerintah",
        "name": regency.government_name,
        "url": base + "/",
        "areaServed": {"@type": "AdministrativeArea", "name": regency.full_name, "identifier": regency.code},
        "department": {"@type": "GovernmentOrganization", "name": office["name"], "url": base + "/tentang/"},
    }
    if office["email"]:
        node["email"] = office["email"]
    if office["phone"]:
        node["telephone"] = office["phone"]
    return node


def dataset(base, entry):
    node = {
        "@type": "Dataset",
        "@id": f"{base}/data/{entry.name}/",
        "name": entry.title,
        "description": entry.description,
        "url": base + (entry.dataset.page_url() or "/data/"),
        "license": datasets.LICENCE_URL,
        "isAccessibleForFree": True,
        "keywords": list(entry.dataset.keywords),
        "creator": {"@id": base + "/#pemerintah"},
        "spatialCoverage": {"@type": "Place", "name": catalogue.regency().full_name},
        "distribution": [
            {
                "@type": "DataDownload",
                "encodingFormat": catalogue.FORMATS.get(d.format, ("", d.format))[1],
                "contentUrl": base + d.url,
            }
            for d in entry.downloads
        ],
    }
    if entry.temporal:
        node["temporalCoverage"] = f"{entry.temporal[0].isoformat()}/{entry.temporal[1].isoformat()}"
    if entry.modified:
        node["dateModified"] = catalogue.iso(entry.modified)
    return node


def script(data):
    """A ``<script type="application/ld+json">`` block; ``<``, ``>`` and ``&`` escaped as in json_script."""
    text = json.dumps({"@context": "https://schema.org", **data}, ensure_ascii=False)
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))


def catalogue_script(request):
    base = request.build_absolute_uri("/").rstrip("/")
    return script(
        {
            "@type": "DataCatalog",
            "name": f"Data terbuka {catalogue.regency().government_name}",
            "url": base + "/data/",
            "publisher": organisation(base),
            "dataset": [dataset(base, entry) for entry in catalogue.entries()],
        }
    )


def _absolute(base, url):
    return url if not url or url.startswith(("http://", "https://")) else base + url


def _place(name=""):
    regency = catalogue.regency()
    place = {"@type": "Place", "name": name or regency.full_name}
    place["address"] = {"@type": "PostalAddress", "addressRegion": regency.full_name, "addressCountry": "ID"}
    return place


def office(base):
    """The office running the portal, part of the regional government."""
    contact = catalogue.office()
    node = {
        "@type": "GovernmentOrganization",
        "@id": base + "/#kantor",
        "name": contact["name"],
        "url": base + "/tentang/",
        "parentOrganization": {"@id": base + "/#pemerintah"},
    }
    if contact["address"]:
        node["address"] = contact["address"]
    node.update(
        {key: contact[name] for key, name in (("email", "email"), ("telephone", "phone")) if contact[name]}
    )
    return node


def office_script(request):
    base = request.build_absolute_uri("/").rstrip("/")
    return script({"@graph": [organisation(base), office(base)]})


def unit_script(request, *, name, url, email="", phone="", address=""):
    """A PPID unit: a ``GovernmentOrganization`` under the regional government."""
    base = request.build_absolute_uri("/").rstrip("/")
    node = {
        "@type": "GovernmentOrganization",
        "@id": _absolute(base, url) + "#unit",
        "name": name,
        "url": _absolute(base, url),
        "parentOrganization": organisation(base),
    }
    node.update(
        {key: value for key, value in (("email", email), ("telephone", phone), ("address", address)) if value}
    )
    return script(node)


def news_article(base, *, headline, url, published, modified=None, author="", image="", section=""):
    node = {
        "@type": "NewsArticle",
        "@id": _absolute(base, url) + "#berita",
        "headline": headline[:110],
        "url": _absolute(base, url),
        "mainEntityOfPage": _absolute(base, url),
        "datePublished": catalogue.iso(published),
        "dateModified": catalogue.iso(modified or published),
        "publisher": {
            "@id": base + "/#pemerintah",
            "@type": "GovernmentOrganization",
            "name": catalogue.regency().government_name,
        },
        "inLanguage": translation.get_language(),
    }
    if author:
        node["author"] = {"@type": "Organization", "name": author}
    if image:
        node["image"] = _absolute(base, image)
    if section:
        node["articleSection"] = section
    return node


def article_script(request, **values):
    base = request.build_absolute_uri("/").rstrip("/")
    return script(news_article(base, **values))


def visit_script(request, *, name, url, start, end=None, venue="", visitors="", published=None, **article):
    """A visit: the ``Event`` itself and its report, a ``NewsArticle`` about it."""
    base = request.build_absolute_uri("/").rstrip("/")
    event = {
        "@type": "Event",
        "@id": _absolute(base, url) + "#kunjungan",
        "name": name,
        "url": _absolute(base, url),
        "startDate": catalogue.iso(start),
        "endDate": catalogue.iso(end or start),
        "eventStatus": "https://schema.org/EventScheduled",
        "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
        "location": _place(venue),
        "organizer": {
            "@id": base + "/#pemerintah",
            "@type": "GovernmentOrganization",
            "name": catalogue.regency().government_name,
        },
    }
    if visitors:
        event["attendee"] = {"@type": "GovernmentOrganization", "name": visitors}
    report = news_article(base, headline=name, url=url, published=published, **article)
    report["about"] = {"@id": event["@id"]}
    return script({"@graph": [event, report]})

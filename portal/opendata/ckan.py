"""A read-only subset of CKAN's action API under `/api/3/action/`, for harvesters and `ckanapi`.

Answers come in CKAN's envelope (``{"help": …, "success": true, "result": …}``);
errors in its error envelope with CKAN's status codes: 400 for an unknown
action, 404 ``Not Found Error``, 409 ``Validation Error`` naming the field.
Packages are the catalogue's entries, organisations its producers, groups
its themes. Parameters come from the query string or, as ``ckanapi`` sends
them, from a JSON body posted to the action; nothing is ever written.
"""

import json
import uuid

from django.conf import settings
from django.urls import reverse

from portal import datasets

from . import catalogue, vocabulary


class ActionError(Exception):
    """A refused call: HTTP status, CKAN's error type and the error details."""

    def __init__(self, status, kind, message="", **fields):
        super().__init__(message)
        self.http_status = status
        self.body = {"__type": kind, **({"message": message} if message else {}), **fields}


def _uuid(kind, name):
    return str(uuid.uuid5(uuid.NAMESPACE_URL, f"portal-keterbukaan:{settings.REGION_CODE}:{kind}:{name}"))


def parameters(request):
    """The call's parameters: the JSON body of a POST, else the query string."""
    if request.method == "POST" and request.body:
        try:
            params = json.loads(request.body)
        except ValueError:
            raise ActionError(
                400, "Bad Request", "Bad request - JSON Error: could not parse the body"
            ) from None
        if not isinstance(params, dict):
            raise ActionError(400, "Bad Request", "Bad request - JSON Error: the body must be an object")
        return params
    return {key: request.GET.get(key) for key in request.GET}


def _integer(params, name, default, maximum):
    raw = params.get(name)
    if raw in (None, ""):
        return default
    try:
        value = int(raw)
    except (TypeError, ValueError):
        raise ActionError(409, "Validation Error", **{name: ["Invalid integer"]}) from None
    if value < 0 or value > maximum:
        raise ActionError(409, "Validation Error", **{name: [f"Must be between 0 and {maximum}"]})
    return value


def _required(params, name):
    value = params.get(name)
    if value in (None, ""):
        raise ActionError(409, "Validation Error", **{name: ["Missing value"]})
    return str(value)


def organization(producer, *, count=None):
    result = {
        "id": _uuid("organization", producer.key),
        "name": producer.key,
        "title": str(producer.title),
        "display_name": str(producer.title),
        "description": str(producer.description),
        "type": "organization",
        "is_organization": True,
        "state": "active",
        "approval_status": "approved",
        "image_url": "",
    }
    if count is not None:
        result["package_count"] = count
    return result


def group(code, *, count=None):
    title = str(vocabulary.THEMES.get(code, code))
    result = {
        "id": _uuid("group", code.lower()),
        "name": code.lower(),
        "title": title,
        "display_name": title,
        "description": "http://publications.europa.eu/resource/authority/data-theme/" + code,
        "type": "group",
        "is_organization": False,
        "state": "active",
        "approval_status": "approved",
        "image_url": "",
    }
    if count is not None:
        result["package_count"] = count
    return result


def _resource(base, entry, download, position):
    label, media_type = catalogue.FORMATS.get(download.format, (download.format.upper(), ""))
    return {
        "id": _uuid("resource", f"{entry.name}:{download.url}"),
        "package_id": _uuid("package", entry.name),
        "name": f"{entry.title} ({label})",
        "description": "",
        "url": base + download.url,
        "format": label,
        "mimetype": media_type,
        "position": position,
        "state": "active",
        "last_modified": catalogue.iso(entry.modified),
        "schema": base + reverse("opendata:datapackage", args=[entry.name]),
    }


def _extras(base, entry):
    office = catalogue.office()
    regency = catalogue.regency()
    values = {
        "produsen_data": str(entry.producer.title) if entry.producer else "",
        "walidata": office["name"],
        "frequency": entry.dataset.frequency,
        "spatial_uri": base + reverse("portal:region", args=[regency.code]),
        "spatial_text": f"{regency.full_name} ({regency.code})",
        "kode_wilayah": regency.code,
        "dcat_uri": f"{base}/data/{entry.name}/",
        "datapackage": base + reverse("opendata:datapackage", args=[entry.name]),
    }
    if entry.temporal:
        values["temporal_start"] = entry.temporal[0].isoformat()
        values["temporal_end"] = entry.temporal[1].isoformat()
    return [{"key": key, "value": value} for key, value in values.items()]


def package(base, entry):
    """The CKAN package dict of a catalogue entry (absolute addresses under ``base``)."""
    modified = catalogue.iso(entry.modified)
    office = catalogue.office()
    resources = [_resource(base, entry, d, i) for i, d in enumerate(entry.downloads)]
    tags = [
        {"name": keyword, "display_name": keyword, "state": "active"} for keyword in entry.dataset.keywords
    ]
    return {
        "id": _uuid("package", entry.name),
        "name": entry.name,
        "title": entry.title,
        "notes": entry.description,
        "type": "dataset",
        "state": "active",
        "private": False,
        "url": base + (entry.dataset.page_url() or "/data/"),
        "license_id": vocabulary.LICENCE_ID,
        "license_title": vocabulary.LICENCE_TITLE,
        "license_url": datasets.LICENCE_URL,
        "author": str(entry.producer.title) if entry.producer else "",
        "maintainer": office["name"],
        "maintainer_email": office["email"],
        "metadata_created": catalogue.iso(entry.issued) or modified,
        "metadata_modified": modified,
        "owner_org": _uuid("organization", entry.dataset.producer),
        "organization": organization(entry.producer) if entry.producer else None,
        "groups": [group(code) for code in entry.dataset.themes],
        "tags": tags,
        "num_tags": len(tags),
        "resources": resources,
        "num_resources": len(resources),
        "extras": _extras(base, entry),
    }


def _find(entries, ident):
    found = next((e for e in entries if ident in (e.name, _uuid("package", e.name))), None)
    if found is None:
        raise ActionError(404, "Not Found Error", "Not found")
    return found


def _matches(entry, terms, filters):
    text = " ".join(
        [entry.name, entry.title, entry.description, *entry.dataset.keywords, entry.dataset.producer]
    ).casefold()
    if not all(term in text for term in terms):
        return False
    return all(
        (entry.dataset.producer == value if key == "organization" else value.upper() in entry.dataset.themes)
        for key, value in filters
    )


def _filters(params):
    """``fq`` as CKAN harvesters send it: ``organization:<name>`` and ``groups:<name>`` terms."""
    filters = []
    for term in str(params.get("fq") or "").split():
        key, _sep, value = term.partition(":")
        if key in ("organization", "groups") and value:
            filters.append((key, value.strip('"')))
    return filters

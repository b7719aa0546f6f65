"""Every file field of every model refuses or neutralises each polyglot upload."""

import posixpath

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import models
from PIL import Image

from tests.security.polyglots import PAYLOAD_MARKERS, POLYGLOTS

REFUSAL_CODES = {"not_image", "image_format", "document_type", "macro", "invalid_extension", "too_small"}
IMAGE_EXTENSIONS = {".jpg", ".png", ".webp"}


def file_fields():
    """(label, model, field) for every FileField and ImageField of every installed model."""
    found = [
        (f"{model._meta.label}.{field.name}", model, field)
        for model in apps.get_models()
        for field in model._meta.get_fields()
        if isinstance(field, models.FileField)
    ]
    return {label: (model, field) for label, model, field in sorted(found, key=lambda item: item[0])}


FIELDS = file_fields()


def test_the_walk_finds_the_file_fields_of_every_app():
    assert {
        "visits.VisitPhoto.image",
        "kim.PostPhoto.image",
        "kim.Kim.decree_file",
        "ogp.BillboardPhoto.image",
        "ppid.DipDocumentVersion.document",
        "ppid.Regulation.document",
        "ppid.InfoRequest.requester_identity_scan",
        "ppid.InfoRequest.requester_proxy_letter",
        "ppid.AnswerDocument.document",
    } <= set(FIELDS)


def refusal(field, upload):
    """The ValidationError code refusing the upload in this field, or None when it is accepted."""
    try:
        for validator in field.validators:
            validator(upload)
    except ValidationError as error:
        return error.code
    return None


def assert_neutralised(field, model, name, upload):
    stored_name = field.storage.save(field.generate_filename(model(), name), upload)
    extension = posixpath.splitext(stored_name)[1]
    with field.storage.open(stored_name) as stored:
        data = stored.read()
    assert extension in IMAGE_EXTENSIONS, stored_name
    with Image.open(field.storage.open(stored_name)) as image:
        image.verify()
    assert not any(marker in data for marker in PAYLOAD_MARKERS), stored_name


@pytest.mark.parametrize("polyglot", list(POLYGLOTS))
@pytest.mark.parametrize("label", list(FIELDS))
def test_every_file_field_refuses_or_neutralises_each_polyglot(db, label, polyglot):
    model, field = FIELDS[label]
    name, content_type, make = POLYGLOTS[polyglot]
    upload = SimpleUploadedFile(name, make(), content_type=content_type)
    code = refusal(field, upload)
    if code is None:
        # Only a real image gets through, and only as a re-encoded copy of its pixels.
        assert polyglot == "image and script", (label, polyglot)
        assert_neutralised(field, model, name, upload)
    else:
        assert code in REFUSAL_CODES, (label, polyglot, code)


@pytest.mark.parametrize("polyglot", list(POLYGLOTS))
def test_the_spreadsheet_import_refuses_each_polyglot(polyglot):
    from portal.uploads import validate_spreadsheet

    name, content_type, make = POLYGLOTS[polyglot]
    with pytest.raises(ValidationError) as error:
        validate_spreadsheet(SimpleUploadedFile(name, make(), content_type=content_type))
    assert error.value.code in {"document_type", "macro"}


@pytest.mark.parametrize("polyglot", list(POLYGLOTS))
@pytest.mark.parametrize("storage_name", ["default", "private"])
def test_storage_alone_never_keeps_a_renderable_name_for_unverified_content(storage_name, polyglot):
    """Code that saves without validating still gets a verified name: an image re-encoded, else .bin."""
    from django.core.files.storage import storages

    name, content_type, make = POLYGLOTS[polyglot]
    stored_name = storages[storage_name].save(f"uji/{name}", SimpleUploadedFile(name, make()))
    extension = posixpath.splitext(stored_name)[1]
    with storages[storage_name].open(stored_name) as stored:
        data = stored.read()
    if extension in IMAGE_EXTENSIONS:
        assert not any(marker in data for marker in PAYLOAD_MARKERS)
    else:
        assert extension == ".bin", stored_name

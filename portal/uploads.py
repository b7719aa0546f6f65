"""Uploaded files are judged by their content, never by their name.

Validators for model and form fields (`validate_image`, `validate_document`,
`validate_spreadsheet`) and `BasePhoto`, the abstract model every photo in the
portal uses: it re-encodes the upload (dropping EXIF and anything hidden after
the image data), caps its size and writes resized WebP renditions for
responsive ``srcset`` and thumbnails.
"""

import io
import os
import uuid
import zipfile

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import Storage, storages
from django.db import models
from django.template.defaultfilters import filesizeformat
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps, UnidentifiedImageError

MAX_IMAGE_BYTES = 10 * 1024 * 1024
MAX_IMAGE_PIXELS = 40_000_000
MIN_IMAGE_SIDE = 200
MAX_DOCUMENT_BYTES = 20 * 1024 * 1024
IMAGE_FORMATS = {"JPEG", "PNG", "WEBP"}
RENDITION_WIDTHS = (480, 960, 1600)
THUMBNAIL_WIDTH = 320
ORIGINAL_MAX_SIDE = 2400

Image.MAX_IMAGE_PIXELS = MAX_IMAGE_PIXELS


def _check_size(upload, limit):
    if upload.size and upload.size > limit:
        raise ValidationError(
            _("The file is too large (%(size)s); the limit is %(limit)s."),
            code="too_large",
            params={"size": filesizeformat(upload.size), "limit": filesizeformat(limit)},
        )


def _read_head(upload, length=8):
    upload.seek(0)
    head = upload.read(length)
    upload.seek(0)
    return head


def validate_image(upload):
    """A JPEG, PNG or WebP photo of sensible size, judged by decoding it."""
    _check_size(upload, MAX_IMAGE_BYTES)
    try:
        upload.seek(0)
        with Image.open(upload) as image:
            image_format = image.format
            width, height = image.size
            image.verify()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError):
        raise ValidationError(
            _("This file is not a photo the portal can read. Upload a JPEG, PNG or WebP image."),
            code="not_image",
        ) from None
    finally:
        upload.seek(0)
    if image_format not in IMAGE_FORMATS:
        raise ValidationError(
            _("Upload a JPEG, PNG or WebP image (this one is %(format)s)."),
            code="image_format",
            params={"format": image_format},
        )
    if width * height > MAX_IMAGE_PIXELS:
        raise ValidationError(_("The image has too many pixels."), code="too_many_pixels")
    if min(width, height) < MIN_IMAGE_SIDE:
        raise ValidationError(
            _("The image is too small (%(width)s×%(height)s); each side needs at least %(min)s pixels."),
            code="too_small",
            params={"width": width, "height": height, "min": MIN_IMAGE_SIDE},
        )


PDF_MAGIC = b"%PDF-"
ZIP_MAGIC = b"PK\x03\x04"
OFFICE_MEMBERS = {
    "docx": "word/document.xml",
    "xlsx": "xl/workbook.xml",
    "pptx": "ppt/presentation.xml",
    "odt": "content.xml",
    "ods": "content.xml",
}


def detect_document_type(upload):
    """Return "pdf", "docx", "xlsx", "pptx", "odt", "ods", "image", "text" or None."""
    head = _read_head(upload, 8)
    if head.startswith(PDF_MAGIC):
        return "pdf"
    if head.startswith(ZIP_MAGIC):
        try:
            upload.seek(0)
            with zipfile.ZipFile(upload) as archive:
                names = set(archive.namelist())
                mimetype = archive.read("mimetype").decode() if "mimetype" in names else ""
        except (zipfile.BadZipFile, KeyError, OSError):
            return None
        finally:
            upload.seek(0)
        if "opendocument.text" in mimetype:
            return "odt"
        if "opendocument.spreadsheet" in mimetype:
            return "ods"
        for kind, member in OFFICE_MEMBERS.items():
            if member in names and kind in ("docx", "xlsx", "pptx"):
                return kind
        return None
    try:
        upload.seek(0)
        with Image.open(upload) as image:
            if image.format in IMAGE_FORMATS:
                return "image"
    except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError):
        pass
    finally:
        upload.seek(0)
    sample = _read_head(upload, 4096)
    try:
        sample.decode("utf-8")
    except UnicodeDecodeError:
        # A cut in the middle of a multi-byte character is still text.
        try:
            sample[:-3].decode("utf-8")
        except UnicodeDecodeError:
            return None
    if b"\x00" in sample:
        return None
    return "text"


class DocumentValidator:
    """Accepts only the listed document kinds, by content, within a size limit."""

    def __init__(self, kinds=("pdf", "docx", "xlsx", "odt", "ods", "image"), max_bytes=MAX_DOCUMENT_BYTES):
        self.kinds = tuple(kinds)
        self.max_bytes = max_bytes

    def __call__(self, upload):
        _check_size(upload, self.max_bytes)
        kind = detect_document_type(upload)
        if kind not in self.kinds:
            raise ValidationError(
                _("This file type is not accepted here. Accepted: %(kinds)s."),
                code="document_type",
                params={"kinds": ", ".join(k.upper() for k in self.kinds)},
            )

    def __eq__(self, other):
        return isinstance(other, DocumentValidator) and (self.kinds, self.max_bytes) == (
            other.kinds,
            other.max_bytes,
        )

    def deconstruct(self):
        return ("portal.uploads.DocumentValidator", (), {"kinds": self.kinds, "max_bytes": self.max_bytes})


validate_document = DocumentValidator()
validate_spreadsheet = DocumentValidator(kinds=("xlsx", "text"), max_bytes=MAX_DOCUMENT_BYTES)


@deconstructible
class RandomName:
    """An upload_to that keeps the extension but never the user's file name."""

    def __init__(self, folder):
        self.folder = folder

    def __call__(self, instance, filename):
        ext = os.path.splitext(filename)[1].lower()[:8]
        return f"{self.folder}/{uuid.uuid4().hex}{ext}"

    def __eq__(self, other):
        return isinstance(other, RandomName) and other.folder == self.folder


def random_name(folder):
    return RandomName(folder)


class PrivateStorage(Storage):
    """Identity documents and answers addressed to one person never go to public media.

    Use as ``FileField(storage=…)`` through a module-level callable. Every call
    goes to ``storages["private"]`` at that moment: a storage given to a
    FileField is fixed when models load, so delegating keeps a change of
    STORAGES (another backend, a test's temporary folder) in force. Files are
    served only by permission-checked views, never under MEDIA_URL.
    """

    @property
    def target(self):
        return storages["private"]

    def _open(self, name, mode="rb"):
        return self.target.open(name, mode)

    def _save(self, name, content):
        return self.target.save(name, content)

    def get_available_name(self, name, max_length=None):
        return self.target.get_available_name(name, max_length=max_length)

    def generate_filename(self, filename):
        return self.target.generate_filename(filename)

    def delete(self, name):
        return self.target.delete(name)

    def exists(self, name):
        return self.target.exists(name)

    def listdir(self, path):
        return self.target.listdir(path)

    def size(self, name):
        return self.target.size(name)

    def path(self, name):
        return self.target.path(name)

    def url(self, name):
        return self.target.url(name)


PRIVATE_STORAGE = PrivateStorage()


def photo_upload_to(instance, filename):
    folder = instance._meta.app_label + "/" + instance._meta.model_name
    return f"{folder}/{uuid.uuid4().hex}.jpg"


class BasePhoto(models.Model):
    """A photo with required alt text, re-encoded on save, with WebP renditions."""

    image = models.ImageField(
        _("photo"),
        upload_to=photo_upload_to,
        validators=[validate_image],
        width_field="width",
        height_field="height",
        help_text=_("JPEG, PNG or WebP, at most 10 MB."),
    )
    alt_text = models.CharField(
        _("alternative text"),
        max_length=250,
        help_text=_("What the photo shows, for people who cannot see it."),
    )
    caption = models.CharField(_("caption"), max_length=300, blank=True)
    credit = models.CharField(_("photo credit"), max_length=150, blank=True)
    width = models.PositiveIntegerField(_("width"), null=True, editable=False)
    height = models.PositiveIntegerField(_("height"), null=True, editable=False)
    renditions = models.JSONField(_("renditions"), default=dict, editable=False)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        abstract = True
        ordering = ["order", "pk"]

    def __str__(self):
        return self.alt_text

    def save(self, *args, **kwargs):
        if self.image and not getattr(self.image, "_committed", True):
            self._reencode()
        super().save(*args, **kwargs)
        if self.image and not self.renditions:
            self.renditions = self._write_renditions()
            super().save(update_fields=["renditions"])

    def _reencode(self):
        """Decode and re-encode the upload as a clean JPEG, at most ORIGINAL_MAX_SIDE."""
        upload = self.image.file
        upload.seek(0)
        with Image.open(upload) as source:
            image = ImageOps.exif_transpose(source).convert("RGB")
        image.thumbnail((ORIGINAL_MAX_SIDE, ORIGINAL_MAX_SIDE))
        buffer = io.BytesIO()
        image.save(buffer, "JPEG", quality=85, optimize=True, progressive=True)
        self.image = ContentFile(buffer.getvalue(), name="photo.jpg")
        self.renditions = {}

    def _write_renditions(self):
        storage = self.image.storage
        self.image.open("rb")
        try:
            with Image.open(self.image) as source:
                image = source.convert("RGB")
        finally:
            self.image.close()
        stem = os.path.splitext(self.image.name)[0]
        result = {}
        for width in (THUMBNAIL_WIDTH, *RENDITION_WIDTHS):
            if width > image.width and width != THUMBNAIL_WIDTH:
                continue
            copy = image.copy()
            copy.thumbnail((width, width * 4))
            buffer = io.BytesIO()
            copy.save(buffer, "WEBP", quality=80, method=4)
            name = storage.save(f"{stem}_w{width}.webp", ContentFile(buffer.getvalue()))
            result[str(width)] = {"name": name, "width": copy.width, "height": copy.height}
        return result

    def rendition_url(self, width):
        item = self.renditions.get(str(width))
        return self.image.storage.url(item["name"]) if item else self.image.url

    @property
    def thumbnail_url(self):
        return self.rendition_url(THUMBNAIL_WIDTH)

    @property
    def thumbnail_size(self):
        item = self.renditions.get(str(THUMBNAIL_WIDTH))
        return (item["width"], item["height"]) if item else (self.width, self.height)

    @property
    def srcset(self):
        """``url 480w, url 960w, …`` over the renditions, for responsive images."""
        parts = [
            f"{self.image.storage.url(item['name'])} {item['width']}w"
            for key, item in sorted(self.renditions.items(), key=lambda kv: int(kv[0]))
            if int(key) != THUMBNAIL_WIDTH
        ]
        return ", ".join(parts)

    @property
    def medium_url(self):
        return self.rendition_url(960) if "960" in self.renditions else self.rendition_url(480)

"""Validators for upload fields: refusals with a message next to the field.

`validate_image` for photos; `DocumentValidator(kinds=…)` (and the ready-made
`validate_document`, `validate_spreadsheet`) for documents. Both judge the
whole content (`portal.uploads.content`); what is stored is chosen again from
the content by the storage (`portal.uploads.storage`).
"""

from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from PIL import Image, UnidentifiedImageError

from . import content
from .content import IMAGE_FORMATS

MAX_IMAGE_BYTES = 10 * 1024 * 1024
MAX_IMAGE_PIXELS = 40_000_000
MIN_IMAGE_SIDE = 200
MAX_DOCUMENT_BYTES = 20 * 1024 * 1024

Image.MAX_IMAGE_PIXELS = MAX_IMAGE_PIXELS


def check_size(upload, limit):
    if upload.size and upload.size > limit:
        raise ValidationError(
            _("The file is too large (%(size)s); the limit is %(limit)s."),
            code="too_large",
            params={"size": filesizeformat(upload.size), "limit": filesizeformat(limit)},
        )


def _open_image(upload):
    try:
        upload.seek(0)
        with Image.open(upload) as image:
            found, size = image.format, image.size
            image.verify()
        return found, size
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError):
        raise ValidationError(
            _("This file is not a photo the portal can read. Upload a JPEG, PNG or WebP image."),
            code="not_image",
        ) from None
    finally:
        upload.seek(0)


def validate_image(upload):
    """A JPEG, PNG or WebP photo of sensible size, judged by decoding it."""
    check_size(upload, MAX_IMAGE_BYTES)
    image_format, (width, height) = _open_image(upload)
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


def detect_document_type(upload):
    """The verified kind of a document ("pdf", "xlsx", …, "image", "text"), "macro", or None."""
    return content.identify(upload)


class DocumentValidator:
    """Accepts only the listed document kinds, by their whole content, within a size limit."""

    def __init__(self, kinds=("pdf", "docx", "xlsx", "odt", "ods", "image"), max_bytes=MAX_DOCUMENT_BYTES):
        self.kinds = tuple(kinds)
        self.max_bytes = max_bytes

    def __call__(self, upload):
        check_size(upload, self.max_bytes)
        kind = detect_document_type(upload)
        if kind == "macro":
            raise ValidationError(
                _("Documents and workbooks with macros are not accepted. Save the file without macros."),
                code="macro",
            )
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

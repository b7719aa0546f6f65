"""`BasePhoto`, the abstract model every photo in the portal uses.

It re-encodes the upload as a clean JPEG (dropping EXIF and anything hidden
after the image data), caps its size and writes resized WebP renditions for
responsive ``srcset`` and thumbnails.
"""

import os
import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps

from .storage import reencoded_image
from .validators import validate_image

RENDITION_WIDTHS = (480, 960, 1600)
THUMBNAIL_WIDTH = 320
ORIGINAL_MAX_SIDE = 2400


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
        self.image = reencoded_image(image, "JPEG", quality=85, optimize=True, progressive=True)
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
            encoded = reencoded_image(copy, "WEBP", quality=80, method=4)
            name = storage.save(f"{stem}_w{width}.webp", encoded)
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

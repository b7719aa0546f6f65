"""Where uploads are stored, under a name and type the portal chooses from their content.

`VerifiedStorageMixin.save` identifies every file it is given
(`portal.uploads.content`) and replaces the extension with the one of what it
found: ``.pdf``, ``.xlsx``, … Images are decoded and re-encoded in their own
format first, which drops metadata, comments and anything appended to the
image data (a photo that is also a script is only a photo afterwards).
Anything it cannot verify is stored as ``.bin``, which is served as an
opaque download. `VerifiedFileSystemStorage` and `portal.uploads.s3.VerifiedS3Storage`
are the backends settings name.

`RandomName` never keeps the uploader's file name, and `PrivateStorage` keeps
personal files out of public media.
"""

import io
import os
import posixpath
import uuid

from django.core.files.base import ContentFile
from django.core.files.storage import FileSystemStorage, Storage, storages
from django.utils.deconstruct import deconstructible
from PIL import Image, ImageOps

from . import content

EXTENSIONS = {
    "pdf": ".pdf",
    "docx": ".docx",
    "xlsx": ".xlsx",
    "odt": ".odt",
    "ods": ".ods",
    "text": ".txt",
    "JPEG": ".jpg",
    "PNG": ".png",
    "WEBP": ".webp",
}
OPAQUE_EXTENSION = ".bin"
IMAGE_EXTENSIONS = {".jpg", ".png", ".webp"}


def reencoded_image(image, image_format, **options):
    """A ContentFile of a Pillow image saved in a format, marked as written by the portal.

    Only the pixels are written: Pillow would otherwise carry comments, EXIF and
    other text chunks of the source over into the copy.
    """
    image = image.copy()
    image.info = {}
    buffer = io.BytesIO()
    image.save(buffer, image_format, **options)
    result = ContentFile(buffer.getvalue(), name=f"image{EXTENSIONS[image_format]}")
    result.portal_encoded = True
    return result


def _reencode(data, image_format):
    with Image.open(io.BytesIO(data)) as source:
        image = ImageOps.exif_transpose(source)
        if image_format == "JPEG":
            return reencoded_image(image.convert("RGB"), "JPEG", quality=90, optimize=True)
        if image.mode not in ("RGB", "RGBA", "L", "LA"):
            image = image.convert("RGBA")
        if image_format == "PNG":
            return reencoded_image(image, "PNG", optimize=True)
        return reencoded_image(image, "WEBP", quality=90)


def verified(data, *, encoded_by_portal=False):
    """(extension, content) for the bytes of an upload: re-encoded when an image, else as they are."""
    image_format = content.image_format(data)
    if image_format:
        if encoded_by_portal:
            return EXTENSIONS[image_format], ContentFile(data)
        return EXTENSIONS[image_format], _reencode(data, image_format)
    kind = content.identify(ContentFile(data))
    if kind in EXTENSIONS and kind != "image":
        return EXTENSIONS[kind], ContentFile(data)
    return OPAQUE_EXTENSION, ContentFile(data)


def with_extension(name, extension):
    stem, _old = posixpath.splitext(name)
    return stem + extension


class VerifiedStorageMixin:
    """Stores a file under the extension of its verified content (see the module)."""

    def save(self, name, content, max_length=None):
        if name is None:
            name = content.name
        content.seek(0)
        data = content.read()
        extension, clean = verified(data, encoded_by_portal=getattr(content, "portal_encoded", False))
        return super().save(with_extension(name, extension), clean, max_length=max_length)


class VerifiedFileSystemStorage(VerifiedStorageMixin, FileSystemStorage):
    pass


@deconstructible
class RandomName:
    """An upload_to that keeps the extension but never the user's file name."""

    def __init__(self, folder):
        self.folder = folder

    def __call__(self, instance, filename):
        ext = os.path.splitext(filename)[1].lower()[:8]  # replaced on save by the verified one
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

"""Uploaded files are judged by their content, never by their name.

- `content`: what a file really is, from all of its bytes;
- `validators`: refusals next to the field (`validate_image`, `DocumentValidator`);
- `storage`: stored under the extension of the verified content, images re-encoded;
- `images`: `BasePhoto`, the abstract photo model with renditions;
- `serving`: the headers user files are served with.
"""

from .content import IMAGE_FORMATS
from .images import ORIGINAL_MAX_SIDE, RENDITION_WIDTHS, THUMBNAIL_WIDTH, BasePhoto, photo_upload_to
from .storage import PRIVATE_STORAGE, PrivateStorage, RandomName, random_name
from .validators import (
    MAX_DOCUMENT_BYTES,
    MAX_IMAGE_BYTES,
    MAX_IMAGE_PIXELS,
    MIN_IMAGE_SIDE,
    DocumentValidator,
    detect_document_type,
    validate_document,
    validate_image,
    validate_spreadsheet,
)

__all__ = [
    "IMAGE_FORMATS",
    "MAX_DOCUMENT_BYTES",
    "MAX_IMAGE_BYTES",
    "MAX_IMAGE_PIXELS",
    "MIN_IMAGE_SIDE",
    "ORIGINAL_MAX_SIDE",
    "PRIVATE_STORAGE",
    "RENDITION_WIDTHS",
    "THUMBNAIL_WIDTH",
    "BasePhoto",
    "DocumentValidator",
    "PrivateStorage",
    "RandomName",
    "detect_document_type",
    "photo_upload_to",
    "random_name",
    "validate_document",
    "validate_image",
    "validate_spreadsheet",
]

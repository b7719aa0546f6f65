"""Object storage for media: verified names, and every non-image stored as a download."""

import posixpath

from storages.backends.s3 import S3Storage

from .storage import IMAGE_EXTENSIONS, VerifiedStorageMixin


class VerifiedS3Storage(VerifiedStorageMixin, S3Storage):
    def get_object_parameters(self, name):
        parameters = super().get_object_parameters(name)
        if posixpath.splitext(name)[1] not in IMAGE_EXTENSIONS:
            parameters.setdefault("ContentDisposition", "attachment")
        return parameters

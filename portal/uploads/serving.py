"""How stored user files are served: as downloads that cannot run in the portal's origin.

`protect(response, name)` sets the headers every user file gets, from Django
(`serve_media` in development, the permission-checked views of private
files through `portal.middleware.UserFileHeadersMiddleware`) as from the
shipped nginx configuration (deploy/nginx/portal-locations.conf), which must
stay in step: ``Content-Disposition: attachment`` except for images (every
stored image was re-encoded by the storage), ``X-Content-Type-Options:
nosniff`` and ``Content-Security-Policy: default-src 'none'; sandbox``.
"""

import posixpath

from django.conf import settings
from django.utils.http import content_disposition_header
from django.views.static import serve

from .storage import IMAGE_EXTENSIONS

FILE_POLICY = "default-src 'none'; sandbox"


def protect(response, name):
    inline = posixpath.splitext(name)[1].lower() in IMAGE_EXTENSIONS
    response["Content-Disposition"] = content_disposition_header(not inline, posixpath.basename(name))
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = FILE_POLICY
    return response


def serve_media(request, path):
    """MEDIA_ROOT served by Django itself (development, or DJANGO_SERVE_MEDIA without nginx)."""
    return protect(serve(request, path, document_root=settings.MEDIA_ROOT), path)

"""What every feed of the portal carries: the government as author, photos as enclosures.

Atom asks for an author on the feed or on every entry; the feed names the
office and the government, entries may name their own writer. Photos are
offered as enclosures with their address, size and type so that a reader can
show them. `open_feed` hands each request its own copy of the feed, so the
address the request came in on can be kept on the feed while it is built.
"""

import mimetypes

from django.conf import settings
from django.utils.feedgenerator import Enclosure, RssFeed

from portal import wilayah


class OpenFeedMixin:
    def author_name(self):
        return f"{settings.OFFICE_NAME}, {wilayah.deployment().government_name}"

    def author_link(self):
        return self.base + "/tentang/"

    base = ""

    def get_feed(self, obj, request):
        self.base = request.build_absolute_uri("/").rstrip("/")
        return super().get_feed(obj, request)

    def photo_enclosures(self, photos):
        """Enclosures for photos (objects with an ``image`` file); RSS allows only the first."""
        enclosures = [_enclosure(self.base, photo.image) for photo in photos if photo.image]
        return enclosures[:1] if issubclass(self.feed_type, RssFeed) else enclosures


def _enclosure(base, image):
    url = image.url if image.url.startswith(("http://", "https://")) else base + image.url
    try:
        length = image.size
    except (OSError, ValueError):
        length = 0
    return Enclosure(url, str(length), mimetypes.guess_type(image.name)[0] or "image/jpeg")

"""RSS and Atom feeds of the published KIM news (`/kim/kabar/feed/`, `…/feed/atom/`)."""

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from portal import wilayah
from portal.opendata.syndication import OpenFeedMixin

from .models import Post

FEED_LENGTH = 20


class LatestPostsFeed(OpenFeedMixin, Feed):
    """The newest published KIM news, as RSS 2.0."""

    def title(self):
        return _("KIM news, %(name)s") % {"name": wilayah.deployment().full_name}

    def description(self):
        return _("News written by the community information groups (KIM) of %(name)s.") % {
            "name": wilayah.deployment().full_name
        }

    def link(self):
        return reverse("kim:posts")

    def feed_url(self):
        return reverse("kim:feed")

    def items(self):
        return Post.objects.published().for_list().prefetch_related("photos")[:FEED_LENGTH]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.excerpt

    def item_link(self, item):
        return item.get_absolute_url()

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.updated

    def item_author_name(self, item):
        return item.kim.name

    def item_categories(self, item):
        return [item.kim.village.district.name]

    def item_enclosures(self, item):
        return self.photo_enclosures(item.photos.all())


class LatestPostsAtomFeed(LatestPostsFeed):
    """The same news as Atom 1.0."""

    feed_type = Atom1Feed

    def subtitle(self):
        return self.description()

    def feed_url(self):
        return reverse("kim:feed-atom")

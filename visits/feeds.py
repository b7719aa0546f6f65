"""RSS and Atom feeds of published visits, newest publication first."""

from django.contrib.syndication.views import Feed
from django.urls import reverse_lazy
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.translation import gettext as _

from portal import wilayah
from portal.opendata.syndication import OpenFeedMixin

from .models import Visit

FEED_SIZE = 20


class LatestVisitsFeed(OpenFeedMixin, Feed):
    feed_type = Rss201rev2Feed
    link = reverse_lazy("visits:list")

    def title(self):
        return _("Visits to the %(government)s") % {"government": wilayah.deployment().government_name}

    def description(self):
        return _("Reports of work visits, study visits and benchmarking by other governments.")

    def items(self):
        return (
            Visit.objects.published()
            .select_related("institution")
            .prefetch_related("topics", "photos")
            .order_by("-publish_at", "-pk")[:FEED_SIZE]
        )

    def item_title(self, visit):
        return visit.title

    def item_description(self, visit):
        if visit.is_sample:
            return _("Sample data, not an official record. %(text)s") % {"text": visit.description}
        return visit.description

    def item_link(self, visit):
        return visit.get_absolute_url()

    def item_pubdate(self, visit):
        return visit.publish_at

    def item_updateddate(self, visit):
        return visit.updated_at

    def item_author_name(self, visit):
        return visit.author_credit or None

    def item_categories(self, visit):
        return [topic.name for topic in visit.topics.all()]

    def item_enclosures(self, visit):
        return self.photo_enclosures(visit.photos.all())


class LatestVisitsAtomFeed(LatestVisitsFeed):
    feed_type = Atom1Feed

    def subtitle(self):
        return self.description()

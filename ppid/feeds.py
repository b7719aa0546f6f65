"""RSS and Atom feeds of newly published Daftar Informasi Publik items (`/ppid/dip/feed/`, `…/atom/`)."""

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext_lazy as _

from portal import wilayah
from portal.opendata.syndication import OpenFeedMixin

from .models import DipItem

FEED_SIZE = 30


class DipFeed(OpenFeedMixin, Feed):
    description = _(
        "New entries in the lists of public information of the regency, its agencies and villages."
    )

    def title(self):
        return _("Public information list (DIP) · %(name)s") % {"name": wilayah.deployment().government_name}

    def link(self):
        return reverse("ppid:dip")

    def items(self):
        return DipItem.objects.published().select_related("unit").latest()[:FEED_SIZE]

    def item_title(self, item):
        return f"{item.title} ({item.unit.name})"

    def item_description(self, item):
        if item.is_exempt:
            return _("Exempt under Pasal 17 letter %(letter)s until %(date)s.") % {
                "letter": item.exemption_ground,
                "date": item.exempt_until.strftime("%d-%m-%Y"),
            }
        return item.summary

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.updated_at

    def item_categories(self, item):
        return [item.get_category_display()]


class DipAtomFeed(DipFeed):
    feed_type = Atom1Feed
    subtitle = DipFeed.description

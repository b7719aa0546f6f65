"""The visits section of a village page (`/wilayah/<kode>/`): delegations that came there."""

from portal import panels

from .models import Visit


@panels.register("village", order=40, template="visits/panels/village.html")
def village_visits(village):
    """Published visits that went to this village, newest first (one query); None when there are none."""
    visits = list(Visit.objects.published().to_village(village).select_related("institution").newest_first())
    if not visits:
        return None
    return {"village": village, "visits": visits}


HOME_VISITS = 3


@panels.register("home", order=40, template="visits/panels/home.html")
def latest_visits(regency):
    """The newest published visits for the home page (one query)."""
    visits = list(Visit.objects.published().select_related("institution").newest_first()[:HOME_VISITS])
    return {"visits": visits} if visits else None

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

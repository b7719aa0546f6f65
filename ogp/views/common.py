"""What the public pages and the open data of the ogp app share: the year check and JSON responses."""

from django.http import Http404, JsonResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from ..models.budgets import FIRST_YEAR


def check_year(year):
    """The fiscal year from the URL, or a 404 for a year the portal can have no APBDes for."""
    year = int(year)
    if not FIRST_YEAR <= year <= timezone.localdate().year + 1:
        raise Http404(_("There is no APBDes for this year."))
    return year


def json_response(data, status=200):
    """JSON with Indonesian text left readable (no ``\\u`` escapes)."""
    return JsonResponse(data, status=status, json_dumps_params={"ensure_ascii": False})

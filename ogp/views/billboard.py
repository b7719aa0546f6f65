"""`/apbdes/<tahun>/<kode_desa>/baliho-<ukuran>.svg|pdf`: the billboard of a village's published APBDes.

The version in force, or the published version ``?versi=<n>`` picks; its QR
code points to the village's budget page. A village-year with nothing
published, a kelurahan or a version that is not published is a 404.
"""

from django.http import HttpResponse
from django.views.decorators.http import require_GET

from .. import billboard
from .village import _published_budget, _selection


def billboard_response(file, *, download):
    response = HttpResponse(file.content, content_type=file.content_type)
    disposition = "attachment" if download else "inline"
    response["Content-Disposition"] = f'{disposition}; filename="{file.filename}"'
    return response


@require_GET
def village_billboard(request, year, code, size, fmt):
    budget = _published_budget(year, code)
    _versions, version, _reports, _report = _selection(request, budget)
    url = request.build_absolute_uri(budget.get_absolute_url())
    return billboard_response(billboard.billboard_file(version, size=size, fmt=fmt, url=url), download=False)

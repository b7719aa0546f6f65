"""Laying a billboard out on a sheet: the largest text that fits, never below the rule.

`lay_out` returns a `sheet.Sheet`, a flat list of what to draw that the SVG
and the PDF renderers both draw, so both show the same thing at the same
sizes. All text sizes derive from one base cap height, never below the
format's rule (`formats.CAP_PER_METRE` × the viewing distance); the layout
tries the largest base that fits, then fewer activities, and refuses rather
than shrink text below the rule.
"""

import qrcode
from django.utils.translation import gettext as _

from .compose import ROLE_SCALE, Composer
from .formats import CAP_PER_METRE
from .sheet import DoesNotFit

SCALES = (2.0, 1.8, 1.6, 1.5, 1.4, 1.3, 1.2, 1.1, 1.05, 1.0)


def qr_matrix(url):
    code = qrcode.QRCode(border=0, error_correction=qrcode.constants.ERROR_CORRECT_M)
    code.add_data(url)
    code.make(fit=True)
    return tuple(tuple(bool(cell) for cell in row) for row in code.get_matrix())


def lay_out(billboard, fmt):
    """The sheet of `billboard` at format `fmt`; raises DoesNotFit if no size within the rule fits."""
    least = max(CAP_PER_METRE[role] * fmt.distance / scale for role, scale in ROLE_SCALE.items())
    matrix = qr_matrix(billboard.url)
    for count in range(len(billboard.activities), -1, -1):
        for scale in SCALES:
            composer = Composer(fmt, least * scale, billboard, matrix)
            try:
                return composer.compose(count)
            except DoesNotFit:
                continue
    raise DoesNotFit(_("The billboard does not fit %(format)s with legible text.") % {"format": fmt.label})

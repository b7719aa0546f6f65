"""The APBDes billboard (baliho) the portal makes for every published village budget.

In 2016 Bojonegoro's villages published their APBDes on billboards; the
portal makes them print-ready from the published figures: revenue by source,
spending by bidang, the largest activities with their locations, financing,
the Perdes, a QR code to the village's budget page and, on sample data, the
"data contoh" mark. Each comes as SVG and PDF at the sizes in
`formats.FORMATS`, with text no smaller than the format's viewing distance
allows (`docs/ogp.md`, "The billboard").

    content.billboard_for(version, url=...)  → Billboard (what it says)
    layout.lay_out(billboard, fmt)           → Sheet (where everything goes)
    render.render_svg / render_pdf(sheet)    → the file

`billboard_file` runs the three for a version.
"""

from dataclasses import dataclass

from .content import Billboard, billboard_for
from .formats import CAP_PER_METRE, FORMATS, Format
from .layout import lay_out
from .render import render_pdf, render_svg
from .sheet import DoesNotFit

CONTENT_TYPES = {"svg": "image/svg+xml", "pdf": "application/pdf"}


@dataclass(frozen=True)
class BillboardFile:
    content: bytes
    content_type: str
    filename: str


def billboard_file(version, *, size, fmt, url, names=None):
    """The billboard of a published `version` at format `size` ("a3", "3x2", "4x3") as `fmt` ("svg", "pdf")."""
    board = billboard_for(version, url=url, names=names)
    sheet = lay_out(board, FORMATS[size])
    if fmt == "svg":
        content = render_svg(sheet, title=board.title).encode("utf-8")
    else:
        content = render_pdf(sheet, title=board.title)
    budget = version.budget
    name = f"baliho-apbdes-{budget.year}-{budget.village_id}-versi-{version.number}-{size}.{fmt}"
    return BillboardFile(content, CONTENT_TYPES[fmt], name)


__all__ = [
    "CAP_PER_METRE",
    "CONTENT_TYPES",
    "FORMATS",
    "Billboard",
    "BillboardFile",
    "DoesNotFit",
    "Format",
    "billboard_file",
    "billboard_for",
    "lay_out",
    "render_pdf",
    "render_svg",
]

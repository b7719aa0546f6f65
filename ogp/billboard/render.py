"""Drawing a laid-out sheet as SVG or as PDF, the same items at the same places and sizes.

The SVG is in millimetres (``viewBox`` = the sheet) with text in Helvetica or
its metric twins; the PDF is one page of the sheet's size drawn by fpdf2 with
its core Helvetica, so no font is fetched or embedded.
"""

from xml.sax.saxutils import escape, quoteattr

from fpdf import FPDF

from .sheet import Box, Qr, Text, pdf_text, text_width

MM_TO_PT = 72 / 25.4
FONT_FAMILY = "Helvetica, Arial, 'Liberation Sans', sans-serif"


def _n(value):
    return f"{value:.2f}".rstrip("0").rstrip(".")


def _runs(matrix):
    """(row, first column, length) of each run of dark modules, to draw a QR code in few shapes."""
    for row, cells in enumerate(matrix):
        start = None
        for column, dark in enumerate((*cells, False)):
            if dark and start is None:
                start = column
            elif not dark and start is not None:
                yield row, start, column - start
                start = None


def render_svg(sheet, *, title):
    """The sheet as a standalone SVG document (text)."""
    fmt = sheet.format
    parts = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{_n(fmt.width)}mm" height="{_n(fmt.height)}mm" '
        f'viewBox="0 0 {_n(fmt.width)} {_n(fmt.height)}" role="img" aria-labelledby="judul">',
        f'<title id="judul">{escape(title)}</title>',
        f"<g font-family={quoteattr(FONT_FAMILY)}>",
    ]
    for item in sheet.items:
        if isinstance(item, Box):
            parts.append(
                f'<rect x="{_n(item.x)}" y="{_n(item.y)}" width="{_n(item.width)}" '
                f'height="{_n(item.height)}" fill="{item.fill}"/>'
            )
        elif isinstance(item, Text):
            weight = ' font-weight="bold"' if item.bold else ""
            anchor = ' text-anchor="end"' if item.anchor == "end" else ""
            parts.append(
                f'<text x="{_n(item.x)}" y="{_n(item.y)}" font-size="{_n(item.size)}"{weight}{anchor} '
                f'fill="{item.fill}" data-role="{item.role}">{escape(item.text)}</text>'
            )
        elif isinstance(item, Qr):
            module = item.size / len(item.matrix)
            path = "".join(
                f"M{start} {row}h{length}v1h-{length}z" for row, start, length in _runs(item.matrix)
            )
            parts.append(
                f'<g id="qr" transform="translate({_n(item.x)} {_n(item.y)}) scale({module:.4f})">'
                f"<title>{escape(item.url)}</title>"
                f'<path d="{path}" fill="#000000" shape-rendering="crispEdges"/></g>'
            )
    parts.append("</g></svg>")
    return "\n".join(parts) + "\n"


def _colour(value):
    return tuple(int(value[i : i + 2], 16) for i in (1, 3, 5))


def render_pdf(sheet, *, title):
    """The sheet as a one-page PDF (bytes) of exactly the sheet's size."""
    fmt = sheet.format
    pdf = FPDF(orientation="P", unit="mm", format=(fmt.width, fmt.height))
    pdf.set_auto_page_break(False)
    pdf.set_margin(0)
    pdf.set_title(pdf_text(title))
    pdf.set_creator("Portal Keterbukaan")
    pdf.add_page()
    for item in sheet.items:
        if isinstance(item, Box):
            pdf.set_fill_color(*_colour(item.fill))
            pdf.rect(item.x, item.y, item.width, item.height, style="F")
        elif isinstance(item, Text):
            text = pdf_text(item.text)
            pdf.set_font("helvetica", "B" if item.bold else "", item.size * MM_TO_PT)
            pdf.set_text_color(*_colour(item.fill))
            x = item.x - text_width(text, item.size, item.bold) if item.anchor == "end" else item.x
            pdf.text(x, item.y, text)
        elif isinstance(item, Qr):
            module = item.size / len(item.matrix)
            pdf.set_fill_color(0, 0, 0)
            for row, start, length in _runs(item.matrix):
                pdf.rect(item.x + start * module, item.y + row * module, length * module, module, style="F")
    return bytes(pdf.output())

"""A `Paper` laid out as an A4 PDF, in-process with fpdf2 and the bundled DejaVu Sans.

The font travels with the code (`ppid/paper/fonts/`, Latin scripts only, see its
LICENSE), so names with accents print the same on every host. fpdf2 may load
no resource on its own: the emblem is read here and handed over as bytes.
"""

import io
import logging
from pathlib import Path

from django.utils import translation
from django.utils.translation import gettext as _
from fpdf import FPDF
from fpdf.enums import ResourceAccessPolicy, XPos, YPos

from .letterhead import logo_bytes

FONTS = Path(__file__).resolve().parent / "fonts"
FAMILY = "DejaVuSans"
MARGIN = 20  # mm, left and right; Indonesian official letters use about 2–3 cm
LOGO_HEIGHT = 22  # mm
LABEL_WIDTH = 55  # mm
# fpdf2 subsets the font on every output; fontTools reports each step at INFO.
logging.getLogger("fontTools.subset").setLevel(logging.WARNING)


class LetterPdf(FPDF):
    """A4 portrait with the letter number and the page count at the foot of every page."""

    def __init__(self, footer_text):
        super().__init__(orientation="portrait", unit="mm", format="A4")
        self.footer_text = footer_text
        self.resource_access_policy = ResourceAccessPolicy.NONE
        self.set_margins(MARGIN, 15, MARGIN)
        self.set_auto_page_break(auto=True, margin=20)
        self.add_font(FAMILY, "", str(FONTS / "DejaVuSans.ttf"))
        self.add_font(FAMILY, "B", str(FONTS / "DejaVuSans-Bold.ttf"))
        self.alias_nb_pages()

    def footer(self):
        self.set_y(-14)
        self.set_font(FAMILY, "", 8)
        page = _("Page %(page)s of %(pages)s") % {"page": self.page_no(), "pages": "{nb}"}
        self.cell(0, 5, f"{self.footer_text} · {page}", align="C")


def _letterhead(pdf, head):
    top = pdf.get_y()
    data, _kind = logo_bytes(head.logo) if head.logo else (None, "")
    indent = 0
    if data:
        pdf.image(io.BytesIO(data), x=MARGIN, y=top, h=LOGO_HEIGHT)
        indent = LOGO_HEIGHT + 4
    width = pdf.epw - indent
    pdf.set_x(MARGIN + indent)
    pdf.set_font(FAMILY, "B", 13)
    pdf.multi_cell(width, 6, head.government, align="C", new_x=XPos.LEFT, new_y=YPos.NEXT)
    for line in head.office_lines:
        pdf.set_font(FAMILY, "B", 12)
        pdf.multi_cell(width, 6, line, align="C", new_x=XPos.LEFT, new_y=YPos.NEXT)
    pdf.set_font(FAMILY, "B", 11)
    pdf.multi_cell(width, 5.5, head.unit_name, align="C", new_x=XPos.LEFT, new_y=YPos.NEXT)
    if head.contact:
        pdf.set_font(FAMILY, "", 8.5)
        pdf.multi_cell(width, 4.5, head.contact, align="C", new_x=XPos.LEFT, new_y=YPos.NEXT)
    bottom = max(pdf.get_y(), top + (LOGO_HEIGHT if data else 0)) + 2
    # The double rule under an Indonesian letterhead: a thick line over a thin one.
    pdf.set_line_width(0.8)
    pdf.line(MARGIN, bottom, pdf.w - MARGIN, bottom)
    pdf.set_line_width(0.2)
    pdf.line(MARGIN, bottom + 1.2, pdf.w - MARGIN, bottom + 1.2)
    pdf.set_xy(MARGIN, bottom + 5)


def _heading(pdf, paper):
    pdf.set_font(FAMILY, "B", 12)
    pdf.multi_cell(0, 6, paper.title.upper(), align="C", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_font(FAMILY, "", 10)
    pdf.multi_cell(0, 5, paper.subtitle, align="C", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.multi_cell(
        0, 5, _("Number: %(number)s") % {"number": paper.letter.number}, align="C",
        new_x=XPos.LMARGIN, new_y=YPos.NEXT,
    )  # fmt: skip
    if paper.is_sample:
        pdf.set_font(FAMILY, "B", 10)
        pdf.multi_cell(
            0, 6, _("SAMPLE DATA – not a real request"), align="C", new_x=XPos.LMARGIN, new_y=YPos.NEXT
        )
    pdf.ln(3)


def _section(pdf, section):
    if section.heading:
        pdf.set_font(FAMILY, "B", 10.5)
        pdf.multi_cell(0, 6, section.heading, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_font(FAMILY, "", 10)
    with pdf.table(
        col_widths=(LABEL_WIDTH, pdf.epw - LABEL_WIDTH),
        borders_layout="NONE",
        first_row_as_headings=False,
        text_align="LEFT",
        line_height=5,
        padding=(0.8, 1, 0.8, 0),
    ) as table:
        for index, (label, value) in enumerate(section.rows, start=1):
            row = table.row()
            row.cell(f"{index}. {label}" if section.numbered else label)
            row.cell(str(value))
    pdf.ln(3)


def _signatures(pdf, paper):
    """Signature blocks side by side, each half the width, the last on the right under the date."""
    blocks = paper.signatures
    width = pdf.epw / 2
    if pdf.will_page_break(45):
        pdf.add_page()
    pdf.set_font(FAMILY, "", 10)
    pdf.set_x(MARGIN + width)
    pdf.cell(width, 5, paper.date_line, align="C", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    top = pdf.get_y()
    for index, block in enumerate(blocks):
        x = MARGIN + pdf.epw - width * (len(blocks) - index)
        pdf.set_xy(x, top)
        pdf.multi_cell(width, 5, block.role, align="C", new_x=XPos.LEFT, new_y=YPos.NEXT)
        pdf.set_xy(x, top + 28)
        pdf.set_font(FAMILY, "B", 10)
        pdf.multi_cell(width, 5, block.name or "(" + "." * 40 + ")", align="C")
        pdf.set_font(FAMILY, "", 10)


def render(paper):
    """The PDF of one letter, as bytes."""
    pdf = LetterPdf(paper.letter.number)
    pdf.set_title(f"{paper.title} {paper.letter.number}")
    pdf.set_author(paper.letterhead.unit_name)
    pdf.set_creator("Portal Keterbukaan")
    pdf.set_lang(translation.get_language() or "id")
    pdf.add_page()
    _letterhead(pdf, paper.letterhead)
    _heading(pdf, paper)
    for section in paper.sections:
        _section(pdf, section)
    pdf.set_font(FAMILY, "", 10)
    for paragraph in paper.paragraphs:
        pdf.multi_cell(0, 5, paragraph, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        pdf.ln(2)
    pdf.ln(4)
    _signatures(pdf, paper)
    return bytes(pdf.output())

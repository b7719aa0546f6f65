"""What a billboard sheet is made of: text, boxes and a QR code, in millimetres, and text measures.

Text is set in Helvetica (Arial and Liberation Sans are its metric twins); its
widths come from the PDF core font metrics, so a line measured here is as long
in the SVG as in the PDF.
"""

import re
from dataclasses import dataclass, field

from fpdf.fonts import CORE_FONTS_CHARWIDTHS

from .formats import CAP_HEIGHT

INK, PAPER, BAND, SAMPLE, TINT = "#111111", "#ffffff", "#12355b", "#a8001c", "#e6edf5"


class DoesNotFit(Exception):
    """The content does not fit the sheet with text at the sizes the rule requires."""


@dataclass(frozen=True)
class Text:
    x: float
    y: float  # baseline
    text: str
    role: str
    size: float  # font size (em) in millimetres
    bold: bool = False
    anchor: str = "start"  # "start" or "end"
    fill: str = INK

    @property
    def cap_height(self):
        return self.size * CAP_HEIGHT


@dataclass(frozen=True)
class Box:
    x: float
    y: float
    width: float
    height: float
    fill: str


@dataclass(frozen=True)
class Qr:
    x: float
    y: float
    size: float
    matrix: tuple  # rows of booleans, without the quiet zone
    url: str


@dataclass
class Sheet:
    format: object
    base: float
    items: list = field(default_factory=list)

    def texts(self):
        return [item for item in self.items if isinstance(item, Text)]


def pdf_text(text):
    """The text as the PDF's core fonts can hold it (Latin-1), dashes and quotes made plain."""
    plain = text.translate(str.maketrans({"–": "-", "—": "-", "’": "'", "‘": "'", "“": '"', "”": '"'}))
    return plain.replace("…", "...").encode("latin-1", "replace").decode("latin-1")


def text_width(text, size, bold=False):
    widths = CORE_FONTS_CHARWIDTHS["helveticaB" if bold else "helvetica"]
    return sum(widths.get(ch, 600) for ch in pdf_text(text)) * size / 1000


def _pieces(text):
    """(piece, joiner) pairs: words, and the parts of a word after each "/", where a line may break."""
    pieces = []
    for word in text.split():
        parts = re.split(r"(?<=/)(?=.)", word)
        pieces.extend((part, " " if index == 0 else "") for index, part in enumerate(parts))
    return pieces


def wrap(text, size, width, bold=False):
    """The lines `text` breaks into to fit `width` at `size`, at spaces or after a "/"; a word too long is cut."""
    lines, current = [], ""
    for piece, joiner in _pieces(text):
        candidate = f"{current}{joiner}{piece}" if current else piece
        if text_width(candidate, size, bold) <= width:
            current = candidate
            continue
        if current:
            lines.append(current)
        while text_width(piece, size, bold) > width and len(piece) > 1:
            cut = len(piece) - 1
            while cut > 1 and text_width(piece[:cut], size, bold) > width:
                cut -= 1
            lines.append(piece[:cut])
            piece = piece[cut:]
        current = piece
    if current:
        lines.append(current)
    return lines or [""]

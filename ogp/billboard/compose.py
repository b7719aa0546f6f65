"""Composing one billboard sheet at one text size: header, figures, four sections, footer with QR.

`Composer.compose` places everything top to bottom, each section whole in the
first column it fits, and raises `DoesNotFit` when something overflows the
sheet, so `layout.lay_out` can try a smaller size (never below the rule) or
fewer activities.
"""

import dataclasses

from django.utils.translation import gettext as _

from portal.formatting import rupiah

from .formats import CAP_HEIGHT
from .sheet import BAND, PAPER, SAMPLE, TINT, Box, DoesNotFit, Qr, Sheet, Text, text_width, wrap

# Cap height of each role of text relative to the base (body) cap height.
ROLE_SCALE = {"title": 1.6, "figure": 1.4, "heading": 1.15, "body": 1.0, "small": 0.7}
LINE = 1.2  # line pitch, in font sizes
QR_SHARE = 0.17  # the QR code's side, as a share of the sheet's shorter side


def _shifted(items, dx, dy):
    return [dataclasses.replace(item, x=item.x + dx, y=item.y + dy) for item in items]


class Composer:
    def __init__(self, fmt, base, billboard, matrix):
        self.fmt, self.base, self.board, self.matrix = fmt, base, billboard, matrix
        self.margin = max(0.035 * min(fmt.width, fmt.height), 1.5 * base)
        self.gap = 1.2 * base
        self.inner = fmt.width - 2 * self.margin
        self.items = []

    def size(self, role):
        return self.base * ROLE_SCALE[role] / CAP_HEIGHT

    def pitch(self, role):
        return self.size(role) * LINE

    def line(self, x, y, text, role, **options):
        """Set one line in the line box starting at `y`, capitals centred in it; return the y below."""
        size = self.size(role)
        baseline = y + (self.pitch(role) + size * CAP_HEIGHT) / 2
        self.items.append(Text(x, baseline, text, role, size, **options))
        return y + self.pitch(role)

    def lines(self, x, y, text, role, width, **options):
        for part in wrap(text, self.size(role), width, options.get("bold", False)):
            y = self.line(x, y, part, role, **options)
        return y

    def compose(self, count):
        self.items.append(Box(0, 0, self.fmt.width, self.fmt.height, PAPER))
        y = self._header(0)
        if self.board.is_sample:
            y = self._sample(y)
        y = self._figures(y + self.gap)
        bottom = self._footer()
        self._columns(y + self.gap, bottom - self.gap, count)
        return Sheet(self.fmt, self.base, self.items)

    def _coloured(self, y, fill, write):
        """A full-width band of `fill` from `y` holding what `write(y)` sets; returns the y below it."""
        start = len(self.items)
        end = write(y + self.margin * 0.5) + self.margin * 0.4
        self.items.insert(start, Box(0, y, self.fmt.width, end - y, fill))
        return end

    def _header(self, y):
        def write(y):
            m, white = self.margin, {"fill": PAPER}
            y = self.lines(m, y, self.board.title, "title", self.inner, bold=True, **white)
            text = f"{self.board.place} · {self.board.version_line}"
            return self.lines(m, y, text, "body", self.inner, **white)

        return self._coloured(y, BAND, write)

    def _sample(self, y):
        def write(y):
            y = self.line(self.margin, y, _("SAMPLE DATA"), "heading", bold=True, fill=PAPER)
            note = _(
                "These figures were invented to demonstrate the portal; this is not the village's real APBDes."
            )
            return self.lines(self.margin, y, note, "small", self.inner, fill=PAPER)

        return self._coloured(y, SAMPLE, write)

    def _figures(self, y):
        per_row = self.fmt.figures_per_row
        width = (self.inner - (per_row - 1) * self.gap) / per_row
        pad = 0.5 * self.base
        for start in range(0, len(self.board.headline), per_row):
            row = self.board.headline[start : start + per_row]
            labels = [wrap(figure.label, self.size("small"), width - 2 * pad) for figure in row]
            height = 2 * pad + max(map(len, labels)) * self.pitch("small") + self.pitch("figure")
            for index, (figure, label) in enumerate(zip(row, labels, strict=True)):
                x = self.margin + index * (width + self.gap)
                amount = rupiah(figure.amount)
                if text_width(amount, self.size("figure"), True) > width - 2 * pad:
                    raise DoesNotFit(amount)
                self.items.append(Box(x, y, width, height, TINT))
                top = y + pad
                for part in label:
                    top = self.line(x + pad, top, part, "small")
                self.line(x + pad, y + height - pad - self.pitch("figure"), amount, "figure", bold=True)
            y += height + self.gap
        return y - self.gap

    def _footer(self):
        """The Perdes and where the figures come from, along the bottom; returns the top of it."""
        start = len(self.items)
        text = f"{self.board.perdes}. {self.board.source_line}"
        height = self.lines(self.margin, 0, text, "small", self.inner)
        top = self.fmt.height - self.margin - height
        self.items[start:] = _shifted(self.items[start:], 0, top)
        return top

    def _qr(self, width):
        """The QR code with the address it opens, set at (0, 0), and its height."""
        kept, self.items = self.items, []
        try:
            side = min(width, QR_SHARE * min(self.fmt.width, self.fmt.height))
            y = self.lines(0, 0, _("Scan the QR code for every line, or open:"), "small", width)
            quiet = 4 * side / len(self.matrix)  # the white margin a QR code needs around it
            self.items.append(Qr(0, y + quiet, side, self.matrix, self.board.url))
            y += side + 2 * quiet
            y = self.lines(0, y, self.board.url, "small", width, bold=True)
            return self.items, y
        finally:
            self.items = kept

    def _sections(self, count):
        return [
            (_("Revenue by source"), self.board.revenue),
            (_("Financing"), self.board.financing),
            (_("Spending by bidang"), self.board.bidang),
            (_("Largest activities"), self.board.activities[:count]),
        ]

    def _columns(self, top, bottom, count):
        columns = self.fmt.columns
        width = (self.inner - (columns - 1) * self.gap) / columns
        column, y = 0, top
        blocks = [self._section(title, figures, width) for title, figures in self._sections(count)]
        for items, height in [*blocks, self._qr(width)]:
            if y > top and y + height > bottom:
                column, y = column + 1, top
            if column >= columns or y + height > bottom:
                raise DoesNotFit(self.fmt.slug)
            self.items.extend(_shifted(items, self.margin + column * (width + self.gap), y))
            y += height + self.gap

    def _section(self, title, figures, width):
        """The items of one section set at (0, 0), and its height."""
        kept, self.items = self.items, []
        try:
            y = self.lines(0, 0, title, "heading", width, bold=True)
            rule = 0.15 * self.base
            self.items.append(Box(0, y, width, rule, BAND))
            y += rule + 0.4 * self.base
            for figure in figures:
                y = self._row(y, figure, width) + 0.45 * self.base
            return self.items, y
        finally:
            self.items = kept

    def _row(self, y, figure, width):
        amount = rupiah(figure.amount)
        amount_width = text_width(amount, self.size("body"), True)
        if amount_width + self.gap <= width / 2:
            label_end = self.lines(0, y, figure.label, "body", width - amount_width - self.gap)
            self.line(width, y, amount, "body", bold=True, anchor="end")
            y = label_end
        else:
            y = self.lines(0, y, figure.label, "body", width)
            y = self.line(width, y, amount, "body", bold=True, anchor="end")
        if figure.note:
            y = self.lines(0, y, figure.note, "small", width)
        return y

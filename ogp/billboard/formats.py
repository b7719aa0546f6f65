"""The sizes a billboard is printed at and how tall its text must be to be read from afar.

Text height is given as the height of a capital letter (cap height), the
measure sign makers use, in millimetres per metre of viewing distance:

- body text (every label and amount) subtends at least 20 minutes of arc:
  cap height ≥ 6 mm per metre, the preferred character height of NUREG-0700
  Rev. 2 (U.S. NRC, Human-System Interface Design Review Guidelines, 2002:
  "viewing distance multiplied by 0.006");
- small text (notes, the address, the source) at least 15 minutes of arc:
  ≥ 4 mm per metre, the same guideline's minimum (× 0.004);
- the headline figures and the title are larger again: ≥ 8.3 mm per metre,
  the sign makers' "one inch of letter height per ten feet" for impact.

Each format has the distance it is designed to be read from; `docs/ogp.md`
sets out the table.
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

# Cap height in millimetres per metre of viewing distance, per role of text.
CAP_PER_METRE = {"title": 8.3, "figure": 8.3, "heading": 6.0, "body": 6.0, "small": 4.0}
# Helvetica (and Arial, Liberation Sans, metric twins) has capitals 718/1000 of the em.
CAP_HEIGHT = 0.718


@dataclass(frozen=True)
class Format:
    slug: str
    label: str
    width: float  # millimetres
    height: float
    distance: float  # metres it is designed to be read from
    columns: int
    figures_per_row: int

    @property
    def landscape(self):
        return self.width > self.height

    def min_cap(self, role):
        """The smallest cap height in millimetres the rule allows for text of `role`."""
        return CAP_PER_METRE[role] * self.distance


FORMATS = {
    fmt.slug: fmt
    for fmt in (
        Format("a3", _("A3 poster (29.7 × 42 cm)"), 297, 420, 0.8, 2, 2),
        Format("3x2", _("Billboard 3 × 2 m"), 3000, 2000, 5.0, 3, 4),
        Format("4x3", _("Billboard 4 × 3 m"), 4000, 3000, 7.5, 3, 4),
    )
}

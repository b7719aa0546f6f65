"""The satisfaction survey (SKM, PermenPANRB 14/2017) a requester fills in after an answer."""

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .requests import InfoRequest
from .units import PpidUnit

# The nine elements, in the regulation's order.
ELEMENTS = [
    ("q1", _("Requirements")),
    ("q2", _("Systems, mechanisms and procedures")),
    ("q3", _("Completion time")),
    ("q4", _("Cost or fees")),
    ("q5", _("Product specification")),
    ("q6", _("Staff competence")),
    ("q7", _("Staff behaviour")),
    ("q8", _("Handling of complaints, suggestions and feedback")),
    ("q9", _("Facilities and infrastructure")),
]


class Score(models.IntegerChoices):
    POOR = 1, _("1 – not good")
    FAIR = 2, _("2 – fairly good")
    GOOD = 3, _("3 – good")
    VERY_GOOD = 4, _("4 – very good")


def _score_field(label):
    return models.PositiveSmallIntegerField(label, choices=Score.choices)


class SurveyResponse(models.Model):
    """One requester's ratings of the nine elements, once per answered request."""

    request = models.OneToOneField(
        InfoRequest, on_delete=models.PROTECT, related_name="survey", verbose_name=_("request")
    )
    unit = models.ForeignKey(
        PpidUnit, on_delete=models.PROTECT, related_name="survey_responses", verbose_name=_("unit")
    )
    year = models.PositiveSmallIntegerField(_("year"))
    submitted_at = models.DateTimeField(_("submitted"), default=timezone.now)
    q1 = _score_field(ELEMENTS[0][1])
    q2 = _score_field(ELEMENTS[1][1])
    q3 = _score_field(ELEMENTS[2][1])
    q4 = _score_field(ELEMENTS[3][1])
    q5 = _score_field(ELEMENTS[4][1])
    q6 = _score_field(ELEMENTS[5][1])
    q7 = _score_field(ELEMENTS[6][1])
    q8 = _score_field(ELEMENTS[7][1])
    q9 = _score_field(ELEMENTS[8][1])
    suggestion = models.TextField(_("suggestions"), blank=True)
    is_sample = models.BooleanField(_("sample data"), default=False)

    class Meta:
        verbose_name = _("satisfaction survey response")
        verbose_name_plural = _("satisfaction survey responses")
        ordering = ["-submitted_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(**{f"{name}__gte": 1, f"{name}__lte": 4}), name=f"ppid_survey_{name}_range"
            )
            for name, _label in ELEMENTS
        ]

    def __str__(self):
        return _("Survey for %(number)s") % {"number": self.request.number}

    @property
    def scores(self):
        return [getattr(self, name) for name, _label in ELEMENTS]

"""The satisfaction survey (SKM) a requester fills in once a request is answered."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .. import tallies
from ..models import SurveyResponse


@transaction.atomic
def submit_survey(*, info_request, scores, suggestion="", now=None, is_sample=False):
    """Record the requester's SKM ratings (nine elements, 1–4) once per answered request."""
    if not info_request.is_answered:
        raise ValidationError(_("The survey opens once the request has been answered."))
    if SurveyResponse.objects.filter(request=info_request).exists():
        raise ValidationError(_("The survey for this request has already been filled in. Thank you."))
    now = now or timezone.now()
    response = SurveyResponse(
        request=info_request,
        unit=info_request.unit,
        year=timezone.localtime(now).year,
        submitted_at=now,
        suggestion=suggestion.strip(),
        is_sample=is_sample,
        **scores,
    )
    response.full_clean(exclude=["request", "unit"])
    with tallies.moving(info_request.pk):
        response.save()
    return response

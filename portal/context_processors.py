"""Values every template may use: the deployment's names and the office contact."""

from django.conf import settings
from django.utils import timezone

from . import wilayah


def site(request):
    regency = wilayah.deployment()
    return {
        "regency": regency,
        "office": {
            "name": settings.OFFICE_NAME,
            "address": settings.OFFICE_ADDRESS,
            "phone": settings.OFFICE_PHONE,
            "email": settings.OFFICE_EMAIL,
        },
        "current_year": timezone.localdate().year,
    }

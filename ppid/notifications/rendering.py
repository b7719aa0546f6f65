"""Rendering one message body and subject in a language."""

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation

from ..links import absolute_url
from ..outbox import queue_email


def queue_rendered(*, to, subject, template, context, language, **fields):
    """Render `template` and the `subject()` callable in `language` and queue the e-mail."""
    with translation.override(language or settings.LANGUAGE_CODE):
        body = render_to_string(template, {**context, "site_url": absolute_url("")})
        subject = str(subject())
    return queue_email(to=to, subject=subject, body=body, language=language, **fields)

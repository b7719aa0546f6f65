"""Staff passwords: refused when guessable from the portal's context, and failed changes counted.

`ContextPasswordValidator` (in AUTH_PASSWORD_VALIDATORS, next to Django's
common-password list) refuses a password built on the username, the name of
the regency or city the portal serves, or a word everyone tries first here
("rahasia", "indonesia", …), whatever digits and symbols surround it.

`password_change_allowed` / `record_failed_password_change` count wrong
current passwords given on the admin's change-password page per account:
after `FAILED_CHANGE_LIMIT` in an hour the page answers 429 until the hour
ends, so a stolen session cannot be used to guess the password behind it.
"""

import logging
import re

from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from . import wilayah

logger = logging.getLogger("portal.security")
LOCAL_COMMON_WORDS = {
    "rahasia", "indonesia", "merdeka", "bismillah", "sayang", "katasandi", "password", "admin", "administrator",
    "diskominfo", "kominfo", "pemkab", "pemkot", "kabupaten", "desa", "kelurahan", "ppid", "portal", "qwerty",
}  # fmt: skip
MIN_WORD = 4
FAILED_CHANGE_LIMIT = 5
FAILED_CHANGE_SECONDS = 3600


def _letters(text):
    return re.sub(r"[^a-z]", "", (text or "").lower())


def context_words(user=None):
    """The words a password must not be built on, for this user on this portal."""
    words = set(LOCAL_COMMON_WORDS)
    region = wilayah.deployment()
    for name in (getattr(region, "name", ""), region.short_government_name, region.government_name):
        words.update(_letters(part) for part in str(name).split())
        words.add(_letters(name))
    if user is not None:
        for attribute in ("username", "first_name", "last_name", "email"):
            value = str(getattr(user, attribute, "") or "").split("@")[0]
            words.update(_letters(part) for part in re.split(r"[\s._-]+", value))
    return {word for word in words if len(word) >= MIN_WORD}


class ContextPasswordValidator:
    """Refuses passwords whose letters are, or mostly are, a context word."""

    def validate(self, password, user=None):
        letters = _letters(password)
        for word in context_words(user):
            if word in letters and len(letters) - len(word) < 8:
                raise ValidationError(
                    _("This password is too easy to guess here: it is built on “%(word)s”."),
                    code="password_context",
                    params={"word": word},
                )

    def get_help_text(self):
        return _("Your password cannot be built on your name, the region's name or a common word.")


def _failures_key(user):
    return f"password-change-failures:{user.pk}"


def password_change_allowed(user):
    return cache.get(_failures_key(user), 0) < FAILED_CHANGE_LIMIT


def record_failed_password_change(request):
    key = _failures_key(request.user)
    cache.add(key, 0, timeout=FAILED_CHANGE_SECONDS)
    try:
        count = cache.incr(key)
    except ValueError:
        cache.set(key, 1, timeout=FAILED_CHANGE_SECONDS)
        count = 1
    logger.warning("failed password change %s for user %s", count, request.user.pk)
    return count

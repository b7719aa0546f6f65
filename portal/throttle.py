"""Per-client rate limits for public forms and search, kept in the shared cache.

The cache is Redis when ``REDIS_URL`` is set and the database cache otherwise,
so every gunicorn process on every host counts the same hits.

    @throttle("ppid-request", rate="5/h")
    def request_form(request): ...

A throttled client gets the 429 page, which says how long to wait and sends
the same as a ``Retry-After`` header; it is never cached, since it concerns
one client only. Only the methods named are counted (POST by default).

The admin sign-in is limited by django-axes, which takes the client's address
and the username from here (`client_address`, from `portal.client_address`,
and `login_username`).
"""

import functools
import hashlib
import math
import time

from django.core.cache import cache
from django.shortcuts import render
from django.utils.cache import add_never_cache_headers

from .client_address import client_address

__all__ = ["client_address", "hit", "login_username", "throttle", "throttled_response"]

PERIODS = {"s": 1, "m": 60, "h": 3600, "d": 86400}
# The length of django-axes' username column.
LOGIN_USERNAME_LENGTH = 255


def parse_rate(rate):
    count, _, period = rate.partition("/")
    return int(count), PERIODS[period]


def now():
    """The clock the windows are counted on (tests hold it still)."""
    return time.time()


def login_username(request, credentials=None):
    """The username of a sign-in attempt as django-axes records it, cut to its 255-character column.

    Django's sign-in form passes a username of any length on to authentication,
    so without the cut an overlong one reached the database as an error instead
    of being counted as a failed attempt. No account has such a name (150 at most).
    """
    from django.conf import settings

    field = getattr(settings, "AXES_USERNAME_FORM_FIELD", "username")
    username = credentials.get(field) if credentials else getattr(request, "POST", {}).get(field)
    return username[:LOGIN_USERNAME_LENGTH] if isinstance(username, str) else username


def hit(request, scope, rate):
    """Count one hit; return True when the client is still within the rate."""
    limit, period = parse_rate(rate)
    window = int(now() // period)
    client = hashlib.sha256(client_address(request).encode()).hexdigest()[:32]
    key = f"throttle:{scope}:{client}:{window}"
    cache.add(key, 0, timeout=period + 1)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=period + 1)
        count = 1
    return count <= limit


def seconds_to_wait(rate, at=None):
    """Seconds until the current counting window of a rate ends and the client may try again."""
    _limit, period = parse_rate(rate)
    at = now() if at is None else at
    return max(1, math.ceil(period - at % period))


def throttled_response(request, *, retry_after):
    response = render(request, "429.html", {"minutes": math.ceil(retry_after / 60)}, status=429)
    response["Retry-After"] = str(retry_after)
    add_never_cache_headers(response)
    return response


def throttle(scope, *, rate, methods=("POST",)):
    def decorator(view):
        @functools.wraps(view)
        def wrapper(request, *args, **kwargs):
            if request.method in methods and not hit(request, scope, rate):
                return throttled_response(request, retry_after=seconds_to_wait(rate))
            return view(request, *args, **kwargs)

        return wrapper

    return decorator

"""Reading a village's OpenSID ``/ppid`` feed safely.

Only the configured site's host is contacted, never a private, loopback or
link-local address unless that host is listed in
``PPID_OPENSID_PRIVATE_HOSTS``; redirects are followed only within the same
host; the answer is read with a timeout and up to a size limit. Every refusal
is a `FeedError` with a translated message for the admin.
"""

import datetime
import ipaddress
import json
import socket
import urllib.error
import urllib.parse
import urllib.request

from django.conf import settings
from django.utils.translation import gettext as _


class FeedError(Exception):
    """The feed could not be read or is not what OpenSID sends; nothing is changed."""


def _private_hosts():
    return {host.lower() for host in getattr(settings, "PPID_OPENSID_PRIVATE_HOSTS", [])}


def is_private_address(host):
    """Whether `host` is, or resolves to, an address that is not on the public internet."""
    try:
        addresses = {ipaddress.ip_address(host.strip("[]"))}
    except ValueError:
        try:
            infos = socket.getaddrinfo(host, None)
        except (OSError, UnicodeError):
            return True
        addresses = {ipaddress.ip_address(info[4][0].split("%")[0]) for info in infos}
    return any(not address.is_global for address in addresses)


def _is_ip_literal(host):
    try:
        ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return False
    return True


def check_host(url, allowed_host):
    """Refuse a URL that leaves `allowed_host` or points to a private address it may not use."""
    parts = urllib.parse.urlsplit(url)
    host = (parts.hostname or "").lower()
    if parts.scheme not in ("http", "https") or not host:
        raise FeedError(_("The address %(url)s is not a web address.") % {"url": url})
    if host != allowed_host:
        if _is_ip_literal(host) and is_private_address(host):
            raise FeedError(_("The address %(url)s points to a private network address.") % {"url": url})
        raise FeedError(
            _("The address %(url)s is on another host than the village's OpenSID site.") % {"url": url}
        )
    if host not in _private_hosts() and is_private_address(host):
        raise FeedError(_("The address %(url)s points to a private network address.") % {"url": url})


class _SameHostRedirects(urllib.request.HTTPRedirectHandler):
    def __init__(self, host):
        self.host = host

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        check_host(urllib.parse.urljoin(req.full_url, newurl), self.host)
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def feed_url(site_url, since=None):
    """``{site}/ppid``, with ``tgl_dari`` (dd-mm-YYYY) when only changes since `since` are wanted."""
    url = site_url.rstrip("/") + "/ppid"
    if since is not None:
        url += "?" + urllib.parse.urlencode({"tgl_dari": since.strftime("%d-%m-%Y")})
    return url


def _read_limited(response, limit):
    length = response.headers.get("Content-Length")
    if length and length.isdigit() and int(length) > limit:
        raise FeedError(_("The feed is larger than %(limit)s bytes.") % {"limit": limit})
    body = response.read(limit + 1)
    if len(body) > limit:
        raise FeedError(_("The feed is larger than %(limit)s bytes.") % {"limit": limit})
    return body


def fetch_feed(site_url, since=None):
    """The decoded JSON of the site's ``/ppid`` feed; a `FeedError` on anything unexpected."""
    url = feed_url(site_url, since)
    host = (urllib.parse.urlsplit(site_url).hostname or "").lower()
    check_host(url, host)
    opener = urllib.request.build_opener(_SameHostRedirects(host))
    request = urllib.request.Request(url, headers={"Accept": "application/json"})
    limit = settings.PPID_OPENSID_MAX_BYTES
    try:
        with opener.open(request, timeout=settings.PPID_OPENSID_TIMEOUT) as response:
            body = _read_limited(response, limit)
    except FeedError:
        raise
    except urllib.error.HTTPError as error:
        raise FeedError(_("The site answered with HTTP status %(code)s.") % {"code": error.code}) from None
    except TimeoutError:
        raise FeedError(_("The site did not answer in time.")) from None
    except (urllib.error.URLError, OSError, ValueError) as error:
        reason = getattr(error, "reason", error)
        if isinstance(reason, FeedError):
            raise reason from None
        if isinstance(reason, TimeoutError | socket.timeout):
            raise FeedError(_("The site did not answer in time.")) from None
        raise FeedError(_("The site could not be reached (%(reason)s).") % {"reason": reason}) from None
    try:
        return json.loads(body.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise FeedError(_("The site's answer is not JSON.")) from None


def parse_date(value):
    """A feed date (``2024-02-01 10:00:00`` or ``2024-02-01``) as a date, or None."""
    try:
        return datetime.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None

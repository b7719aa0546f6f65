"""The address of the client behind a request, the one answer every part of the portal uses.

Throttles (`portal.throttle`), the admin sign-in lockout (django-axes, through
``AXES_CLIENT_IP_CALLABLE``) and the audit trail (`portal.middleware.AuditlogMiddleware`)
all ask `client_address`. ``X-Forwarded-For`` is read only when the connecting
peer (``REMOTE_ADDR``) is one of ``settings.TRUSTED_PROXIES`` (a list of
networks, empty by default); then the answer is the right-most address in the
header that is not itself a trusted proxy. Anything left of it was written by
the client and can be anything, so it is never used.
"""

import ipaddress
from functools import lru_cache

from django.conf import settings


@lru_cache(maxsize=8)
def parse_networks(networks):
    """The networks of a tuple of CIDR strings ("10.0.0.0/8", "127.0.0.1"); ValueError names a bad one."""
    parsed = []
    for network in networks:
        try:
            parsed.append(ipaddress.ip_network(network.strip(), strict=False))
        except ValueError as error:
            raise ValueError(
                f"TRUSTED_PROXIES holds {network!r}, which is not an address or network."
            ) from error
    return tuple(parsed)


def parse_address(text):
    """An address from a header entry ("1.2.3.4", "1.2.3.4:5678", "[2001:db8::1]:443"), or None."""
    text = text.strip()
    if text.startswith("["):
        text = text[1:].partition("]")[0]
    elif text.count(":") == 1:
        text = text.partition(":")[0]
    try:
        return ipaddress.ip_address(text)
    except ValueError:
        return None


def _trusted(address, networks):
    if address.version == 6 and address.ipv4_mapped:
        address = address.ipv4_mapped
    return any(address in network for network in networks if network.version == address.version)


def client_address(request):
    """The client's address as a string: the peer, or behind trusted proxies the first address they did not add."""
    peer_text = request.META.get("REMOTE_ADDR", "")
    peer = parse_address(peer_text)
    networks = parse_networks(tuple(getattr(settings, "TRUSTED_PROXIES", ())))
    if peer is None or not networks or not _trusted(peer, networks):
        return peer_text
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    for entry in reversed(forwarded.split(",")):
        address = parse_address(entry)
        if address is None:
            # The proxy nearest to us wrote nothing readable here: stop at what it vouched for.
            break
        if not _trusted(address, networks):
            return str(address)
        peer = address
    return str(peer)

"""The address a request comes from, as sign-in throttling counts it.

Behind reverse proxies, `REMOTE_ADDR` is the nearest proxy's address, which every visitor
shares. Each proxy of ours appends the address it was reached from to `X-Forwarded-For`, so
with N proxies the client's address is the Nth entry from the right; anything further left
was written by the client and may be forged.
"""

import ipaddress

from django.conf import settings
from django.http import HttpRequest

# One IPv6 subscriber usually holds a whole /64, so counting single addresses would let them
# take a fresh address for every try.
IPV6_PREFIX = 64


def client_address(
    remote_addr: str | None, forwarded_for: str | None, trusted_proxies: int
) -> str | None:
    """The client's address: `REMOTE_ADDR`, or the entry our proxies added to the forwarded list."""
    candidate = remote_addr
    entries = [entry.strip() for entry in (forwarded_for or "").split(",") if entry.strip()]
    if trusted_proxies > 0 and entries:
        # Fewer entries than proxies: the outermost one we have is still the best we know.
        candidate = entries[-min(trusted_proxies, len(entries))]
    return counted_address(candidate) or counted_address(remote_addr)


def counted_address(value: str | None) -> str | None:
    """The address as counted (an IPv6 address as its /64 network), or None if it is none."""
    if not value:
        return None
    text = value.strip()
    if text.startswith("[") and "]" in text:  # "[2001:db8::1]:443"
        text = text[1 : text.index("]")]
    elif text.count(":") == 1:  # "192.0.2.1:443"
        text = text.split(":")[0]
    try:
        address = ipaddress.ip_address(text)
    except ValueError:
        return None
    if address.version == 6 and address.ipv4_mapped:
        return str(address.ipv4_mapped)
    if address.version == 6:
        return str(ipaddress.IPv6Network((address, IPV6_PREFIX), strict=False).network_address)
    return str(address)


def request_address(request: HttpRequest) -> str | None:
    """The counted client address of a request (django-axes and allauth both ask this)."""
    return client_address(
        request.META.get("REMOTE_ADDR"),
        request.META.get("HTTP_X_FORWARDED_FOR"),
        settings.REGROW_TRUSTED_PROXY_COUNT,
    )

"""A limit on how often one account and one address may submit applications, counted in the
cache (as the sign-in throttle counts per account and per address, accounts/throttle.py)."""

from django.core.cache import cache

from regrow.accounts.addresses import request_address

WINDOW_SECONDS = 3600
# Submits (and refused submits) an hour: one person rarely needs more than a few.
PER_ACCOUNT = 10
# Several applicants may share an address (an office, a library), so the address gets more.
PER_ADDRESS = 30


def _keys(request) -> list[tuple[str, int]]:
    keys = [(f"popups:submit:user:{request.user.pk}", PER_ACCOUNT)]
    address = request_address(request)
    if address:
        keys.append((f"popups:submit:address:{address}", PER_ADDRESS))
    return keys


def submit_allowed(request) -> bool:
    """Count one submit for the account and the address; False once either is over its limit."""
    allowed = True
    for key, limit in _keys(request):
        cache.add(key, 0, WINDOW_SECONDS)
        try:
            count = cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.set(key, 1, WINDOW_SECONDS)
            count = 1
        allowed = allowed and count <= limit
    return allowed

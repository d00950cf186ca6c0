"""Which address sign-in throttling counts, with and without reverse proxies (no database)."""

import pytest

from regrow.accounts.addresses import client_address, counted_address

PROXY = "10.0.0.1"


@pytest.mark.parametrize(
    "remote, forwarded, proxies, expected",
    [
        # Without trusted proxies the header is the client's own claim, and is ignored.
        ("192.0.2.7", "203.0.113.5", 0, "192.0.2.7"),
        ("192.0.2.7", None, 0, "192.0.2.7"),
        # One proxy: the entry it appended, whatever the client put in front of it.
        (PROXY, "203.0.113.5", 1, "203.0.113.5"),
        (PROXY, "198.51.100.1, 203.0.113.5", 1, "203.0.113.5"),
        # Two proxies (a CDN, then ours): the entry the outer one appended.
        (PROXY, "198.51.100.1, 203.0.113.5, 172.16.0.9", 2, "203.0.113.5"),
        (PROXY, "203.0.113.5", 2, "203.0.113.5"),
        # No header, or nonsense in it: the connection's address.
        (PROXY, None, 1, PROXY),
        (PROXY, "unknown", 1, PROXY),
        # Ports, brackets, and IPv4 written as IPv6.
        (PROXY, "203.0.113.5:51234", 1, "203.0.113.5"),
        (PROXY, "[2001:db8::1]:443", 1, "2001:db8::"),
        ("::ffff:192.0.2.7", None, 0, "192.0.2.7"),
    ],
)
def test_client_address(remote, forwarded, proxies, expected):
    assert client_address(remote, forwarded, proxies) == expected


def test_ipv6_addresses_count_by_their_64_network():
    first = counted_address("2001:db8:aa:bb:1:2:3:4")
    assert first == counted_address("2001:db8:aa:bb:ffff::9") == "2001:db8:aa:bb::"
    assert counted_address("2001:db8:aa:bc::1") != first


def test_no_address_at_all():
    assert client_address(None, None, 0) is None
    assert counted_address("") is None

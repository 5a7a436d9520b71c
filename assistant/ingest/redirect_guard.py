"""Where a page's redirect may lead: never from the web into this machine's own network.

A page that redirects to 169.254.169.254 (a cloud machine's metadata service) or to a private
address would have `add` fetch what only this machine can reach and store it as an article. A
link-local target is always refused (no news lives there); a private, loopback or reserved one is
refused when the address the user gave is public. An address the user typed is theirs to fetch.
"""

from __future__ import annotations

import ipaddress
import socket
import urllib.parse

_Address = ipaddress.IPv4Address | ipaddress.IPv6Address


def refused_redirect(origin: str, target: str) -> str | None:
    """Why `add` will not follow a redirect from `origin` to `target` (None: it may)."""
    targets = _addresses(urllib.parse.urlsplit(target).hostname)
    if not targets:
        return None  # a name that does not resolve fails on its own, with its own message
    origins = _addresses(urllib.parse.urlsplit(origin).hostname)
    if any(a.is_link_local for a in targets) and not any(a.is_link_local for a in origins):
        return f"it redirects to {target}, a link-local address of this machine's network; not followed"
    if any(_inner(a) for a in targets) and origins and not any(_inner(a) for a in origins):
        return f"it redirects from the web to {target}, inside this machine's own network; not followed"
    return None


def _inner(address: _Address) -> bool:
    return address.is_private or address.is_loopback or address.is_link_local or address.is_reserved


def _addresses(host: str | None) -> list[_Address]:
    """The host's addresses: itself when it is one, else what the resolver says (none on failure)."""
    if not host:
        return []
    try:
        return [_plain(ipaddress.ip_address(host))]
    except ValueError:
        pass
    try:
        infos = socket.getaddrinfo(host, None, proto=socket.IPPROTO_TCP)
    except (OSError, UnicodeError):
        return []
    found = []
    for info in infos:
        try:
            found.append(_plain(ipaddress.ip_address(str(info[4][0]).split("%", 1)[0])))
        except ValueError:
            continue
    return found


def _plain(address: _Address) -> _Address:
    """An IPv4 address written as IPv6 (::ffff:169.254.169.254) judged as the IPv4 one it is."""
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        return address.ipv4_mapped
    return address

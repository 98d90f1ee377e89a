"""The console client's address: the TCP peer, or, behind a proxy named in TRUSTED_PROXIES, the address that proxy
saw, from X-Forwarded-For. Only a configured proxy is believed: anyone can send the header."""

import ipaddress

from flask import request

from service.connection import get_config

Network = ipaddress.IPv4Network | ipaddress.IPv6Network


def _trusted(address: str, proxies: tuple[Network, ...]) -> bool:
    return _is_ip(address) and any(ipaddress.ip_address(address) in network for network in proxies)


def address() -> str:
    """Walks X-Forwarded-For from the right past trusted proxies; the first other entry is the client."""
    peer = request.remote_addr or "unknown"
    proxies = get_config().TRUSTED_PROXIES
    if not proxies or not _trusted(peer, proxies):
        return peer
    hops = [hop.strip() for hop in ",".join(request.headers.getlist("X-Forwarded-For")).split(",") if hop.strip()]
    for hop in reversed(hops):
        if not _trusted(hop, proxies):
            return hop if _is_ip(hop) else peer  # a malformed entry is no address: count the proxy instead
    return hops[0] if hops else peer


def _is_ip(value: str) -> bool:
    try:
        ipaddress.ip_address(value)
    except ValueError:
        return False
    return True

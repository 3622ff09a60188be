"""Where a webhook URL points: its host resolved now, judged by the address policy, and the request
pinned to the address that was judged.

Checked at registration and again before every delivery: a name that resolved to a public address
when it was registered may resolve to a private one later (DNS rebinding). The delivery then
connects to the address just checked, not to whatever a second lookup would return; TLS still
verifies the certificate against the host name.
"""
import asyncio
import ipaddress
import socket
from dataclasses import dataclass
from urllib.parse import urlsplit, urlunsplit

from services.gateway.domain.webhooks import Address, addresses_problem, target_url_problem

RESOLVE_TIMEOUT_SECONDS = 5.0


@dataclass(frozen=True)
class Target:
    url: str  # the URL with its host replaced by the checked address
    host_header: str
    sni_hostname: str


async def resolve(host: str, port: int) -> list[Address]:
    """Every address the host resolves to (an IP literal resolves to itself); [] when it does not."""
    loop = asyncio.get_running_loop()
    try:
        infos = await asyncio.wait_for(loop.getaddrinfo(host, port, type=socket.SOCK_STREAM),
                                       RESOLVE_TIMEOUT_SECONDS)
    except (OSError, asyncio.TimeoutError, UnicodeError):
        return []
    found: list[Address] = []
    for info in infos:
        address = ipaddress.ip_address(str(info[4][0]).split("%", 1)[0])
        if address not in found:
            found.append(address)
    return found


async def check(url: str, *, allow_loopback: bool) -> tuple[str | None, Target | None]:
    """(why the URL must not be called, None) or (None, the request target pinned to a checked address)."""
    problem = target_url_problem(url)
    if problem:
        return problem, None
    parts = urlsplit(url)
    port = parts.port or (443 if parts.scheme == "https" else 80)
    addresses = await resolve(parts.hostname, port)
    problem = addresses_problem(parts.scheme, addresses, allow_loopback=allow_loopback)
    if problem:
        return problem, None
    address = addresses[0]
    literal = f"[{address}]" if address.version == 6 else str(address)
    netloc = f"{literal}:{parts.port}" if parts.port else literal
    host_header = parts.netloc.rsplit("@", 1)[-1]
    return None, Target(urlunsplit(parts._replace(netloc=netloc)), host_header, parts.hostname)

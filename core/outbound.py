"""Fetching from other sites (oEmbed answers, their thumbnails): bounded, and never into the site's own network.

fetch() follows at most MAX_REDIRECTS redirects, itself, checking each address; it refuses a body over
`max_bytes` and waits at most TIMEOUT. The real transport resolves each host and refuses private, loopback,
link-local and other non-public addresses (SSRF): a blogger's link must not make the server fetch
http://169.254.169.254/ or the database's admin page. `settings.OUTBOUND_TRANSPORT` names another
transport (the tests' recorded answers); nothing else may reach outside.
"""

import ipaddress
import socket
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

import requests
from django.conf import settings
from django.utils.module_loading import import_string

TIMEOUT = (3, 5)  # seconds: to connect, and between bytes
MAX_REDIRECTS = 3
CHUNK = 16 * 1024
USER_AGENT = "Candid (a blog engine; fetching an embed or its picture)"


class Refused(Exception):
    """Not fetched: str() says why, for the log."""


@dataclass(frozen=True)
class Answer:
    url: str
    status: int
    content_type: str  # without its parameters, lower case
    body: bytes


def fetch(url, *, accept, max_bytes):
    """GET `url` and return its final Answer (status 200), or raise Refused."""
    transport = import_string(settings.OUTBOUND_TRANSPORT) if getattr(settings, "OUTBOUND_TRANSPORT", "") else get
    for _ in range(MAX_REDIRECTS + 1):
        check_url(url)
        status, headers, chunks = transport(url, {"Accept": accept, "User-Agent": USER_AGENT}, TIMEOUT)
        if status in (301, 302, 303, 307, 308) and headers.get("location"):
            url = urljoin(url, headers["location"])
            continue
        if status != 200:
            raise Refused(f"{url} answered {status}")
        return Answer(
            url, status, headers.get("content-type", "").split(";")[0].strip().lower(), read(chunks, max_bytes)
        )
    raise Refused(f"more than {MAX_REDIRECTS} redirects from {url}")


def read(chunks, max_bytes):
    body = bytearray()
    try:
        for chunk in chunks:
            body += chunk
            if len(body) > max_bytes:
                raise Refused(f"the answer is over {max_bytes:,} bytes")
    except requests.RequestException as exc:
        raise Refused(f"the answer was cut short: {exc}") from None
    return bytes(body)


def check_url(url):
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise Refused(f"not a web address: {url[:200]}")


def check_address(address):
    """Refuse an address that is not on the public internet (unless the settings allow it, for tests)."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if not ip.is_global and not getattr(settings, "OUTBOUND_ALLOW_PRIVATE", False):
        raise Refused(f"{address} is not a public address")


def get(url, headers, timeout):
    """The real transport: (status, {lower-case header: value}, iterator of body chunks)."""
    parts = urlsplit(url)
    try:
        addresses = {
            info[4][0] for info in socket.getaddrinfo(parts.hostname, parts.port or 443, type=socket.SOCK_STREAM)
        }
    except (OSError, UnicodeError) as exc:
        raise Refused(f"{parts.hostname} could not be resolved: {exc}") from None
    for address in addresses:
        check_address(address)
    try:
        response = requests.get(url, headers=headers, timeout=timeout, allow_redirects=False, stream=True)
    except requests.RequestException as exc:
        raise Refused(f"{url} could not be fetched: {exc}") from None
    lowered = {name.lower(): value for name, value in response.headers.items()}
    return response.status_code, lowered, response.iter_content(CHUNK)

"""Fetching from other sites, with the real transport against a server on this machine: bounded and checked."""

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from core import outbound


class Handler(BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802 (http.server's name)
        if self.path == "/ok":
            self.answer(200, b'{"title": "ok"}', "application/json; charset=utf-8")
        elif self.path == "/big":
            self.answer(200, b"x" * 5000, "text/plain")
        elif self.path.startswith("/loop"):
            self.answer(302, b"", "text/plain", location=f"/loop{len(self.path)}")
        elif self.path == "/moved":
            self.answer(301, b"", "text/plain", location="/ok")
        else:
            self.answer(404, b"no", "text/plain")

    def answer(self, status, body, content_type, **headers):
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in headers.items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def server(settings):
    settings.OUTBOUND_TRANSPORT = ""  # the real one
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


def test_a_private_address_is_refused_before_anything_is_sent(server):
    with pytest.raises(outbound.Refused, match="not a public address"):
        outbound.fetch(f"{server}/ok", accept="application/json", max_bytes=1000)


@pytest.mark.parametrize(
    "address", ["127.0.0.1", "10.1.2.3", "192.168.0.1", "169.254.169.254", "::1", "fe80::1%eth0", "100.64.0.1"]
)
def test_no_address_outside_the_public_internet_is_allowed(address):
    with pytest.raises(outbound.Refused):
        outbound.check_address(address)


def test_a_public_address_is_allowed():
    outbound.check_address("93.184.216.34")
    outbound.check_address("2606:2800:220:1:248:1893:25c8:1946")


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://example.com/x", "gopher://x", "http:///nohost"])
def test_only_web_addresses_are_fetched(url):
    with pytest.raises(outbound.Refused, match="not a web address"):
        outbound.fetch(url, accept="*/*", max_bytes=10)


def test_with_private_addresses_allowed_an_answer_and_a_redirect_are_followed(server, settings):
    settings.OUTBOUND_ALLOW_PRIVATE = True
    answer = outbound.fetch(f"{server}/moved", accept="application/json", max_bytes=1000)
    assert (answer.status, answer.content_type, answer.body) == (200, "application/json", b'{"title": "ok"}')
    assert answer.url == f"{server}/ok"


def test_a_body_over_the_limit_a_redirect_loop_and_an_error_are_refused(server, settings):
    settings.OUTBOUND_ALLOW_PRIVATE = True
    with pytest.raises(outbound.Refused, match="over 1,000 bytes"):
        outbound.fetch(f"{server}/big", accept="*/*", max_bytes=1000)
    with pytest.raises(outbound.Refused, match="more than 3 redirects"):
        outbound.fetch(f"{server}/loop", accept="*/*", max_bytes=1000)
    with pytest.raises(outbound.Refused, match="answered 404"):
        outbound.fetch(f"{server}/missing", accept="*/*", max_bytes=1000)

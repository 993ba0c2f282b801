"""In a real browser, nothing readers wrote runs: no dialog opens and no script error appears."""

import pytest

from tests.factories import CommentFactory, PostFactory
from tests.security.checks import payloads

pytestmark = pytest.mark.django_db(transaction=True)


# Our own corpus and the first of the public list's: every payload is checked without a browser in
# tests/security; here, a page of a hundred or so must run none of them.
BROWSER_PAYLOADS = payloads()[:120]


def test_no_payload_runs_in_the_browser(page, rules):
    post = PostFactory(title="Payloads", format="html", body="".join(BROWSER_PAYLOADS[:30]))
    for payload in BROWSER_PAYLOADS:
        CommentFactory(post=post, body=payload, author_name=payload[:100])
    dialogs, errors = [], []

    def on_dialog(dialog):
        dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", on_dialog)
    page.on("pageerror", lambda error: errors.append(str(error)))
    # Images readers pointed at nowhere fail to load: harmless, and not script.
    page.on(
        "console", lambda m: errors.append(m.text) if m.type == "error" and "Failed to load" not in m.text else None
    )
    for path in (post.get_absolute_url(), "/", "/?s=" + "<script>alert(1)</script>"):
        page.goto(path, wait_until="load", timeout=15_000)
        # Hover and focus handlers, had any survived; locator steps, as they have a timeout (mouse and keyboard do not).
        page.locator("main").hover(timeout=5_000)
        page.locator("body").press("Tab", timeout=5_000)
    assert dialogs == [] and errors == []


def test_the_browser_reaches_nothing_beyond_this_machine(page):
    """A payload's <img> pointing elsewhere fails at once (tests/e2e/conftest.py's NO_NETWORK), never waits."""
    failed = []
    page.on("requestfailed", lambda request: failed.append(request.url))
    page.set_content('<img src="https://evil.example/x.png"><img src="http://192.0.2.1/y.png">', wait_until="load")
    assert sorted(failed) == ["http://192.0.2.1/y.png", "https://evil.example/x.png"]

"""In a real browser, nothing readers wrote runs: no dialog opens and no script error appears."""

import pytest

from tests.factories import CommentFactory, PostFactory
from tests.security.checks import payloads

pytestmark = pytest.mark.django_db(transaction=True)


def test_no_payload_runs_in_the_browser(page, rules):
    post = PostFactory(title="Payloads", format="html", body="".join(payloads()[:30]))
    for payload in payloads():
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
        page.mouse.move(200, 300)  # hover handlers, had any survived
        page.keyboard.press("Tab")  # focus handlers likewise
    assert dialogs == [] and errors == []

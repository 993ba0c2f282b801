"""Reading the blog: from the home page to a whole post, by keyboard, with nothing broken in the console."""

import re

import pytest
from playwright.sync_api import expect

from tests.factories import CommentFactory

pytestmark = pytest.mark.django_db(transaction=True)


def test_continue_reading_leads_from_the_home_page_to_the_whole_post(page, post):
    page.goto("/")
    summary = page.locator(f"#post-{post.pk}")
    expect(summary).to_contain_text("A first paragraph.")
    expect(summary).not_to_contain_text("The rest of the post.")

    summary.get_by_role("link", name=f"Continue reading “{post.title}” »").click()

    expect(page).to_have_url(re.compile(re.escape(post.get_absolute_url()) + "$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(post.title)
    content = page.locator(".entry-content")
    expect(content).to_contain_text("A first paragraph.")
    expect(content).to_contain_text("The rest of the post.")


# What has the keyboard focus: a reply link by the comment it answers, a field by its id, else tag and text.
FOCUSED = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  if (el.classList.contains("comment-reply-link")) return `reply to ${el.dataset.comment}`;
  return el.id || `${el.tagName.toLowerCase()}: ${el.textContent.trim()}`;
}"""


def tab_through(page, limit=100):
    """Press Tab from the top of the page until the focus leaves it: what got the focus, in order."""
    seen = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUSED)
        if focused is None:
            break
        seen.append(focused)
    return seen


def test_keyboard_reaches_the_skip_link_first_then_replies_and_every_comment_field(page, rules, post):
    ada = CommentFactory(post=post, author_name="Ada")
    ben = CommentFactory(post=post, author_name="Ben")
    page.goto(post.get_absolute_url())
    skip = page.get_by_role("link", name="Skip to content")
    expect(skip).not_to_be_in_viewport()  # out of sight until focused

    page.keyboard.press("Tab")
    expect(skip).to_be_focused()
    expect(skip).to_be_in_viewport()
    page.keyboard.press("Enter")
    expect(page.locator("main#content")).to_be_focused()

    page.goto(post.get_absolute_url())
    order = tab_through(page)

    assert order[0] == "a: Skip to content", order
    assert f"reply to {ada.pk}" in order and f"reply to {ben.pk}" in order, order
    fields = ["id_name", "id_email", "id_url", "id_body", "id_remember", "id_notify", "button: Post Comment"]
    assert all(field in order for field in fields), order
    positions = [order.index(field) for field in fields]
    assert positions == sorted(positions), f"the comment form's fields out of order: {order}"
    assert "id_website2" not in order, "the honeypot field, hidden from people, must be out of the tab order"


class Problems(list):
    """What went wrong in a page, as its console and network tell it: errors, failed requests, CSP violations."""

    def __init__(self, page):
        super().__init__()
        page.on("console", self.console)
        page.on("pageerror", lambda error: self.append(f"uncaught error: {error}"))
        page.on("requestfailed", lambda r: self.append(f"request failed: {r.url} ({r.failure})"))
        page.on("response", lambda r: self.append(f"{r.status} for {r.url}") if r.status >= 400 else None)

    def console(self, message):
        # Chromium reports a CSP violation as a console error ("… violates the following Content Security
        # Policy directive …"); a report-only policy would log it as a warning.
        if message.type == "error" or "Content Security Policy" in message.text:
            self.append(f"console {message.type}: {message.text} at {message.location['url']}")


def visit_home_and_post(page, post):
    # "networkidle": also what the browser fetches by itself after the load event (the site's icon).
    page.goto("/", wait_until="networkidle")
    page.goto(post.get_absolute_url(), wait_until="networkidle")
    page.get_by_role("link", name="Reply to Ada").click()  # the theme's script is loaded, and runs
    expect(page.locator("#reply-title")).to_contain_text("Leave a Reply to Ada")


def test_home_and_post_pages_load_without_console_errors_failed_requests_or_csp_violations(page, rules, post):
    CommentFactory(post=post, author_name="Ada")
    problems = Problems(page)
    loaded = []
    page.on("requestfinished", lambda request: loaded.append(request.resource_type))

    visit_home_and_post(page, post)

    assert "stylesheet" in loaded and "script" in loaded
    assert list(problems) == []


def test_every_page_gives_the_browser_a_site_icon(page, post):
    # Chromium asks for the icon once per browser run, so whether a page's console shows the 404 depends on
    # the tests run before; ask for it as the browser would instead: the declared icon, else /favicon.ico.
    for path in ("/", post.get_absolute_url()):
        page.goto(path)
        declared = page.locator("link[rel~=icon]")
        icon = declared.first.get_attribute("href") if declared.count() else "/favicon.ico"
        response = page.request.get(icon)
        assert response.ok, f"{path}: the site icon {icon} answers {response.status}"
        assert response.headers["content-type"].startswith("image/")

"""Logging in from the comment form through a provider (the demo "Dummy" one), and back out."""

import re

import pytest
from playwright.sync_api import expect

from comments.models import Comment
from tests.e2e.steps import log_in_with_dummy

pytestmark = pytest.mark.django_db(transaction=True)


def test_logging_in_from_the_comment_form_keeps_the_typed_comment_and_posts_as_that_account(page, rules, post):
    page.goto(post.get_absolute_url())
    expect(page.get_by_text("Fill in your details below or click an icon to log in:")).to_be_visible()
    page.get_by_label("Comment", exact=True).fill("Typed before logging in.")

    page.get_by_role("button", name="Log in with Dummy").click()

    expect(page.get_by_role("heading", name="Dummy Provider Login")).to_be_visible()
    log_in_with_dummy(page, "4242", "rita@example.org", "rita", first_name="Rita", last_name="Reader")

    expect(page).to_have_url(re.compile(re.escape(f"{post.get_absolute_url()}#respond") + "$"))
    expect(page.get_by_label("Comment", exact=True)).to_have_value("Typed before logging in.")
    logged_in = page.locator("#commentform .logged-in-as")
    expect(logged_in).to_contain_text("You are commenting using your Dummy account.")
    expect(logged_in.get_by_role("button", name="Log Out")).to_be_visible()
    expect(page.get_by_label("Name *", exact=True)).to_have_count(0)

    page.get_by_role("button", name="Post Comment").click()

    expect(page).to_have_url(re.compile(r"#comment-\d+$"))
    comment = Comment.objects.select_related("user").get(body="Typed before logging in.")
    assert (comment.user.username, comment.user.email, comment.display_name) == (
        "rita",
        "rita@example.org",
        "Rita Reader",
    )
    expect(page.locator(f"#comment-{comment.pk}")).to_contain_text("Rita Reader")

    logged_in.get_by_role("button", name="Log Out").click()

    expect(page).to_have_url(re.compile(re.escape(f"{post.get_absolute_url()}#comments") + "$"))
    expect(page.get_by_label("Name *", exact=True)).to_be_visible()
    expect(page.get_by_label("Email *", exact=True)).to_be_visible()
    expect(page.get_by_role("button", name="Log in with Dummy")).to_be_visible()
    expect(page.get_by_label("Comment", exact=True)).to_have_value("")


def test_where_only_logged_in_readers_may_comment_the_form_offers_login_and_keeps_the_draft(page, configure, post):
    configure(comment_registration=True, comment_flood_seconds=0)
    page.goto(post.get_absolute_url())
    expect(page.get_by_text("You must be logged in to post a comment.")).to_be_visible()
    expect(page.get_by_label("Name *", exact=True)).to_have_count(0)
    page.get_by_label("Comment", exact=True).fill("Kept while I log in.")

    page.get_by_role("button", name="Log in with Dummy").click()
    log_in_with_dummy(page, "4444", "lena@example.org", "lena")

    expect(page.get_by_label("Comment", exact=True)).to_have_value("Kept while I log in.")
    page.get_by_role("button", name="Post Comment").click()
    expect(page).to_have_url(re.compile(r"#comment-\d+$"))
    assert Comment.objects.get(body="Kept while I log in.").user.username == "lena"

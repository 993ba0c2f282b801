"""Commenting as a guest: a first comment is held and shown to its writer only; replies, with and without JS."""

import re

import pytest
from playwright.sync_api import expect

from comments.models import Comment
from tests.e2e.steps import fill_guest_comment, open_post, wait_out_form_timer
from tests.factories import CommentFactory

pytestmark = pytest.mark.django_db(transaction=True)

COMMENT_ANCHOR = re.compile(r"#comment-(\d+)$")


def posted_comment(page):
    """The comment whose anchor the browser landed on after posting."""
    expect(page).to_have_url(COMMENT_ANCHOR)
    return Comment.objects.get(pk=COMMENT_ANCHOR.search(page.url)[1])


def test_a_guests_first_comment_awaits_moderation_shown_to_its_writer_only(page, open_page, rules, post):
    served = open_post(page, post)
    fill_guest_comment(page, name="Rosa", email="rosa@example.net", body="Hazel rods, cut in February.")
    # Sent after the form's minimum time, so what holds it is the first-comment rule, not the spam timer.
    wait_out_form_timer(served)
    page.get_by_role("button", name="Post Comment").click()

    comment = posted_comment(page)
    assert (comment.author_name, comment.status) == ("Rosa", Comment.Status.PENDING)
    expect(page).to_have_url(re.compile(re.escape(f"{post.get_absolute_url()}#comment-{comment.pk}") + "$"))
    held = page.locator(f"#comment-{comment.pk}")
    expect(held).to_be_in_viewport()
    expect(held).to_contain_text("Your comment is awaiting moderation.")
    expect(held).to_contain_text("Hazel rods, cut in February.")
    expect(held).to_contain_text("Rosa")

    stranger = open_page()
    stranger.goto(post.get_absolute_url())
    expect(stranger.locator("#respond")).to_be_visible()
    expect(stranger.locator(f"#comment-{comment.pk}")).to_have_count(0)
    expect(stranger.get_by_text("Hazel rods, cut in February.")).to_have_count(0)
    expect(stranger.get_by_text("Your comment is awaiting moderation.")).to_have_count(0)


def test_reply_with_javascript_moves_the_form_under_the_comment_and_cancel_moves_it_back(page, rules, post):
    ada = CommentFactory(post=post, author_name="Ada", body="Ash works too.")
    ben = CommentFactory(post=post, author_name="Ben", body="Mine rotted in a year.")
    page.goto(post.get_absolute_url())
    respond, title = page.locator("#respond"), page.locator("#reply-title")
    cancel = page.get_by_role("link", name="Cancel reply")
    at_home = page.locator("#comments > #respond")
    expect(at_home).to_have_count(1)
    expect(title).to_have_accessible_name("Leave a Reply")  # "Cancel reply" is hidden
    expect(cancel).to_be_hidden()

    page.get_by_role("link", name="Reply to Ben").click()

    expect(page.locator(f"li#comment-{ben.pk} > #div-comment-{ben.pk} + #respond")).to_have_count(1)
    expect(at_home).to_have_count(0)
    expect(page).to_have_url(re.compile(re.escape(post.get_absolute_url()) + "$"))  # no page load
    expect(title).to_have_accessible_name("Leave a Reply to Ben Cancel reply")
    expect(cancel).to_be_visible()
    expect(page.get_by_label("Comment", exact=True)).to_be_focused()

    cancel.click()

    expect(at_home).to_have_count(1)
    expect(page.locator(f"#comment-{ben.pk} #respond")).to_have_count(0)
    expect(title).to_have_accessible_name("Leave a Reply")
    expect(cancel).to_be_hidden()
    expect(respond.locator("input[name=parent]")).to_have_value("")

    page.get_by_role("link", name="Reply to Ada").click()
    expect(page.locator(f"#div-comment-{ada.pk} + #respond")).to_have_count(1)
    fill_guest_comment(page, name="Rosa", email="rosa@example.net", body="Which ash, though?")
    page.get_by_role("button", name="Post Comment").click()

    reply = posted_comment(page)
    assert (reply.parent_id, reply.body) == (ada.pk, "Which ash, though?")
    expect(page.locator(f"#comment-{ada.pk} .children #comment-{reply.pk}")).to_contain_text("Which ash, though?")


def test_reply_without_javascript_follows_the_link_and_answers_that_comment(no_js_page, rules, post):
    page = no_js_page
    ada = CommentFactory(post=post, author_name="Ada", body="Ash works too.")
    CommentFactory(post=post, author_name="Ben", body="Mine rotted in a year.")
    page.goto(post.get_absolute_url())

    page.get_by_role("link", name="Reply to Ada").click()

    expect(page).to_have_url(re.compile(re.escape(f"{post.get_absolute_url()}?replytocom={ada.pk}#respond") + "$"))
    expect(page.get_by_role("heading", name=re.compile(r"^Leave a Reply to Ada\b"))).to_be_visible()
    expect(page.get_by_role("link", name="Cancel reply")).to_be_visible()
    fill_guest_comment(page, name="Rosa", email="rosa@example.net", body="Which ash, though?")
    page.get_by_role("button", name="Post Comment").click()

    reply = posted_comment(page)
    assert (reply.parent_id, reply.body, reply.author_name) == (ada.pk, "Which ash, though?", "Rosa")
    expect(page.locator(f"#comment-{ada.pk} .children #comment-{reply.pk}")).to_contain_text("Which ash, though?")

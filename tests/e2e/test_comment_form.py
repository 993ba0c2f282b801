"""The comment form never traps: Enter posts the comment, and a refused comment's reasons are in view."""

import re

import pytest
from playwright.sync_api import expect

from comments.models import Comment
from tests.e2e.steps import fill_guest_comment, open_post
from tests.factories import CommentFactory

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.mark.parametrize("field", ["Name *", "Email *", "Website"])
def test_enter_in_any_field_posts_the_comment_even_with_login_buttons_on_the_form(page, rules, post, field):
    open_post(page, post)
    expect(page.get_by_role("button", name="Log in with Dummy")).to_be_visible()  # a provider is configured
    fill_guest_comment(page, name="Rosa", email="rosa@example.net", body=f"Sent with Enter in {field}.")

    page.get_by_label(field, exact=True).press("Enter")

    expect(page).to_have_url(re.compile(r"#comment-\d+$"))
    assert Comment.objects.get().body == f"Sent with Enter in {field}."


def test_the_login_buttons_are_reached_by_keyboard_after_post_comment(page, rules, post):
    open_post(page, post)
    page.get_by_role("button", name="Post Comment").focus()
    page.keyboard.press("Tab")
    expect(page.get_by_role("button", name="Log in with Dummy")).to_be_focused()
    expect(page.get_by_role("group", name="Or log in to post it as yourself:")).to_be_visible()


def refusal_in_view(page, message):
    errors = page.locator("#comment-errors")
    expect(errors).to_be_focused()
    expect(errors).to_be_in_viewport()
    expect(errors).to_contain_text(message)
    expect(page).to_have_url(re.compile(r"#respond$"))


def test_a_duplicate_shows_its_error_in_view_with_focus_and_reloads_safely(page, rules, post):
    CommentFactory(post=post, author_name="Rosa", author_email="rosa@example.net", body="Hazel rods.")
    CommentFactory.create_batch(30, post=post)  # a long discussion above the form
    open_post(page, post)
    fill_guest_comment(page, name="Rosa", email="rosa@example.net", body="Hazel rods.")
    page.get_by_role("button", name="Post Comment").click()

    refusal_in_view(page, "Duplicate comment detected; it looks as though you’ve already said that!")
    expect(page.get_by_label("Comment", exact=True)).to_have_value("Hazel rods.")

    dialogs = []
    page.on("dialog", lambda dialog: dialogs.append(dialog) or dialog.dismiss())
    page.reload()
    expect(page.get_by_label("Comment", exact=True)).to_have_value("Hazel rods.")
    assert dialogs == [] and Comment.objects.filter(body="Hazel rods.").count() == 1


def test_a_comment_too_fast_shows_its_error_in_view_with_focus(page, configure, post):
    configure(comment_flood_seconds=60, hold_first_comments=False)
    open_post(page, post)
    fill_guest_comment(page, name="Rosa", email="rosa@example.net", body="First thought.")
    page.get_by_role("button", name="Post Comment").click()
    expect(page).to_have_url(re.compile(r"#comment-\d+$"))

    fill_guest_comment(page, name="Rosa", email="rosa@example.net", body="Second thought, straight after.")
    page.get_by_role("button", name="Post Comment").click()

    refusal_in_view(page, "You are posting comments too quickly. Slow down.")
    expect(page.get_by_label("Comment", exact=True)).to_have_value("Second thought, straight after.")

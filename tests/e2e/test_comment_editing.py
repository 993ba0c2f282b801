"""A commenter fixes their own comment within the site's edit window, and is refused, words kept, after it."""

import datetime
import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from comments.models import Comment
from tests.e2e.steps import fill_guest_comment, open_post, wait_out_form_timer

pytestmark = pytest.mark.django_db(transaction=True)


def post_a_comment(page, post, body):
    served = open_post(page, post)
    fill_guest_comment(page, name="Rosa", email="rosa@example.net", body=body)
    wait_out_form_timer(served)
    page.get_by_role("button", name="Post Comment").click()
    expect(page).to_have_url(re.compile(r"#comment-\d+$"))
    return Comment.objects.get(body=body)


def test_a_comment_is_edited_within_the_window(page, configure, post):
    configure(comment_flood_seconds=0, hold_first_comments=False)
    comment = post_a_comment(page, post, "Hazel rods work bset.")

    page.get_by_role("link", name="Edit or delete your comment").click()
    expect(page.get_by_role("heading", name="Edit your comment")).to_be_visible()
    box = page.get_by_label("Comment", exact=True)
    expect(box).to_have_value("Hazel rods work bset.")
    box.fill("Hazel rods work **best**.")
    page.get_by_role("button", name="Save Changes").click()

    expect(page).to_have_url(re.compile(rf"#comment-{comment.pk}$"))
    expect(page.get_by_role("status")).to_contain_text("Your comment was updated.")
    shown = page.locator(f"#comment-{comment.pk}")
    expect(shown.locator("strong")).to_have_text("best")
    expect(shown.locator(".comment-edited")).to_have_text("edited")
    assert Comment.objects.get().body == "Hazel rods work **best**."


def test_an_edit_after_the_window_is_refused_with_the_words_kept(page, configure, post):
    configure(comment_flood_seconds=0, hold_first_comments=False, comment_edit_minutes=10)
    comment = post_a_comment(page, post, "Hazel rods work bset.")
    page.get_by_role("link", name="Edit or delete your comment").click()
    page.get_by_label("Comment", exact=True).fill("Hazel rods, a little late.")
    # The reader leaves the form open past the ten minutes, then saves.
    Comment.objects.filter(pk=comment.pk).update(created_at=timezone.now() - datetime.timedelta(minutes=11))
    page.get_by_role("button", name="Save Changes").click()

    refusal = page.get_by_role("alert")
    expect(refusal).to_contain_text("The time to change this comment is over")
    expect(refusal).to_be_focused()
    expect(page.get_by_label("What you wrote, to copy:")).to_have_value("Hazel rods, a little late.")
    assert Comment.objects.get().body == "Hazel rods work bset."

    page.get_by_role("link", name="Back to the discussion").click()
    expect(page.locator(f"#comment-{comment.pk}")).to_contain_text("Hazel rods work bset.")
    expect(page.get_by_role("link", name="Edit or delete your comment")).to_have_count(0)

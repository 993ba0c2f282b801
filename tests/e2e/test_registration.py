"""A site closed to new members: sign-up, local or through a provider, ends on a page that says what to do."""

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import expect

from tests.e2e.steps import log_in_with_dummy

pytestmark = pytest.mark.django_db(transaction=True)


def test_closed_registration_refuses_local_sign_up(page, configure):
    configure(registration="closed")
    page.goto("/accounts/signup/")
    expect(page.get_by_role("heading", name="Sign-up is closed")).to_be_visible()
    page.locator("#content").get_by_role("link", name="Log in").click()
    expect(page.get_by_role("button", name="Sign In")).to_be_visible()


def test_closed_registration_refuses_a_new_account_through_a_provider(page, configure, post):
    configure(registration="closed", comment_flood_seconds=0)
    page.goto(post.get_absolute_url())
    page.get_by_label("Comment", exact=True).fill("Typed before logging in.")
    page.get_by_role("button", name="Log in with Dummy").click()
    log_in_with_dummy(page, "4343", "newcomer@example.org", "newcomer")
    expect(page.get_by_role("heading", name="Sign-up is closed")).to_be_visible()
    assert not get_user_model().objects.filter(username="newcomer").exists()

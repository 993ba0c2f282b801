"""Steps the browser tests share: opening a post with its comment form, logging in, filling the form."""

import time

from django.contrib.auth.models import Group, Permission

from accounts.roles import ROLES
from tests.factories import UserFactory

PASSWORD = "a-long-test-password"  # tests.factories.UserFactory's
# The comment form holds (for moderation) what is sent less than 3 s after it was served: a margin.
FORM_MIN_SECONDS = 3.1


def open_post(page, post):
    """Go to `post` and return when its page (with a fresh comment form) was served, for `wait_out_form_timer`."""
    page.goto(post.get_absolute_url())
    return time.monotonic()


def wait_out_form_timer(served):
    """Wait for what is left of the comment form's minimum filling time, counted from when it was served.

    A person needs more than three seconds to write a comment; a form sent sooner is held as likely
    spam. Tests that check what the other rules do to a comment wait out the rest of that time
    (the time spent typing counts).
    """
    left = served + FORM_MIN_SECONDS - time.monotonic()
    if left > 0:
        time.sleep(left)


def fill_guest_comment(page, *, name, email, body):
    page.get_by_label("Name *", exact=True).fill(name)
    page.get_by_label("Email *", exact=True).fill(email)
    page.get_by_label("Comment", exact=True).fill(body)


def log_in_with_dummy(page, account_id, email, username, **names):
    """Fill in the demo provider's login page (the form's "Log in with Dummy" was pressed) and send it."""
    page.get_by_label("Account ID").fill(account_id)
    page.get_by_label("Email:", exact=True).fill(email)
    page.get_by_label("Username").fill(username)
    for label, value in names.items():  # first_name="Rita" fills "First name"
        page.get_by_label(label.replace("_", " ").capitalize()).fill(value)
    page.get_by_role("button", name="Login").click()


def role(name):
    """One of the blogging roles: the group the migrations create, made again after an earlier test's flush."""
    group, created = Group.objects.get_or_create(name=name)
    if created:
        wanted = [permission.split(".") for permission in ROLES[name]]
        group.permissions.set(
            [Permission.objects.get(content_type__app_label=app, codename=code) for app, code in wanted]
        )
    return group


def blogger(username, role_name):
    """A staff account in one of the blogging roles."""
    user = UserFactory(username=username, is_staff=True)
    user.groups.add(role(role_name))
    return user


def log_in_to_admin(page, user):
    """Log in through the admin's login page (allauth's, in the theme) and land on the admin's index."""
    page.goto("/admin/")
    page.get_by_label("Login:", exact=True).fill(user.username)
    page.get_by_label("Password:", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Sign In").click()
    page.wait_for_url("**/admin/")

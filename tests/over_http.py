"""Using a Candid that runs in gunicorn as a reader does: logging in and commenting over HTTP."""

import re
import time

from django.contrib.auth.hashers import PBKDF2PasswordHasher
from django.core import signing

from comments.forms import SALT
from tests.factories import UserFactory

PASSWORD = "a-long-test-password"


def account(username):
    """A user whose password the instances can check (the test suite's own hasher is not theirs)."""
    user = UserFactory(username=username)
    type(user).objects.filter(pk=user.pk).update(password=PBKDF2PasswordHasher().encode(PASSWORD, "saltysalt"))
    return user


def form_fields(html):
    return dict(re.findall(r'name="(csrfmiddlewaretoken|issued)" value="([^"]+)"', html))


def a_minute_ago():
    """The comment form's timestamp of a reader who took a minute to write (sooner is held for moderation)."""
    return signing.dumps(time.time() - 60, salt=SALT)


def post_comment(session, base, post, body, **fields):
    page = session.get(base + post.get_absolute_url())
    data = {**form_fields(page.text), "post": post.pk, "name": "Rosa", "email": "rosa@example.net", "body": body}
    return session.post(base + "/comments/post/", data={**data, **fields}, headers={"Referer": base + "/"},
                        allow_redirects=False)  # fmt: skip


def log_in(session, base, username):
    token = form_fields(session.get(base + "/accounts/login/").text)["csrfmiddlewaretoken"]
    credentials = {"login": username, "password": PASSWORD, "csrfmiddlewaretoken": token}
    return session.post(base + "/accounts/login/", data=credentials, headers={"Referer": base + "/"},
                        allow_redirects=False)  # fmt: skip

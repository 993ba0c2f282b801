"""Posting comments in tests as a reader's browser would."""

import time

from django.core import signing

from comments.forms import SALT


def form_data(post, **fields):
    """The comment form as a reader sends it, filled in a minute ago."""
    data = {
        "post": post.pk,
        "name": "Rosa",
        "email": "rosa@example.net",
        "url": "",
        "body": "Hazel rods work best.",
        "issued": signing.dumps(time.time() - 60, salt=SALT),
        "website2": "",
    }
    data.update(fields)
    return {k: v for k, v in data.items() if v is not None}


def send(client, post, ip="203.0.113.5", **fields):
    return client.post("/comments/post/", form_data(post, **fields), REMOTE_ADDR=ip)


def refused_page(client, response):
    """The page a refused comment leads to: a 303 back to the post's form, which says why and keeps the text."""
    assert response.status_code == 303, f"expected a refusal, got {response.status_code}"
    assert response.url.endswith("#respond")
    return client.get(response.url).content.decode()

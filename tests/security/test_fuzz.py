"""Fuzzing the comment form and the search with generated input: never a server error."""

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from comments.models import Comment
from tests.commenting import form_data

pytestmark = pytest.mark.django_db

TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=300)
FUZZ = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@FUZZ
@given(body=TEXT, name=TEXT, email=TEXT, url=TEXT, parent=st.one_of(st.none(), TEXT), extra=TEXT)
def test_the_comment_form_never_fails_with_a_server_error(client, site, post, body, name, email, url, parent, extra):
    data = form_data(post, body=body, name=name, email=email, url=url, website2=extra)
    if parent is not None:
        data["parent"] = parent
    response = client.post("/comments/post/", data)
    assert response.status_code in (302, 303)  # posted, or refused back to the form
    assert client.get(response.url).status_code == 200  # the comment, or the form holding it with the reasons
    for comment in Comment.objects.all():
        assert "<script" not in comment.body_html


# Refused in any query string before anything reads it (config/request_guard.py): tabs and line breaks are text.
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


@FUZZ
@given(terms=TEXT, page=st.text(max_size=12))
def test_search_never_fails_with_a_server_error(client, terms, page):
    assert client.get("/", {"s": terms}).status_code == (400 if CONTROL.search(terms) else 200)
    assert client.get("/", {"s": terms, "cpage": page}).status_code == (400 if CONTROL.search(terms + page) else 200)


# Each passes str.isdigit() but is not a number int() or the database takes.
ODD_NUMBERS = ["²", "٣", "1²", "99999999999999999999999", "-1", " 7", ""]


@pytest.mark.parametrize("value", ODD_NUMBERS)
def test_odd_numbers_in_a_post_page_address_are_ignored(client, post, value):
    for parameter in ("cpage", "replytocom"):
        assert client.get(post.get_absolute_url(), {parameter: value}).status_code == 200


@pytest.mark.parametrize("value", ODD_NUMBERS)
def test_odd_numbers_as_the_commented_post_are_not_found(client, post, value):
    assert client.post("/comments/post/", {**form_data(post), "post": value}).status_code == 404
    assert client.post("/comments/login/dummy/", {"post": value, "body": "Hi"}).status_code == 404


@pytest.mark.parametrize("value", ODD_NUMBERS)
def test_odd_numbers_in_wordpress_links_are_not_found(client, value):
    for parameter in ("p", "page_id", "cat", "attachment_id"):
        assert client.get("/", {parameter: value}).status_code == 404


@FUZZ
@given(post_id=st.text(st.characters(categories=("Nd", "No")), min_size=1, max_size=30))
def test_any_digits_as_the_commented_post_never_fail(client, site, post, post_id):
    assert client.post("/comments/post/", {**form_data(post), "post": post_id}).status_code in (302, 404)

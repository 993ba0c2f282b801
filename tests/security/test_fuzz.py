"""Fuzzing the comment form and the search with generated input: never a server error."""

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
    assert response.status_code in (302, 400, 409, 429)
    for comment in Comment.objects.all():
        assert "<script" not in comment.body_html


@FUZZ
@given(terms=TEXT, page=st.text(max_size=12))
def test_search_never_fails_with_a_server_error(client, terms, page):
    assert client.get("/", {"s": terms}).status_code == 200
    assert client.get("/", {"s": terms, "cpage": page}).status_code == 200

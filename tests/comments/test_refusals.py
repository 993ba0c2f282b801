"""A refused comment: the answer is the post's form with the reasons in view and the text kept, safe to reload."""

import time

import pytest
from django.core import signing

from comments.forms import MAX_BODY, SALT
from comments.models import Comment
from tests.commenting import form_data, refused_page, send
from tests.factories import CommentFactory
from tests.html import parse_strict

pytestmark = pytest.mark.django_db

DUPLICATE = "Duplicate comment detected; it looks as though you’ve already said that!"


def summary(html):
    """The form's error summary: its attributes and its text."""
    found = parse_strict(html.encode()).find(".//div[@id='comment-errors']")
    return (dict(found.attrib), " ".join("".join(found.itertext()).split())) if found is not None else (None, "")


def test_a_refused_comment_is_answered_with_a_redirect_to_the_form(client, site, post):
    send(client, post)
    response = send(client, post, body="Hazel rods work best.", ip="198.51.100.7")
    assert response.status_code == 303
    assert response["Location"] == f"{post.get_absolute_url()}#respond"


def test_the_form_shows_why_in_a_summary_that_takes_focus_and_keeps_the_words(client, site, post):
    send(client, post)
    html = refused_page(client, send(client, post, ip="198.51.100.7"))
    attributes, text = summary(html)
    assert attributes["role"] == "alert" and attributes["aria-live"] == "assertive"
    assert attributes["tabindex"] == "-1"  # focused by comment-reply.js
    assert text.startswith("Your comment was not posted.") and DUPLICATE in text
    assert ">Hazel rods work best.</textarea>" in html.replace("\n", "")


def test_field_errors_are_listed_in_the_summary_with_links_to_their_fields(client, site, post):
    html = refused_page(client, send(client, post, email="not-an-address", name=""))
    form = parse_strict(html.encode()).find(".//div[@id='comment-errors']")
    links = {a.get("href"): "".join(a.itertext()) for a in form.iter("a")}
    assert links == {
        "#id_name": "Name *: This field is required.",
        "#id_email": "Email *: Enter a valid e-mail address, like name@example.com.",
    }


def test_reloading_the_answer_sends_nothing_and_says_it_once(client, site, post):
    send(client, post)
    response = send(client, post, ip="198.51.100.7")
    assert response.status_code == 303
    answer = client.get(response.url).content.decode()
    reload = client.get(response.url).content.decode()
    assert DUPLICATE in answer and DUPLICATE not in reload
    assert ">Hazel rods work best.</textarea>" in reload.replace("\n", "")  # the words stay until posted
    assert Comment.objects.count() == 1


def test_the_kept_words_go_once_the_comment_is_posted(client, site, post):
    refused_page(client, send(client, post, body="x"))
    assert send(client, post, body="A real comment now.").status_code == 302
    assert ">x</textarea>" not in client.get(post.get_absolute_url()).content.decode().replace("\n", "")


def test_the_kept_words_belong_to_their_post_only(client, site, post):
    from tests.factories import PostFactory

    refused_page(client, send(client, post, name="", body="Only for the bean poles."))
    assert "Only for the bean poles." not in client.get(PostFactory().get_absolute_url()).content.decode()


def test_a_reply_refused_on_a_later_page_returns_to_that_page(client, post, configure):
    configure(comment_flood_seconds=0, hold_first_comments=False, comments_per_page=1)
    CommentFactory(post=post)
    parent = CommentFactory(post=post, author_name="Tom")
    response = send(client, post, parent=parent.pk, name="")
    assert response["Location"] == f"{post.get_absolute_url()}?cpage=2#respond"
    html = refused_page(client, response)
    assert "Leave a Reply to Tom" in html


def test_a_form_too_old_is_refused_once_and_comes_back_fresh(client, site, post, monkeypatch):
    yesterday = time.time() - 60 * 60 * 25
    with monkeypatch.context() as past:
        past.setattr(time, "time", lambda: yesterday)
        old = signing.dumps(yesterday, salt=SALT)
    html = refused_page(client, send(client, post, issued=old, body="Typed yesterday."))
    assert "This form was open for too long." in summary(html)[1]
    form = parse_strict(html.encode()).find(".//form[@id='commentform']")
    again = {field.get("name"): field.get("value", "") for field in form.iter("input") if field.get("name")}
    assert again["issued"] != old
    again["body"] = "Typed yesterday."
    assert client.post("/comments/post/", again, REMOTE_ADDR="203.0.113.5").status_code == 302
    assert Comment.objects.get().body == "Typed yesterday."


def test_a_comment_over_the_limit_is_refused_with_every_character_kept(client, site, post):
    typed = "b" * (MAX_BODY + 1)
    html = refused_page(client, send(client, post, body=typed))
    assert f"Ensure this value has at most {MAX_BODY} characters (it has {MAX_BODY + 1})." in summary(html)[1]
    assert typed in html
    assert not Comment.objects.exists()


def test_a_megabyte_is_refused_without_filling_the_session(client, site, post):
    html = refused_page(client, send(client, post, body="b" * 1_000_000))
    assert "Ensure this value has at most" in summary(html)[1]
    assert len(client.session["comment_draft"]["data"]["body"]) == MAX_BODY + 1


def test_the_local_login_keeps_the_comment_and_comes_back_to_the_form(client, site, post):
    response = client.post("/comments/login/", form_data(post, body="Kept across the login."))
    assert response.status_code == 303
    assert response["Location"] == f"/accounts/login/?next={post.get_absolute_url().replace('/', '%2F')}%23respond"
    assert "Kept across the login." in client.get(post.get_absolute_url()).content.decode()

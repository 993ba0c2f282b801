"""Posting a comment as a reader: the good path, every kind of bad input, and what is shown after."""

import datetime

import pytest
from django.test import Client
from django.utils import timezone

from comments.models import Comment
from tests.commenting import form_data, refused_page, send
from tests.factories import CommentFactory, PostFactory, UserFactory
from tests.html import parse_fragment, parse_strict

pytestmark = pytest.mark.django_db


def test_guest_comment_is_saved_and_the_reader_lands_on_it(client, site, post):
    response = send(client, post)
    comment = Comment.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"{post.get_absolute_url()}#comment-{comment.pk}"
    assert (comment.author_name, comment.author_email, comment.status) == ("Rosa", "rosa@example.net", "approved")
    assert comment.ip_address == "203.0.113.5"
    assert "Hazel rods work best." in client.get(post.get_absolute_url()).content.decode()


def test_held_comment_is_shown_to_its_author_only(client, post, configure):
    configure(comment_flood_seconds=0)  # first comments are held by default
    send(client, post)
    comment = Comment.objects.get()
    assert comment.status == "pending"
    mine = client.get(post.get_absolute_url()).content.decode()
    assert "Your comment is awaiting moderation." in mine and "Hazel rods" in mine
    theirs = Client().get(post.get_absolute_url()).content.decode()
    assert "Hazel rods" not in theirs


def test_logged_in_reader_comments_as_themselves(client, site, post):
    reader = UserFactory(display_name="Helen A.")
    client.force_login(reader)
    page = client.get(post.get_absolute_url()).content.decode()
    assert 'name="email"' not in page and "You are commenting as <strong>Helen A.</strong>" in page
    send(client, post, name=None, email=None)
    comment = Comment.objects.get()
    assert comment.user == reader and comment.display_name == "Helen A."


def test_reply_nests_under_its_parent(client, site, post):
    parent = CommentFactory(post=post)
    send(client, post, parent=parent.pk)
    reply = Comment.objects.exclude(pk=parent.pk).get()
    assert reply.parent == parent and reply.path.startswith(parent.path + "/")


def test_reply_deeper_than_the_site_allows_joins_the_deepest_allowed_ancestor(client, site, post, configure):
    configure(thread_depth=3)
    level0 = CommentFactory(post=post)
    level1 = CommentFactory(post=post, parent=level0)
    level2 = CommentFactory(post=post, parent=level1)
    send(client, post, parent=level2.pk)
    reply = Comment.objects.order_by("-pk").first()
    assert reply.parent == level1 and reply.depth == 2


def test_too_deep_a_reply_under_a_deleted_ancestor_joins_the_nearest_one_left(client, site, post, configure):
    configure(thread_depth=3)
    level0 = CommentFactory(post=post)
    level1 = CommentFactory(post=post, parent=level0)
    level2 = CommentFactory(post=post, parent=level1)
    Comment.objects.filter(pk=level1.pk).delete()  # an editor deleting it for good, not trashing it
    assert send(client, post, parent=level2.pk).status_code == 302
    assert Comment.objects.order_by("-pk").first().parent == level0


def test_reply_form_without_javascript(client, site, post):
    parent = CommentFactory(post=post, author_name="Tom")
    html = client.get(post.get_absolute_url(), {"replytocom": parent.pk}).content.decode()
    assert "Leave a Reply to Tom" in html and "Cancel reply" in html
    assert f'name="parent" value="{parent.pk}"' in html
    assert f'href="?replytocom={parent.pk}#respond"' in html
    assert "Leave a Reply" in client.get(post.get_absolute_url()).content.decode()


@pytest.mark.parametrize(
    "fields, message",
    [
        ({"body": ""}, "Please write a comment before posting it."),
        ({"body": "   "}, "Please write a comment before posting it."),
        ({"body": "x" * 100_000}, "Ensure this value has at most 10000 characters"),
        ({"email": "not-an-address"}, "Enter a valid e-mail address, like name@example.com."),
        ({"name": ""}, "This field is required."),
        ({"url": "javascript:alert(1)"}, "Enter a valid URL."),
        ({"issued": "forged"}, "This form was not sent by this site."),
    ],
)
def test_bad_input_is_answered_in_the_form_with_the_text_kept(client, site, post, fields, message):
    data = {"body": "My carefully typed words.", **fields}
    html = refused_page(client, send(client, post, **data))
    assert message in html
    if data["body"].strip() and len(data["body"]) < 1000:
        assert "My carefully typed words." in html
    assert not Comment.objects.exists()
    parse_strict(html.encode())


def test_parent_from_another_post_or_not_approved_is_refused(client, site, post):
    elsewhere = CommentFactory(post=PostFactory())
    spam = CommentFactory(post=post, status="spam")
    for parent in (elsewhere, spam, 999999):
        html = refused_page(client, send(client, post, parent=getattr(parent, "pk", parent)))
        assert "The comment you are replying to is not on this post any more." in html
    assert Comment.objects.count() == 2


def test_a_reply_whose_parent_went_away_can_be_sent_again_as_a_new_comment(client, site, post):
    gone = CommentFactory(post=post, status="trash", author_name="Tom")
    html = refused_page(client, send(client, post, parent=gone.pk, body="My carefully typed words."))
    assert "Send yours again to post it as a new comment." in html
    assert "My carefully typed words." in html and "Leave a Reply to Tom" not in html
    form = parse_strict(html.encode()).find(".//form[@id='commentform']")
    again = {field.get("name"): field.get("value", "") for field in form.iter("input") if field.get("name")}
    again["body"] = "My carefully typed words."
    assert again["parent"] == ""
    assert client.post("/comments/post/", again, REMOTE_ADDR="203.0.113.5").status_code == 302
    assert Comment.objects.get(body="My carefully typed words.").parent is None


def test_unknown_or_unreadable_post_is_not_found(client, site, post):
    for wrong in (999999, "abc", ""):
        assert client.post("/comments/post/", {**form_data(post), "post": wrong}).status_code == 404
    draft = PostFactory(status="draft")
    assert client.post("/comments/post/", form_data(draft)).status_code == 404


def test_closed_post_refuses_comments_with_a_clear_page(client, site):
    closed = PostFactory(comment_status="closed")
    page = client.get(closed.get_absolute_url()).content.decode()
    assert "Comments are closed." in page and 'id="commentform"' not in page
    response = send(client, closed)
    assert response.status_code == 403
    assert "Comments are closed." in response.content.decode()
    assert not Comment.objects.exists()


def test_old_posts_close_automatically(client, configure):
    configure(comment_flood_seconds=0, close_comments_after_days=14)
    old = PostFactory(published_at=timezone.now() - datetime.timedelta(days=15))
    fresh = PostFactory(published_at=timezone.now() - datetime.timedelta(days=13))
    assert send(client, old).status_code == 403
    assert send(client, fresh).status_code == 302
    assert Comment.objects.get().post == fresh


def test_protected_post_takes_comments_only_once_unlocked(client, site):
    protected = PostFactory(password="stew")
    refused = send(client, protected)
    assert refused.status_code == 403
    assert "This post is password protected." in refused.content.decode()
    assert "Comments are closed." not in refused.content.decode()
    assert not Comment.objects.exists()
    client.post(protected.get_absolute_url(), {"password": "stew"})
    assert send(client, protected).status_code == 302
    assert Comment.objects.get().post == protected


def test_comment_form_needs_csrf(site, post):
    response = Client(enforce_csrf_checks=True).post("/comments/post/", form_data(post))
    assert response.status_code == 403
    assert not Comment.objects.exists()


def test_only_post_is_accepted(client, site):
    assert client.get("/comments/post/").status_code == 405


def test_scripts_in_any_field_are_never_stored_or_shown_as_markup(client, site, post):
    send(client, post, name='<script>alert("n")</script>', url="https://example.org/?q=<x>",
         body='<script>alert(1)</script><img src=x onerror=alert(2)><a href="javascript:alert(3)">x</a>')  # fmt: skip
    comment = Comment.objects.get()
    tree = parse_fragment(comment.body_html)
    assert not list(tree.iter("script")) and not list(tree.iter("img"))
    assert all(not a.get("href", "").startswith("javascript") for a in tree.iter("a"))
    html = client.get(post.get_absolute_url()).content.decode()
    assert '<script>alert("n")' not in html and "&lt;script&gt;alert(&quot;n&quot;)" in html


def test_links_in_comments_get_nofollow_ugc(client, site, post):
    send(client, post, body="See https://example.org/beans for more.")
    assert 'href="https://example.org/beans" rel="nofollow ugc"' in Comment.objects.get().body_html


def test_unicode_and_right_to_left_names_are_kept(client, site, post):
    send(client, post, name="מרים כהן", body="שלום, תודה על הפוסט")
    assert Comment.objects.get().author_name == "מרים כהן"
    assert "מרים כהן" in client.get(post.get_absolute_url()).content.decode()


def test_guest_details_are_remembered_only_with_consent(client, site, post):
    send(client, post)
    assert "comment_author" not in client.cookies or not client.cookies["comment_author"].value
    send(client, post, body="Second thought.", remember="on", ip="203.0.113.9")
    assert client.cookies["comment_author"]["httponly"]
    html = client.get(post.get_absolute_url()).content.decode()
    assert 'value="Rosa"' in html and 'value="rosa@example.net"' in html


def test_anonymous_comments_when_the_site_allows_them(client, site, post, configure):
    configure(require_name_email=False)
    send(client, post, name="", email="")
    assert Comment.objects.get().display_name == "Anonymous"


def test_honeypot_comment_is_kept_as_spam_and_never_shown(client, site, post):
    send(client, post, website2="http://spam.example")
    assert Comment.objects.get().status == "spam"
    assert "Hazel rods" not in client.get(post.get_absolute_url()).content.decode()


def test_form_sent_faster_than_a_person_types_is_held(client, site, post):
    import time

    from django.core import signing

    from comments.forms import SALT

    send(client, post, issued=signing.dumps(time.time(), salt=SALT))
    assert Comment.objects.get().status == "pending"


def test_readers_may_use_a_few_tags_but_nothing_more(client, site, post):
    send(client, post, body="<em>Really</em> <strong>good</strong>, see <a href='https://example.org'>this</a>.\n"
                            "<h1>Shout</h1><table><tr><td>t</td></tr></table>")  # fmt: skip
    html = Comment.objects.get().body_html
    assert "<em>Really</em>" in html and "<strong>good</strong>" in html
    assert '<a href="https://example.org" rel="nofollow ugc">this</a>' in html
    assert "<h1>" not in html and "<table>" not in html and "Shout" in html


def test_paragraphs_and_line_breaks_are_kept(client, site, post):
    send(client, post, body="First line\nsecond line\n\nNew paragraph")
    assert Comment.objects.get().body_html == "<p>First line<br>\nsecond line</p>\n<p>New paragraph</p>"


def test_a_comment_refused_for_its_expired_form_is_given_back_to_copy(post, site):
    client = Client(enforce_csrf_checks=True)
    typed = "A long thought about <b>hazel</b> rods."
    response = client.post(
        "/comments/post/", form_data(post, body=typed), HTTP_REFERER=f"http://testserver{post.get_absolute_url()}"
    )
    assert response.status_code == 403
    html = response.content.decode()
    assert "This form had expired" in html and "Nothing was saved" in html
    assert "A long thought about &lt;b&gt;hazel&lt;/b&gt; rods." in html
    assert f'href="http://testserver{post.get_absolute_url()}"' in html
    assert not Comment.objects.exists()


def test_the_expired_form_page_never_links_to_another_site(site):
    response = Client(enforce_csrf_checks=True).post("/comments/post/", {}, HTTP_REFERER="https://evil.example/")
    assert response.status_code == 403
    assert 'href="https://evil.example/"' not in response.content.decode()


def test_the_comment_box_says_what_readers_may_write(client, site, post):
    html = client.get(post.get_absolute_url()).content.decode()
    assert "[a link](https://example.com)" in html and "&gt; before a quote" in html

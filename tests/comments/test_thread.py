import hashlib
import re

import pytest
from defusedxml import ElementTree

from comments.models import Comment
from tests.factories import CommentFactory, PostFactory, UserFactory
from tests.html import parse_strict

pytestmark = pytest.mark.django_db


def test_path_orders_replies_under_their_parents():
    post = PostFactory()
    first = CommentFactory(post=post)
    second = CommentFactory(post=post)
    reply = CommentFactory(post=post, parent=first)
    deeper = CommentFactory(post=post, parent=reply)
    assert list(Comment.objects.filter(post=post)) == [first, reply, deeper, second]
    assert deeper.depth == 2


def nested_ids(html):
    """Map each comment id to the ids of its <li> ancestors, read from the page's markup."""
    tree = parse_strict(html)
    parents = {}

    def walk(element, ancestors):
        for child in element:
            if child.tag == "li" and child.get("id", "").startswith("comment-"):
                parents[child.get("id")] = ancestors
                walk(child, [*ancestors, child.get("id")])
            else:
                walk(child, ancestors)

    walk(tree, [])
    return parents


def test_post_page_nests_the_discussion(client, django_assert_max_num_queries):
    post = PostFactory(title="Seeds")
    a = CommentFactory(post=post)
    a1 = CommentFactory(post=post, parent=a)
    a1x = CommentFactory(post=post, parent=a1)
    a2 = CommentFactory(post=post, parent=a)
    b = CommentFactory(post=post)
    response = client.get(post.get_absolute_url())
    parents = nested_ids(response.content)
    cid = lambda c: f"comment-{c.pk}"  # noqa: E731
    assert parents[cid(a)] == []
    assert parents[cid(a1)] == [cid(a)]
    assert parents[cid(a1x)] == [cid(a), cid(a1)]
    assert parents[cid(a2)] == [cid(a)]
    assert parents[cid(b)] == []
    assert "5 thoughts on “Seeds”" in response.content.decode()


def test_reply_to_a_hidden_comment_nests_under_the_nearest_shown_one(client):
    post = PostFactory()
    a = CommentFactory(post=post)
    held = CommentFactory(post=post, parent=a, status=Comment.Status.PENDING, body="held back")
    reply = CommentFactory(post=post, parent=held)
    html = client.get(post.get_absolute_url()).content
    assert b"held back" not in html
    assert nested_ids(html)[f"comment-{reply.pk}"] == [f"comment-{a.pk}"]


def test_heading_counts_approved_comments_and_pings(client):
    post = PostFactory(title="Count me")
    CommentFactory(post=post)
    CommentFactory(post=post, kind=Comment.Kind.PINGBACK, author_name="Another blog")
    CommentFactory(post=post, status=Comment.Status.SPAM)
    html = client.get(post.get_absolute_url()).content.decode()
    assert "2 thoughts on “Count me”" in html
    assert "Another blog" in html


def test_one_comment_reads_one_thought(client):
    post = PostFactory(title="Lonely")
    CommentFactory(post=post)
    assert "One thought on “Lonely”" in client.get(post.get_absolute_url()).content.decode()


def test_closed_post_says_so(client):
    post = PostFactory(comment_status="closed")
    assert "Comments are closed." in client.get(post.get_absolute_url()).content.decode()


def test_comment_text_keeps_reader_tags_drops_scripts_and_links_get_nofollow_ugc():
    comment = CommentFactory(body="<b>bold?</b> see https://example.org/x\n\nsecond para <script>x</script> 1 < 2")
    assert "<b>bold?</b>" in comment.body_html
    assert "1 &lt; 2" in comment.body_html
    assert 'href="https://example.org/x" rel="nofollow ugc"' in comment.body_html
    assert comment.body_html.count("<p>") == 2
    assert "<script>" not in comment.body_html


def avatar_of(client, comment):
    """The avatar markup of `comment` on its post's page."""
    item = parse_strict(client.get(comment.post.get_absolute_url()).content).find(f".//li[@id='comment-{comment.pk}']")
    return item.find(".//footer")[0]


def test_a_reader_who_came_through_a_provider_has_their_picture(client, site):
    reader = UserFactory(avatar_url="https://pictures.example/ada.jpg")
    picture = avatar_of(client, CommentFactory(user=reader))
    assert (picture.tag, picture.get("src"), picture.get("alt")) == ("img", "https://pictures.example/ada.jpg", "")


def test_with_gravatars_allowed_a_guest_has_the_gravatar_of_their_address(client, configure):
    configure(show_gravatars=True)
    guest = CommentFactory(author_email="Rosa@Example.net ")
    digest = hashlib.sha256(b"rosa@example.net").hexdigest()
    picture = avatar_of(client, guest)
    assert picture.get("src") == f"https://gravatar.com/avatar/{digest}?s=64&d=identicon"
    assert picture.get("referrerpolicy") == "no-referrer"


def test_guests_have_an_identicon_drawn_here_that_tells_nothing_of_their_address(client, site):
    guest = CommentFactory(author_name="rosa", author_email="Rosa@Example.net ")
    picture = avatar_of(client, guest)
    assert re.fullmatch(r"/avatars/[0-9a-f]{20}\.svg", picture.get("src"))
    html = client.get(guest.post.get_absolute_url()).content.decode()
    assert "gravatar.com" not in html and "rosa@example.net" not in html.lower()
    for digest in (hashlib.md5, hashlib.sha256):
        assert digest(b"rosa@example.net").hexdigest()[:20] not in html


def test_one_guest_keeps_one_identicon_and_two_guests_have_two(client, site):
    post = PostFactory()
    rosa = CommentFactory(post=post, author_email="rosa@example.net")
    rosa_again = CommentFactory(post=post, author_email="ROSA@example.net")
    tom = CommentFactory(post=post, author_email="tom@example.org")
    sources = [avatar_of(client, comment).get("src") for comment in (rosa, rosa_again, tom)]
    assert sources[0] == sources[1] != sources[2]


def test_an_identicon_is_a_small_svg_kept_for_good(client):
    response = client.get("/avatars/0123456789abcdef0123.svg")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/svg+xml"
    assert response["Cache-Control"] == "public, max-age=31536000, immutable"
    svg = ElementTree.fromstring(response.content)
    assert svg.tag == "{http://www.w3.org/2000/svg}svg" and not svg.findall(".//{http://www.w3.org/2000/svg}script")
    assert client.get("/avatars/0123456789abcdef0123.svg").content == response.content


@pytest.mark.parametrize("name", ["0123", "0123456789ABCDEF0123", "0123456789abcdef012g", "../../etc/passwd"])
def test_an_identicon_with_a_malformed_name_is_not_found(client, name):
    assert client.get(f"/avatars/{name}.svg").status_code == 404


def test_pings_are_listed_apart_from_the_discussion(client):
    post = PostFactory()
    CommentFactory(post=post, author_name="Rosa")
    CommentFactory(post=post, kind=Comment.Kind.PINGBACK, author_name="Another blog")
    page = parse_strict(client.get(post.get_absolute_url()).content)
    pings = page.find(".//ol[@class='ping-list']")
    discussion = page.find(".//ol[@class='comment-list']")
    assert "Another blog" in "".join(pings.itertext()) and "Rosa" not in "".join(pings.itertext())
    assert "Another blog" not in "".join(discussion.itertext())


def test_the_posts_author_is_marked_and_a_guests_name_links_to_their_site(client):
    post = PostFactory()
    mine = CommentFactory(post=post, user=post.author)
    guest = CommentFactory(post=post, author_name="Rosa", author_url="https://rosa.example/")
    page = parse_strict(client.get(post.get_absolute_url()).content)
    author_item = page.find(f".//li[@id='comment-{mine.pk}']")
    assert "bypostauthor" in author_item.get("class")
    assert author_item.find(".//span[@class='author-badge']").text == "Post author"
    link = page.find(f".//li[@id='comment-{guest.pk}']//b[@class='fn']/a")
    assert (link.get("href"), link.get("rel"), link.text) == ("https://rosa.example/", "external nofollow ugc", "Rosa")
    assert "bypostauthor" not in page.find(f".//li[@id='comment-{guest.pk}']").get("class")

"""Videos and social posts from their address alone on a line: resolved once at save time, shown privacy-first."""

import io
import json
from urllib.parse import quote

import pytest
from PIL import Image as PILImage

from blog.media.embeds import MAX_ANSWER_BYTES, MAX_FETCHES_PER_TEXT, PLAYER_ORIGINS, kept_only
from blog.media.models import Embed
from tests.factories import PageFactory, PostFactory

pytestmark = pytest.mark.django_db

VIDEO = "https://www.youtube.com/watch?v=dQw4w9WgXcQ"
OEMBED = "https://www.youtube.com/oembed?format=json&url=" + quote(VIDEO, safe="")
THUMBNAIL = "https://i.ytimg.com/vi/dQw4w9WgXcQ/hqdefault.jpg"


def jpeg(size=(480, 360)):
    buffer = io.BytesIO()
    PILImage.new("RGB", size, (90, 20, 20)).save(buffer, format="JPEG")
    return buffer.getvalue()


def youtube_answer(**changes):
    answer = {"type": "video", "title": "Planting garlic <in> autumn", "author_name": "Allotment TV",
              "author_url": "https://www.youtube.com/@allotment", "thumbnail_url": THUMBNAIL,
              "html": '<iframe src="https://www.youtube.com/embed/dQw4w9WgXcQ"></iframe>'}  # fmt: skip
    return json.dumps({**answer, **changes}).encode()


def test_a_video_address_alone_in_its_paragraph_becomes_a_preview_that_asks_youtube_nothing(recorded):
    recorded.record(OEMBED, youtube_answer())
    recorded.record(THUMBNAIL, jpeg(), content_type="image/jpeg")
    post = PostFactory(format="markdown", body=f"Watch this:\n\n{VIDEO}\n\nThen plant.")
    html = post.body_html
    assert 'class="embed embed-video"' in html
    assert 'data-player="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1"' in html
    assert f'href="{VIDEO}"' in html  # without JavaScript, a link to the video
    assert "Planting garlic &lt;in&gt; autumn" in html and "<iframe" not in html
    embed = Embed.objects.get()
    assert embed.thumbnail.startswith("embeds/") and f'src="/media/{embed.thumbnail}"' in html
    assert "ytimg.com" not in html and "youtube.com/embed" not in html
    assert "<p>Watch this:</p>" in html and "<p>Then plant.</p>" in html


@pytest.mark.parametrize(
    "written",
    [VIDEO, f'<a href="{VIDEO}">{VIDEO}</a>', f"[embed]{VIDEO}[/embed]", "https://youtu.be/dQw4w9WgXcQ"],
    ids=["bare", "linked-to-itself", "wordpress-embed", "short-address"],
)
def test_each_way_of_writing_the_address_alone_is_an_embed(recorded, written):
    recorded.record(OEMBED, youtube_answer(thumbnail_url=""))
    short = "https://www.youtube.com/oembed?format=json&url=" + quote("https://youtu.be/dQw4w9WgXcQ", safe="")
    recorded.record(short, youtube_answer(thumbnail_url=""))
    post = PostFactory(format="html", body=f"<p>{written}</p>")
    assert "embed-video" in post.body_html


def test_an_address_inside_a_sentence_stays_a_link(recorded):
    post = PostFactory(format="html", body=f'<p>See <a href="{VIDEO}">this video</a> first.</p>')
    assert "embed" not in post.body_html and recorded.ASKED == []


def test_a_page_shows_embeds_too_and_a_second_save_asks_the_provider_nothing(recorded):
    recorded.record(OEMBED, youtube_answer(thumbnail_url=""))
    page = PageFactory(format="html", body=f"<p>{VIDEO}</p>")
    assert "embed-video" in page.body_html
    asked = list(recorded.ASKED)
    PostFactory(format="html", body=f"<p>{VIDEO}</p>")
    page.save()
    assert asked == recorded.ASKED  # kept in Embed: asked once


@pytest.mark.parametrize(
    ("status", "body", "content_type"),
    [
        (500, b"Internal error", "text/plain"),
        (200, b"<html><body>Not an API</body></html>", "text/html"),
        (200, b"{not json", "application/json"),
        (200, b"[1, 2]", "application/json"),
        (200, b'{"title": "' + b"x" * MAX_ANSWER_BYTES + b'"}', "application/json"),
    ],
    ids=["server-error", "html-instead-of-json", "broken-json", "not-an-object", "huge-body"],
)
def test_a_provider_that_cannot_say_leaves_a_working_link_and_the_save_succeeds(recorded, status, body, content_type):
    recorded.record(OEMBED, body, status=status, content_type=content_type)
    post = PostFactory(format="html", body=f"<p>{VIDEO}</p>")
    assert post.pk and "embed" not in post.body_html and VIDEO in post.body_html
    assert not Embed.objects.exists()


def test_a_redirect_loop_leaves_a_link(recorded):
    recorded.record(OEMBED, b"", status=302, location=OEMBED + "&again=1")
    recorded.record(OEMBED + "&again=1", b"", status=302, location=OEMBED)
    post = PostFactory(format="html", body=f"<p>{VIDEO}</p>")
    assert "embed" not in post.body_html and len(recorded.ASKED) == 4  # the first ask and three redirects


def test_a_thumbnail_that_is_not_an_image_is_left_out_and_the_video_still_shows(recorded):
    recorded.record(OEMBED, youtube_answer())
    recorded.record(THUMBNAIL, b"<script>alert(1)</script>", content_type="image/jpeg")
    post = PostFactory(format="html", body=f"<p>{VIDEO}</p>")
    assert "embed-video" in post.body_html and "<img" not in post.body_html
    assert Embed.objects.get().thumbnail == ""


def test_an_unknown_site_is_never_asked(recorded):
    post = PostFactory(format="html", body="<p>https://example.com/some/page</p>")
    assert "embed" not in post.body_html and recorded.ASKED == []


def test_a_social_post_becomes_a_quotation_with_a_link_and_never_the_providers_script(recorded):
    toot = "https://bsky.app/profile/gardener.bsky.social/post/3kabc"
    answer = {"author_name": "A Gardener", "author_url": "javascript:alert(1)",
              "html": '<blockquote class="bluesky-embed"><p>First frost &amp; the leeks <b>stand</b>.</p>'
                      '</blockquote><script async src="https://embed.bsky.app/static/embed.js"></script>'}  # fmt: skip
    recorded.record("https://embed.bsky.app/oembed?url=" + quote(toot, safe=""), json.dumps(answer).encode())
    post = PostFactory(format="html", body=f"<p>{toot}</p>")
    html = post.body_html
    assert "<blockquote" in html and "First frost &amp; the leeks stand." in html
    assert "<script" not in html and "embed.js" not in html and "javascript:" not in html
    assert f'<a href="{toot}">on Bluesky</a>' in html and "A Gardener" in html


def test_a_mastodon_post_is_asked_of_its_own_server(recorded):
    toot = "https://social.example/@jane/112233"
    recorded.record(
        "https://social.example/api/oembed?url=" + quote(toot, safe=""),
        json.dumps({"author_name": "Jane", "html": '<iframe src="https://social.example/embed"></iframe>'}).encode(),
    )
    post = PostFactory(format="html", body=f"<p>{toot}</p>")
    assert "embed-post" in post.body_html and "<iframe" not in post.body_html


def test_no_more_than_ten_new_addresses_are_asked_about_in_one_save(recorded):
    videos = [f"https://vimeo.com/{n}" for n in range(1, MAX_FETCHES_PER_TEXT + 3)]
    PostFactory(format="html", body="".join(f"<p>{video}</p>" for video in videos))
    assert len(recorded.ASKED) == MAX_FETCHES_PER_TEXT


def test_the_players_are_the_only_frames_the_site_allows(client, post):
    policy = client.get(post.get_absolute_url())["Content-Security-Policy"]
    frame_src = next(part for part in policy.split(";") if part.strip().startswith("frame-src")).split()[1:]
    assert frame_src == PLAYER_ORIGINS


def test_while_importing_only_kept_embeds_show_and_no_provider_is_asked(recorded):
    Embed.objects.create(url="https://vimeo.com/1", provider="Vimeo", kind="video", title="Kept")
    with kept_only():
        post = PostFactory(format="html", body="<p>https://vimeo.com/1</p><p>https://vimeo.com/2</p>")
    assert "Kept" in post.body_html and "<p>https://vimeo.com/2</p>" in post.body_html
    assert recorded.ASKED == []

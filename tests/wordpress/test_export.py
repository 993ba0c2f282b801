"""`manage.py export_wordpress`: the whole site as a WXR 1.2 file that WordPress (and Candid) can import."""

import datetime
import io
import re
from email.utils import parsedate_to_datetime

import pytest
from defusedxml import ElementTree
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from blog.media.models import Image
from blog.models import Post
from comments.models import Comment
from tests.factories import CategoryFactory, CommentFactory, PageFactory, PostFactory, TagFactory, UserFactory
from tests.media_factories import GalleryItemFactory, ImageFactory
from wordpress.export import ATTACHMENT_ID_BASE, CLASH_OFFSET, PAGE_ID_BASE, TAG_ID_BASE, export_wxr

pytestmark = pytest.mark.django_db

BASE = "https://blog.example.com"
NS = {
    "wp": "http://wordpress.org/export/1.2/",
    "content": "http://purl.org/rss/1.0/modules/content/",
    "excerpt": "http://wordpress.org/export/1.2/excerpt/",
    "dc": "http://purl.org/dc/elements/1.1/",
    "wfw": "http://wellformedweb.org/CommentAPI/",
}
# 15:30 UTC is 10:30 in Chicago, on summer time by the end of March.
NOON = datetime.datetime(2011, 3, 28, 15, 30, tzinfo=datetime.UTC)
TRICKY_BODY = 'An <em>HTML</em> body with a CDATA end ]]> inside, twice: ]]>]]>, "quotes" & ampersands.'


def export(**kwargs):
    """Return (the exported text, its parsed root, the counts) for the current database."""
    out = io.StringIO()
    counts = export_wxr(out, BASE, **kwargs)
    return out.getvalue(), ElementTree.fromstring(out.getvalue().encode()), counts


def items(root):
    """The items, keyed by title."""
    return {item.findtext("title"): item for item in root.iter("item")}


def wp(element, name):
    return element.findtext(f"wp:{name}", namespaces=NS)


def terms(item, domain):
    return {c.get("nicename"): c.text for c in item.findall("category") if c.get("domain") == domain}


def meta(item):
    return {m.findtext("wp:meta_key", namespaces=NS): m.findtext("wp:meta_value", namespaces=NS)
            for m in item.findall("wp:postmeta", NS)}  # fmt: skip


@pytest.fixture
def blog(configure):
    """A representative site: every kind of post, a page tree, categories, a discussion and images."""
    configure(title="Wrenfield Notes", tagline="Gardens & suppers", time_zone="America/Chicago")
    alice = UserFactory(username="alice", display_name="Alice Martin", first_name="Alice", last_name="Martin")
    bruno = UserFactory(username="bruno", display_name="Bruno Keller")
    garden = CategoryFactory(name="Garden", slug="garden", description="Beds, seeds and compost.")
    seeds = CategoryFactory(name="Seeds", slug="seeds", parent=garden)
    imported = CategoryFactory(name="Old News", slug="old-news", wp_id=9)
    growth, zurich = TagFactory(name="growth"), TagFactory(name="Zürich", slug="zürich")
    html = PostFactory(
        title="Crème brûlée & beans",
        slug="creme-brulee-beans",
        author=alice,
        format="html",
        body=TRICKY_BODY,
        published_at=NOON,
        categories=[seeds, imported],
        tags=[growth, zurich],
    )
    posts = {
        "html": html,
        "sticky": PostFactory(title="Pinned", author=bruno, sticky=True, comment_status=Post.CommentStatus.CLOSED),
        "scheduled": PostFactory(
            author=alice, title="Soon", status=Post.Status.SCHEDULED, published_at=NOON.replace(year=2031)
        ),
        "draft": PostFactory(author=alice, title="Half an idea", status=Post.Status.DRAFT, published_at=None),
        "pending": PostFactory(author=alice, title="For review", status=Post.Status.PENDING, published_at=None),
        "private": PostFactory(author=alice, title="Just us", status=Post.Status.PRIVATE),
        "password": PostFactory(author=alice, title="Secret stew", password="paprika"),
        "imported": PostFactory(author=alice, title="From the old blog", wp_id=4242),
    }
    about = PageFactory(title="About", slug="about", author=alice, menu_order=2)
    team = PageFactory(title="Team", slug="team", parent=about, author=bruno, menu_order=5, format="html")
    top = CommentFactory(
        post=html,
        author_name="Rosa",
        author_email="rosa@example.org",
        author_url="https://rosa.example.org/?a=1&b=2",
        ip_address="192.0.2.7",
        body="First! <b>Bold</b> claim ]]> here.",
        created_at=NOON + datetime.timedelta(hours=1),
    )
    reply = CommentFactory(post=html, parent=top, user=alice, author_name="", author_email="", body="Thanks, Rosa.")
    pingback = CommentFactory(post=html, kind=Comment.Kind.PINGBACK, author_name="Another blog", body="[…] mentions")
    spam = CommentFactory(post=html, status=Comment.Status.SPAM, body="Cheap shoes")
    held = CommentFactory(post=html, status=Comment.Status.PENDING, body="Wait for me")
    trashed = CommentFactory(post=html, status=Comment.Status.TRASH, body="Gone")
    photo = ImageFactory(title="Bean rows", alt_text="Three rows of runner beans", caption="June", uploaded_by=bruno)
    GalleryItemFactory(post=html, image=photo)
    posts["sticky"].featured_image = photo
    posts["sticky"].save()
    lost = Image.objects.create(alt_text="A lost picture", source_url="https://old.example.com/uploads/lost.jpg")
    UserFactory(username="reader")  # wrote nothing: not an author
    return {
        **posts, "about": about, "team": team, "garden": garden, "seeds": seeds, "imported_category": imported,
        "growth": growth, "zurich": zurich, "top": top, "reply": reply, "pingback": pingback, "spam": spam,
        "held": held, "trashed": trashed, "photo": photo, "lost": lost, "alice": alice, "bruno": bruno,
    }  # fmt: skip


def test_the_file_is_well_formed_wxr_1_2_with_wordpress_namespaces_and_channel(blog):
    text, root, _ = export()
    assert text.startswith('<?xml version="1.0" encoding="UTF-8" ?>')
    for prefix, uri in NS.items():
        assert f'xmlns:{prefix}="{uri}"' in text
    channel = root.find("channel")
    assert root.tag == "rss" and root.get("version") == "2.0"
    assert channel.findtext("title") == "Wrenfield Notes"
    assert channel.findtext("description") == "Gardens & suppers"
    assert channel.findtext("link") == BASE
    assert channel.findtext("language") == "en-US"
    assert parsedate_to_datetime(channel.findtext("pubDate")).tzinfo is not None
    assert wp(channel, "wxr_version") == "1.2"
    assert wp(channel, "base_site_url") == wp(channel, "base_blog_url") == BASE


def test_authors_are_everyone_who_wrote_a_post_or_page_or_uploaded_an_image(blog):
    _, root, counts = export()
    authors = {wp(a, "author_login"): a for a in root.iter(f"{{{NS['wp']}}}author")}
    assert "reader" not in authors
    assert set(authors) == {"alice", "bruno"} and counts["authors"] == 2
    alice = authors["alice"]
    assert wp(alice, "author_id") == str(blog["alice"].pk)
    assert wp(alice, "author_email") == "alice@example.com"
    assert wp(alice, "author_display_name") == "Alice Martin"
    assert (wp(alice, "author_first_name"), wp(alice, "author_last_name")) == ("Alice", "Martin")


def test_categories_keep_their_tree_and_tags_follow_with_their_ids(blog):
    _, root, counts = export()
    categories = {wp(c, "category_nicename"): c for c in root.iter(f"{{{NS['wp']}}}category")}
    assert list(categories).index("garden") < list(categories).index("seeds")  # parents before their children
    assert wp(categories["seeds"], "category_parent") == "garden"
    assert wp(categories["garden"], "category_parent") == ""
    assert wp(categories["garden"], "category_description") == "Beds, seeds and compost."
    assert wp(categories["seeds"], "cat_name") == "Seeds"
    assert wp(categories["seeds"], "term_id") == str(blog["seeds"].pk)
    assert wp(categories["old-news"], "term_id") == "9"  # the id it was imported with
    tags = {wp(t, "tag_slug"): t for t in root.iter(f"{{{NS['wp']}}}tag")}
    assert wp(tags["zürich"], "tag_name") == "Zürich"
    assert wp(tags["growth"], "term_id") == str(TAG_ID_BASE + blog["growth"].pk)
    assert (counts["categories"], counts["tags"]) == (3, 2)


def test_a_published_post_carries_every_wordpress_field(blog):
    _, root, _ = export()
    item = items(root)["Crème brûlée & beans"]
    post = blog["html"]
    assert item.findtext("link") == f"{BASE}/2011/03/28/creme-brulee-beans/"
    assert parsedate_to_datetime(item.findtext("pubDate")) == NOON
    assert item.findtext("pubDate").endswith("+0000")
    assert item.findtext("dc:creator", namespaces=NS) == "alice"
    assert item.find("guid").get("isPermaLink") == "false"
    assert item.findtext("guid") == f"{BASE}/?p={post.pk}"
    assert item.findtext("description") == ""
    assert item.findtext("content:encoded", namespaces=NS) == TRICKY_BODY
    assert item.findtext("excerpt:encoded", namespaces=NS) == ""
    assert wp(item, "post_id") == str(post.pk)
    assert wp(item, "post_date") == "2011-03-28 10:30:00"  # the site's time zone
    assert wp(item, "post_date_gmt") == "2011-03-28 15:30:00"
    assert re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d", wp(item, "post_modified_gmt"))
    assert wp(item, "comment_status") == "open"
    assert wp(item, "ping_status") == "closed"
    assert wp(item, "post_name") == "creme-brulee-beans"
    assert wp(item, "status") == "publish"
    assert (wp(item, "post_parent"), wp(item, "menu_order")) == ("0", "0")
    assert wp(item, "post_type") == "post"
    assert wp(item, "post_password") == ""
    assert wp(item, "is_sticky") == "0"
    assert terms(item, "category") == {"seeds": "Seeds", "old-news": "Old News"}
    assert terms(item, "post_tag") == {"growth": "growth", "zürich": "Zürich"}


def test_statuses_flags_and_passwords_map_to_wordpress(blog):
    _, root, counts = export()
    found = items(root)
    status = {title: wp(item, "status") for title, item in found.items() if wp(item, "post_type") == "post"}
    assert status == {
        "Crème brûlée & beans": "publish", "Pinned": "publish", "Soon": "future", "Half an idea": "draft",
        "For review": "pending", "Just us": "private", "Secret stew": "publish", "From the old blog": "publish",
    }  # fmt: skip
    assert counts["posts"] == 8
    assert wp(found["Pinned"], "is_sticky") == "1"
    assert wp(found["Pinned"], "comment_status") == "closed"
    assert wp(found["Secret stew"], "post_password") == "paprika"
    assert wp(found["Soon"], "post_date_gmt") == "2031-03-28 15:30:00"


def test_a_draft_with_no_date_has_wordpress_empty_dates(blog):
    _, root, _ = export()
    draft = items(root)["Half an idea"]
    assert wp(draft, "post_date") == wp(draft, "post_date_gmt") == "0000-00-00 00:00:00"
    assert draft.findtext("pubDate") == ""
    assert draft.findtext("link") == f"{BASE}/?p={blog['draft'].pk}"


def test_a_markdown_post_is_exported_as_its_html_with_its_markers(configure):
    configure()
    source = "Teaser with [a link](/about/).\n\n<!--more-->\n\nThe rest.\n\n<!--nextpage-->\n\nPage *two*."
    PostFactory(title="Markdown", body=source, format="markdown")
    _, root, _ = export()
    content = items(root)["Markdown"].findtext("content:encoded", namespaces=NS)
    assert content == (
        f'<p>Teaser with <a href="{BASE}/about/">a link</a>.</p>\n<!--more-->\n<p>The rest.</p>'
        "\n<!--nextpage-->\n<p>Page <em>two</em>.</p>"
    )


def test_a_hand_written_excerpt_is_exported_and_replaces_the_more_marker(configure):
    configure()
    PostFactory(title="Markdown", excerpt="In *short*.", body="One.\n\n<!--more-->\n\nTwo.")
    PostFactory(title="HTML", format="html", excerpt="In <em>short</em>.", body="<p>Body</p>")
    _, root, _ = export()
    found = items(root)
    assert found["Markdown"].findtext("excerpt:encoded", namespaces=NS) == "<p>In <em>short</em>.</p>"
    assert "more" not in found["Markdown"].findtext("content:encoded", namespaces=NS)
    assert found["HTML"].findtext("excerpt:encoded", namespaces=NS) == "In <em>short</em>."


def test_pages_keep_their_parent_order_and_address(blog):
    _, root, counts = export()
    found = items(root)
    about, team = found["About"], found["Team"]
    assert wp(team, "post_type") == "page" and wp(team, "status") == "publish"
    assert wp(about, "post_id") == str(PAGE_ID_BASE + blog["about"].pk)
    assert wp(team, "post_parent") == wp(about, "post_id")
    assert wp(about, "post_parent") == "0"
    assert (wp(about, "menu_order"), wp(team, "menu_order")) == ("2", "5")
    assert team.findtext("link") == f"{BASE}/about/team/"
    assert team.findtext("guid") == f"{BASE}/?page_id={wp(team, 'post_id')}"
    assert team.findtext("content:encoded", namespaces=NS) == "Some words about this site."
    assert about.findtext("content:encoded", namespaces=NS) == "<p>Some words about this site.</p>"
    assert counts["pages"] == 2


def test_every_comment_comes_with_its_thread_status_and_kind(blog):
    _, root, counts = export()
    post = items(root)["Crème brûlée & beans"]
    comments = {wp(c, "comment_id"): c for c in post.findall("wp:comment", NS)}
    assert len(comments) == counts["comments"] == 6
    top = comments[str(blog["top"].pk)]
    assert wp(top, "comment_author") == "Rosa"
    assert wp(top, "comment_author_email") == "rosa@example.org"
    assert wp(top, "comment_author_url") == "https://rosa.example.org/?a=1&b=2"
    assert wp(top, "comment_author_IP") == "192.0.2.7"
    assert wp(top, "comment_date") == "2011-03-28 11:30:00"
    assert wp(top, "comment_date_gmt") == "2011-03-28 16:30:00"
    assert wp(top, "comment_content") == "First! <b>Bold</b> claim ]]> here."
    assert (wp(top, "comment_approved"), wp(top, "comment_type")) == ("1", "comment")
    assert (wp(top, "comment_parent"), wp(top, "comment_user_id")) == ("0", "0")
    reply = comments[str(blog["reply"].pk)]
    assert wp(reply, "comment_parent") == str(blog["top"].pk)
    assert wp(reply, "comment_user_id") == str(blog["alice"].pk)
    assert (wp(reply, "comment_author"), wp(reply, "comment_author_email")) == ("Alice Martin", "alice@example.com")
    assert wp(comments[str(blog["pingback"].pk)], "comment_type") == "pingback"
    approved = {name: wp(comments[str(blog[name].pk)], "comment_approved") for name in ("spam", "held", "trashed")}
    assert approved == {"spam": "spam", "held": "0", "trashed": "trash"}


def test_images_are_attachments_under_the_post_whose_gallery_holds_them(blog):
    _, root, counts = export()
    found = items(root)
    photo, post = found["Bean rows"], found["Crème brûlée & beans"]
    url = f"{BASE}/media/{blog['photo'].file.name}"
    assert wp(photo, "post_type") == "attachment" and wp(photo, "status") == "inherit"
    assert wp(photo, "attachment_url") == url == photo.findtext("guid")
    assert wp(photo, "post_id") == str(ATTACHMENT_ID_BASE + blog["photo"].pk)
    assert wp(photo, "post_parent") == wp(post, "post_id")
    assert photo.findtext("dc:creator", namespaces=NS) == "bruno"
    assert photo.findtext("excerpt:encoded", namespaces=NS) == "June"
    assert meta(photo) == {
        "_wp_attached_file": blog["photo"].file.name,
        "_wp_attachment_image_alt": blog["photo"].alt_text,
    }
    assert meta(found["Pinned"]) == {"_thumbnail_id": wp(photo, "post_id")}  # featured there, not its parent
    assert counts["attachments"] == 2


def test_an_image_without_its_file_points_to_where_it_came_from(blog):
    blog["private"].featured_image = blog["lost"]  # featured, in no gallery: attached to no post
    blog["private"].save()
    _, root, _ = export()
    lost = next(i for i in root.iter("item") if meta(i).get("_wp_attachment_image_alt") == "A lost picture")
    assert wp(lost, "attachment_url") == "https://old.example.com/uploads/lost.jpg"
    assert wp(lost, "post_parent") == "0"
    assert "_wp_attached_file" not in meta(lost)


def test_cdata_ends_inside_text_are_split_as_wordpress_does_and_read_back_intact(blog):
    text, root, _ = export()
    assert "]]]]><![CDATA[>" in text
    assert items(root)["Crème brûlée & beans"].findtext("content:encoded", namespaces=NS) == TRICKY_BODY


def test_characters_xml_cannot_hold_are_dropped_rather_than_breaking_the_file(configure):
    configure()
    PostFactory(title="Bell\x07", format="html", body="Form\x0cfeed and a tab\tstay")
    _, root, _ = export()
    assert items(root)["Bell"].findtext("content:encoded", namespaces=NS) == "Formfeed and a tab\tstay"


def test_ids_keep_imported_wp_ids_and_never_repeat_across_posts_pages_and_images(blog):
    clashing = PostFactory(title="Born here")
    PageFactory(title="Imported page", wp_id=clashing.pk)  # an imported page whose old id is that post's pk
    _, root, _ = export()
    found = items(root)
    assert wp(found["From the old blog"], "post_id") == "4242"
    assert wp(found["Imported page"], "post_id") == str(clashing.pk)
    assert wp(found["Born here"], "post_id") == str(CLASH_OFFSET + clashing.pk)
    ids = [wp(item, "post_id") for item in root.iter("item")]
    assert len(ids) == len(set(ids))
    assert export()[0].count("<wp:post_id>") == len(ids)  # and the same again next time
    assert [wp(i, "post_id") for i in export()[1].iter("item")] == ids


def test_query_count_does_not_grow_with_the_number_of_posts(configure, django_assert_max_num_queries):
    configure()
    category, tag = CategoryFactory(), TagFactory()

    def add_posts(n):
        for _ in range(n):
            post = PostFactory(categories=[category], tags=[tag])
            parent = CommentFactory(post=post)
            CommentFactory(post=post, parent=parent, user=post.author)
            GalleryItemFactory(post=post)
        PageFactory()

    add_posts(5)
    with CaptureQueriesContext(connection) as five_posts:
        export()
    add_posts(35)
    with django_assert_max_num_queries(len(five_posts)):
        _, _, counts = export()
    assert counts["posts"] == 40 and counts["comments"] == 80 and counts["attachments"] == 40


def test_the_command_writes_the_file_and_a_summary(blog, tmp_path):
    path = tmp_path / "site.xml"
    err = io.StringIO()
    call_command("export_wordpress", "-o", str(path), "--base-url", BASE + "/", stdout=io.StringIO(), stderr=err)
    root = ElementTree.fromstring(path.read_bytes())
    assert wp(root.find("channel"), "base_site_url") == BASE
    assert err.getvalue().strip() == (
        f"Wrote {path}: 2 authors, 3 categories, 2 tags, 8 posts, 2 pages, 2 attachments, 6 comments."
    )


def test_the_command_writes_to_standard_output_by_default(blog, settings):
    settings.SITE_URL = "https://notes.example.net"
    out, err = io.StringIO(), io.StringIO()
    call_command("export_wordpress", stdout=out, stderr=err)
    root = ElementTree.fromstring(out.getvalue().encode())
    assert root.find("channel").findtext("link") == "https://notes.example.net"
    assert err.getvalue() == ""


def test_without_a_base_url_the_command_uses_the_local_server_and_says_so(configure):
    configure()
    out, err = io.StringIO(), io.StringIO()
    call_command("export_wordpress", stdout=out, stderr=err)
    assert "http://localhost:8000" in err.getvalue()
    assert ElementTree.fromstring(out.getvalue().encode()).find("channel").findtext("link") == "http://localhost:8000"


@pytest.mark.parametrize("where", ["missing-folder/site.xml", "."])
def test_an_unwritable_output_path_is_a_clear_error(configure, tmp_path, where):
    configure()
    with pytest.raises(CommandError, match=r"^Cannot write .+: .+\.$"):
        call_command("export_wordpress", "-o", str(tmp_path / where), stderr=io.StringIO())


def test_a_base_url_that_is_not_a_site_address_is_a_clear_error(configure):
    configure()
    with pytest.raises(CommandError, match="is not a site address"):
        call_command("export_wordpress", "--base-url", "blog.example.com", stdout=io.StringIO())


def test_an_export_that_fails_half_way_leaves_no_half_written_file(configure, tmp_path, monkeypatch):
    configure()

    def disk_full(out, base_url):
        out.write("<?xml")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("wordpress.management.commands.export_wordpress.export_wxr", disk_full)
    path = tmp_path / "site.xml"
    with pytest.raises(CommandError, match="No space left on device"):
        call_command("export_wordpress", "-o", str(path), "--base-url", BASE)
    assert not path.exists()

"""`manage.py import_wordpress`: everything a WordPress blog holds comes over, and every old link still works."""

import datetime
import io

import pytest
from django.core.management import CommandError, call_command

from blog.models import Category, LegacyURL, Page, Post, Tag
from comments.models import Comment
from tests.wordpress.wxr_builder import comment, item, wxr

pytestmark = pytest.mark.django_db

AUTHORS = [{"id": 2, "login": "alice", "email": "alice@example.com", "name": "Alice Martin"},
           {"id": 3, "login": "bruno", "email": "bruno@example.com", "name": "Bruno Keller"}]  # fmt: skip
CATEGORIES = [{"id": 7, "slug": "marketing", "name": "Marketing"},
              {"id": 9, "slug": "email", "name": "Email", "parent": "marketing"},
              {"id": 8, "slug": "social-media", "name": "Social Media"}]  # fmt: skip
TAGS = [{"id": 11, "slug": "growth", "name": "growth"}]

BODY = (
    "First paragraph\nwith a line break.\n\nSecond paragraph.\n\n<!--more-->\n\nThe rest.\n\n<ul>\n<li>one</li>\n</ul>"
)


def blog_export(**overrides):
    thread = [
        comment(102, parent=101, author="Tom", content="A reply that comes first in the file."),
        comment(101, author="Rosa", content="The first comment."),
        comment(103, parent=102, author="Alice Martin", email="alice@example.com", user_id=2, content="Author reply."),
        comment(104, author="Another blog", type="pingback", url="https://elsewhere.example/post/", content="[…]"),
        comment(105, approved="0", content="Held comment"),
        comment(106, approved="spam", content="Buy cheap shoes"),
        comment(107, approved="trash", content="Trashed"),
    ]
    items = [
        item(
            1,
            title="Launch day",
            content=BODY,
            categories=[("marketing", "Marketing"), ("social-media", "Social Media")],
            tags=[("growth", "growth")],
            comments=thread,
            sticky=True,
        ),
        item(
            2, title="Closed one", comment_status="closed", date="2011-04-02 09:30:00", date_gmt="2011-04-02 08:30:00"
        ),
        item(3, title="Draft idea", status="draft", date="0000-00-00 00:00:00", date_gmt="0000-00-00 00:00:00"),
        item(4, title="Coming soon", status="future", date="2031-01-01 10:00:00"),
        item(5, title="Just us", status="private", creator="bruno"),
        item(6, title="Secret stew", password="stew", content="Paprika."),
        item(7, title="In review", status="pending", date="2011-05-01 10:00:00"),
        item(20, title="About", post_type="page", slug="about", link="https://old.example.com/about/"),
        item(21, title="Team", post_type="page", slug="team", parent=20, link="https://old.example.com/about/team/"),
        item(30, title="Menu entry", post_type="nav_menu_item"),
        item(8, title="Gone", status="trash"),
    ]
    return wxr(authors=AUTHORS, categories=CATEGORIES, tags=TAGS, items=items, **overrides)


def run_import(tmp_path, text, *args, name="export.xml"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    out, err = io.StringIO(), io.StringIO()
    call_command("import_wordpress", str(path), *args, stdout=out, stderr=err)
    return out.getvalue()


@pytest.mark.parametrize("version, scheme", [("1.2", "http"), ("1.2", "https"), ("1.1", "http"), ("1.0", "https")])
def test_every_wxr_version_and_namespace_spelling_imports(tmp_path, version, scheme):
    run_import(tmp_path, blog_export(version=version, scheme=scheme))
    assert Post.objects.filter(wp_id=1, title="Launch day").exists()
    assert Comment.objects.filter(wp_id=101).exists()


def test_authors_become_users_without_passwords_in_the_author_role(tmp_path):
    run_import(tmp_path, blog_export())
    alice = Post.objects.get(wp_id=1).author
    assert (alice.username, alice.email, alice.display_name) == ("alice", "alice@example.com", "Alice Martin")
    assert not alice.has_usable_password()
    assert list(alice.groups.values_list("name", flat=True)) == ["Author"]
    assert not alice.is_staff


def test_categories_keep_their_hierarchy_and_tags_come_along(tmp_path):
    run_import(tmp_path, blog_export())
    assert Category.objects.get(wp_id=9).path == "marketing/email"
    post = Post.objects.get(wp_id=1)
    assert sorted(c.name for c in post.categories.all()) == ["Marketing", "Social Media"]
    assert [t.name for t in post.tags.all()] == ["growth"]
    assert Tag.objects.get(wp_id=11).slug == "growth"


def test_statuses_dates_and_flags(tmp_path):
    run_import(tmp_path, blog_export())
    status = dict(Post.objects.values_list("wp_id", "status"))
    assert status == {1: "published", 2: "published", 3: "draft", 4: "scheduled", 5: "private", 6: "published",
                      7: "pending"}  # fmt: skip
    assert Post.objects.get(wp_id=1).sticky
    assert Post.objects.get(wp_id=2).comment_status == "closed"
    assert Post.objects.get(wp_id=2).published_at == datetime.datetime(2011, 4, 2, 8, 30, tzinfo=datetime.UTC)
    assert Post.objects.get(wp_id=3).published_at is None
    assert Post.objects.get(wp_id=6).password == "stew"
    assert Post.objects.get(wp_id=5).author.username == "bruno"


def test_wordpress_bodies_get_paragraphs_and_keep_the_more_marker(tmp_path, client):
    run_import(tmp_path, blog_export())
    post = Post.objects.get(wp_id=1)
    assert post.format == "wordpress" and post.body == BODY
    assert post.excerpt_html.startswith("<p>First paragraph<br>")
    assert post.has_more
    html = client.get(post.get_absolute_url()).content.decode()
    assert "<p>Second paragraph.</p>" in html and "<li>one</li>" in html


def test_comments_keep_their_threading_status_kind_and_authors(tmp_path, client):
    run_import(tmp_path, blog_export())
    c = {x.wp_id: x for x in Comment.objects.all()}
    assert c[102].parent == c[101] and c[103].parent == c[102]
    assert c[103].user.username == "alice"
    assert (c[104].kind, c[104].author_url) == ("pingback", "https://elsewhere.example/post/")
    assert [c[i].status for i in (105, 106, 107)] == ["pending", "spam", "trash"]
    assert c[101].ip_address == "203.0.113.5"
    html = client.get(Post.objects.get(wp_id=1).get_absolute_url()).content.decode()
    assert "4 thoughts on “Launch day”" in html  # three approved comments and the pingback
    assert "Held comment" not in html and "Buy cheap shoes" not in html


def test_pages_and_their_parents(tmp_path, client):
    run_import(tmp_path, blog_export())
    team = Page.objects.get(wp_id=21)
    assert team.parent.wp_id == 20 and team.path == "about/team"
    assert client.get("/about/team/").status_code == 200


def test_password_protected_pages_keep_their_password(tmp_path, client):
    staff = item(22, title="Staff notes", post_type="page", slug="staff", password="stew", content="The code is 1234.")
    run_import(tmp_path, wxr(authors=AUTHORS, items=[staff]))
    page = Page.objects.get(wp_id=22)
    assert (page.status, page.password) == ("published", "stew")
    locked = client.get("/staff/").content.decode()
    assert "The code is 1234." not in locked and "This content is password protected." in locked
    client.post("/staff/", {"password": "stew"})
    assert "The code is 1234." in client.get("/staff/").content.decode()
    assert "Nothing to do" in run_import(tmp_path, wxr(authors=AUTHORS, items=[staff]))


def test_comments_on_pages_are_counted_as_skipped_and_listed(tmp_path):
    about = item(20, title="About", post_type="page", slug="about", comments=[comment(901), comment(902, parent=901)])
    out = run_import(tmp_path, wxr(authors=AUTHORS, items=[about]))
    assert not Comment.objects.exists()
    comment_line = next(line for line in out.splitlines() if line.startswith("comment"))
    assert comment_line.split()[1:] == ["0", "0", "0", "2", "0"]
    assert "page 20: its 2 comment(s) were skipped: Candid's pages take no comments" in out


def test_menu_items_and_trash_are_skipped_and_counted(tmp_path):
    out = run_import(tmp_path, blog_export())
    assert not Post.objects.filter(wp_id=8).exists()
    other = next(line for line in out.splitlines() if line.startswith("other"))
    assert other.split()[1:] == ["0", "0", "0", "1", "0"]
    assert "a “nav_menu_item” item" in out


def test_importing_twice_changes_nothing_and_says_so(tmp_path):
    run_import(tmp_path, blog_export())
    before = {m.__name__: m.objects.count() for m in (Post, Page, Comment, Category, Tag)}
    updated_at = dict(Post.objects.values_list("pk", "updated_at"))
    out = run_import(tmp_path, blog_export())
    assert {m.__name__: m.objects.count() for m in (Post, Page, Comment, Category, Tag)} == before
    assert dict(Post.objects.values_list("pk", "updated_at")) == updated_at
    assert "Nothing to do" in out


def test_a_newer_export_updates_what_changed(tmp_path):
    run_import(tmp_path, blog_export())
    newer = blog_export().replace("Launch day", "Launch day, revisited")
    out = run_import(tmp_path, newer)
    assert Post.objects.get(wp_id=1).title == "Launch day, revisited"
    post_line = next(line for line in out.splitlines() if line.startswith("post "))
    assert post_line.split()[1:3] == ["0", "1"]


def test_dry_run_reports_and_writes_nothing(tmp_path):
    out = run_import(tmp_path, blog_export(), "--dry-run")
    assert "Dry run: nothing was written." in out
    assert not Post.objects.exists() and not Comment.objects.exists()
    post_line = next(line for line in out.splitlines() if line.startswith("post "))
    assert post_line.split()[1] == "7"


def test_old_links_keep_working(tmp_path, client):
    export = blog_export().replace(
        "<link>https://old.example.com/2011/04/02/closed-one/</link>", "<link>https://old.example.com/archives/2</link>"
    )
    run_import(tmp_path, export)
    closed = Post.objects.get(wp_id=2)
    assert client.get("/?p=2")["Location"] == closed.get_absolute_url()
    response = client.get("/archives/2")
    assert response.status_code == 301 and response["Location"] == closed.get_absolute_url()
    assert client.get("/?page_id=20")["Location"] == "/about/"
    assert client.get("/?cat=7")["Location"] == "/category/marketing/"


def test_permalink_structure_maps_old_post_urls(tmp_path, client):
    run_import(tmp_path, blog_export(), "--permalinks", "/%postname%/")
    assert client.get("/launch-day/")["Location"] == Post.objects.get(wp_id=1).get_absolute_url()
    assert LegacyURL.objects.filter(path="/closed-one/").exists()


def test_unknown_permalink_tag_is_a_clear_error(tmp_path):
    with pytest.raises(CommandError, match="unknown permalink tags %slug%"):
        run_import(tmp_path, blog_export(), "--permalinks", "/%slug%/")


def test_one_bad_item_is_reported_and_the_rest_imported(tmp_path):
    bad = item(40, title="Dateless but published", status="publish", date="0000-00-00 00:00:00",
               date_gmt="0000-00-00 00:00:00")  # fmt: skip
    good = item(41, title="Fine")
    out = run_import(tmp_path, wxr(authors=AUTHORS, items=[bad, good]))
    assert Post.objects.filter(wp_id=41).exists() and not Post.objects.filter(wp_id=40).exists()
    assert "post 40: a publish item without a valid date" in out


def test_items_without_title_or_body_and_duplicate_slugs(tmp_path):
    items = [
        item(50, title="", slug="", content=""),
        item(51, title="Twin", slug="twin"),
        item(52, title="Twin", slug="twin"),
    ]
    run_import(tmp_path, wxr(authors=AUTHORS, items=items))
    assert Post.objects.get(wp_id=50).title == "(no title)"
    assert sorted(Post.objects.filter(wp_id__in=[51, 52]).values_list("slug", flat=True)) == ["twin", "twin-2"]
    run_import(tmp_path, wxr(authors=AUTHORS, items=items))
    assert sorted(Post.objects.filter(wp_id__in=[51, 52]).values_list("slug", flat=True)) == ["twin", "twin-2"]


def test_a_record_with_a_number_that_is_not_one_is_reported_and_the_rest_imported(tmp_path):
    # "²" passes str.isdigit() but not int().
    bad_reply = item(81, title="Bad reply", comments=[comment(811)]).replace(
        "<wp:comment_parent>0<", "<wp:comment_parent>²<"
    )
    bad_id = item(82, title="Bad ID").replace("<wp:post_id>82<", "<wp:post_id>8²<")
    bad_page = item(84, title="Bad order", post_type="page", menu_order="x1")
    odd = [{"id": "²", "slug": "odd", "name": "Odd"}]
    items = [item(80, title="Before"), bad_reply, bad_id, bad_page, item(83, title="After")]
    out = run_import(tmp_path, wxr(authors=AUTHORS, categories=odd, items=items))
    assert sorted(Post.objects.values_list("wp_id", flat=True)) == [80, 83]
    assert "post 81: “Bad reply” cannot be read (its <wp:comment_parent> is “²”, not a whole number)" in out
    assert "post 8²: “Bad ID” cannot be read (its <wp:post_id> is “8²”, not a whole number)" in out
    assert "page 84: “Bad order” cannot be read (its <wp:menu_order> is “x1”, not a whole number)" in out
    assert "category ²: “Odd” cannot be read" in out
    post_line = next(line for line in out.splitlines() if line.startswith("post "))
    assert post_line.split()[1:] == ["2", "0", "0", "0", "2"]
    assert "Import finished." in out


def test_comment_whose_parent_is_missing_starts_its_own_thread(tmp_path):
    lonely = item(60, title="Lonely", comments=[comment(601, parent=999, content="Orphan")])
    out = run_import(tmp_path, wxr(authors=AUTHORS, items=[lonely]))
    assert Comment.objects.get(wp_id=601).parent is None
    assert "its parent comment 999 is missing" in out


def test_a_discussion_forty_replies_deep_is_imported_whole_and_shown_at_the_deepest_level(tmp_path, client):
    replies = [comment(700 + n, parent=700 + n - 1 if n else 0, content=f"Reply at level {n + 1}") for n in range(40)]
    run_import(tmp_path, wxr(authors=AUTHORS, items=[item(70, title="Long talk", comments=replies)]))

    stored = {c.wp_id: c for c in Comment.objects.select_related("parent")}
    assert len(stored) == 40
    assert all(stored[700 + n].parent.wp_id == 699 + n for n in range(1, 40))  # each keeps the one it answers
    page = client.get(Post.objects.get(wp_id=70).get_absolute_url()).content.decode()
    assert all(f"Reply at level {n}<" in page for n in range(1, 41))
    positions = [page.index(f"Reply at level {n}<") for n in range(1, 41)]
    assert positions == sorted(positions)  # in the order of the conversation
    assert "depth-5" in page and "depth-6" not in page  # the site's default depth


@pytest.mark.parametrize(
    "content, message",
    [
        ("", "The file is empty"),
        ("this is not xml at all", "not a valid WordPress export"),
        ("<!DOCTYPE html><html><body><p>Saved page</p></body></html>", "declares XML entities or a DTD"),
        ("<html><body><p>Saved page</p></body></html>", "its root element is <html>, not <rss>"),
        (
            '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]>'
            "<rss><channel><title>&lol2;</title></channel></rss>",
            "declares XML entities or a DTD",
        ),
    ],
)
def test_files_that_are_not_exports_are_refused_clearly(tmp_path, content, message):
    with pytest.raises(CommandError, match=message):
        run_import(tmp_path, content)
    assert not Post.objects.exists()


def test_a_truncated_export_keeps_what_was_imported_links_it_up_and_says_it_was_cut(tmp_path):
    items = [item(70, title="Before the cut", categories=[("email", "Email")]), item(71, title="After the cut")]
    whole = wxr(authors=AUTHORS, categories=CATEGORIES, items=items)
    path = tmp_path / "export.xml"
    path.write_text(whole[: whole.index("After the cut")], encoding="utf-8")
    out = io.StringIO()
    said = (
        "(ends too early|not a valid WordPress export).*line [0-9]+, column [0-9]+.*"
        "The items before it were imported; fix the file and run the command again: it is idempotent"
    )
    with pytest.raises(CommandError, match=said):
        call_command("import_wordpress", str(path), stdout=out, stderr=io.StringIO())
    assert Post.objects.filter(wp_id=70).exists() and not Post.objects.filter(wp_id=71).exists()
    assert Category.objects.get(wp_id=9).path == "marketing/email"
    summary = out.getvalue().splitlines()
    assert next(line for line in summary if line.startswith("post ")).split()[1] == "1"
    assert next(line for line in summary if line.startswith("category")).split()[1] == "3"
    assert "Import finished." not in summary


def test_a_missing_file_is_a_clear_error(tmp_path):
    with pytest.raises(CommandError, match="cannot read it"):
        call_command("import_wordpress", str(tmp_path / "nope.xml"), stdout=io.StringIO(), stderr=io.StringIO())

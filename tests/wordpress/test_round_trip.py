"""Export to WXR, import into an empty blog: the same content, counts and threading come back."""

import io

import pytest
from django.core.management import call_command

from blog.models import Category, Page, Post, Tag
from comments.models import Comment
from tests.factories import CategoryFactory, CommentFactory, PageFactory, PostFactory, TagFactory

pytestmark = pytest.mark.django_db


def seconds(moment):
    """WordPress keeps dates to the second."""
    return moment.replace(microsecond=0) if moment else None


def snapshot():
    posts = {
        p.title: (p.status, p.sticky, p.comment_status, p.password, seconds(p.published_at), p.slug,
                  sorted(c.path for c in p.categories.all()), sorted(t.slug for t in p.tags.all()))
        for p in Post.objects.all()
    }  # fmt: skip
    comments = {
        c.body: (c.post.title, c.parent.body if c.parent else None, c.status, c.kind, c.author_name)
        for c in Comment.objects.select_related("post", "parent")
    }
    pages = {p.title: (p.path, p.status, p.password) for p in Page.objects.all()}
    return posts, comments, pages, sorted(Category.objects.values_list("path", flat=True)), Tag.objects.count()


def test_export_then_import_into_an_empty_blog_gives_the_same_blog(tmp_path):
    garden = CategoryFactory(name="Garden")
    seeds = CategoryFactory(name="Seeds", parent=garden)
    tag = TagFactory(name="beans")
    main = PostFactory(title="Saving seeds", categories=[seeds], tags=[tag], sticky=True,
                       body="Dry them.\n\n<!--more-->\n\nThen store them.")  # fmt: skip
    PostFactory(title="Locked", password="stew", comment_status="closed")
    PostFactory(title="Someday", status="draft", published_at=None)
    about = PageFactory(title="About")
    PageFactory(title="Team", parent=about, password="crew")
    first = CommentFactory(post=main, body="First!")
    reply = CommentFactory(post=main, parent=first, body="A reply")
    CommentFactory(post=main, parent=reply, body="A deeper reply")
    CommentFactory(post=main, kind="pingback", body="[…] linked […]", author_name="Elsewhere")
    CommentFactory(post=main, status="spam", body="Spam!")
    before = snapshot()

    export = tmp_path / "blog.xml"
    call_command("export_wordpress", "-o", str(export), "--base-url", "https://blog.example.com", stderr=io.StringIO())
    for model in (Comment, Post):
        model.objects.all().delete()
    for model in (Page, Category):  # children first: parents are protected
        model.objects.filter(parent__isnull=False).delete()
        model.objects.all().delete()
    Tag.objects.all().delete()

    call_command("import_wordpress", str(export), stdout=io.StringIO(), stderr=io.StringIO())
    assert snapshot() == before
    imported = Post.objects.get(title="Saving seeds")
    assert imported.has_more and "Dry them." in imported.excerpt_html and "Then store them." in imported.body_html

"""Posts' summaries on lists are rendered once and stored (blog/summaries.py): never stale, never per reader."""

import datetime

import pytest
from django.template.loader import render_to_string
from django.urls import set_script_prefix
from django.utils import timezone

from blog import summaries
from blog.models import Post, SiteSettings
from tests.factories import CategoryFactory, PostFactory, UserFactory
from tests.html import main_html
from tests.media_factories import ImageFactory

pytestmark = pytest.mark.django_db


def stored(post):
    return Post.objects.values_list("summary_html", "summary_key").get(pk=post.pk)


def test_a_list_shows_what_the_summary_template_renders_and_stores_it(client):
    category = CategoryFactory(name="Gardening")
    post = PostFactory(title="Tomatoes in May", categories=[category], featured_image=ImageFactory(alt_text="Vines"))
    html = main_html(client.get("/"))

    whole = Post.objects.excerpts().get(pk=post.pk)
    expected = render_to_string(summaries.TEMPLATE, {"post": whole, "site": SiteSettings.load()})
    assert expected in html
    assert "Tomatoes in May" in expected and "Gardening" in expected and 'alt="Vines"' in expected
    assert "Continue reading “Tomatoes in May” »" in expected
    assert stored(post) == (expected, summaries.current_key(SiteSettings.load()))


def test_current_summaries_cost_no_query_and_stale_ones_a_fixed_few(client, django_assert_num_queries):
    PostFactory.create_batch(3, categories=[CategoryFactory()])
    client.get("/")  # renders and stores them
    posts, site = list(Post.objects.summaries()), SiteSettings.load()
    with django_assert_num_queries(0):
        summaries.attach(posts, site)

    Post.objects.update(summary_key="stale")
    PostFactory.create_batch(7, categories=[CategoryFactory()])
    # The stale posts whole (with their authors and images), their categories, and one update for all.
    posts = list(Post.objects.summaries())
    with django_assert_num_queries(3):
        summaries.attach(posts, site)
    assert len(posts) == 10 and all("Post number" in post.summary for post in posts)


def test_editing_a_post_shows_at_once_on_lists(client):
    post = PostFactory(title="First title", excerpt="The first excerpt.")
    assert "First title" in main_html(client.get("/"))
    post.title, post.excerpt = "Second title", "A better excerpt."
    post.save()
    html = main_html(client.get("/"))
    assert "Second title" in html and "A better excerpt." in html
    assert "First title" not in html and "The first excerpt." not in html


def test_protecting_a_post_with_a_password_hides_its_excerpt_on_lists(client):
    post = PostFactory(title="Family news", body="Our news.")
    assert "Our news." in main_html(client.get("/"))
    post.password = "secret"
    post.save()
    html = main_html(client.get("/"))
    assert "Protected: Family news" in html and "There is no excerpt because this is a protected post." in html
    assert "Our news." not in html


def test_renaming_the_author_shows_on_lists(client):
    author = UserFactory(display_name="Jo Writer")
    PostFactory(author=author)
    assert "Jo Writer" in main_html(client.get("/"))
    author.display_name = "Joanna Writer"
    author.save()
    assert "Joanna Writer" in main_html(client.get("/"))


def test_an_author_logging_in_or_changing_their_picture_leaves_the_summaries_alone(client):
    author = UserFactory()
    post = PostFactory(author=author)
    client.get("/")
    before = stored(post)
    author.last_login, author.avatar_url = timezone.now(), "https://pictures.example/me.png"
    author.save(update_fields=["last_login"])
    author.save(update_fields=["avatar_url"])
    assert stored(post) == before
    author.display_name = "A new name"
    author.save(update_fields=["display_name"])
    assert stored(post) != before


def test_renaming_or_moving_a_category_shows_on_lists(client):
    parent, child = CategoryFactory(name="Food", slug="food"), CategoryFactory(name="Bread", slug="bread")
    PostFactory(categories=[child])
    assert 'href="/category/bread/"' in main_html(client.get("/"))
    child.name, child.parent = "Sourdough", parent
    child.save()
    html = main_html(client.get("/"))
    assert ">Sourdough</a>" in html and 'href="/category/food/bread/"' in html


def test_filing_a_post_from_either_side_shows_on_lists(client):
    post, category, other = PostFactory(), CategoryFactory(name="Walks"), CategoryFactory(name="Hills")
    client.get("/")
    post.categories.add(category)
    assert ">Walks</a>" in main_html(client.get("/"))
    other.posts.add(post)
    assert ">Hills</a>" in main_html(client.get("/"))
    category.posts.remove(post)
    html = main_html(client.get("/"))
    assert ">Walks</a>" not in html and ">Hills</a>" in html


def test_deleting_a_category_or_a_featured_image_shows_on_lists(client):
    category, image = CategoryFactory(name="Old topic"), ImageFactory(alt_text="A lighthouse")
    PostFactory(categories=[category], featured_image=image)
    html = main_html(client.get("/"))
    assert "Old topic" in html and "A lighthouse" in html
    category.delete()
    image.delete()
    html = main_html(client.get("/"))
    assert "Old topic" not in html and "A lighthouse" not in html


def test_changing_the_featured_images_text_shows_on_lists(client):
    image = ImageFactory(alt_text="A boat")
    PostFactory(featured_image=image)
    client.get("/")
    image.alt_text = "A red boat at dawn"
    image.save()
    assert 'alt="A red boat at dawn"' in main_html(client.get("/"))


def test_the_sites_date_format_and_time_zone_show_on_lists(client):
    PostFactory(published_at=datetime.datetime(2024, 3, 28, 23, 30, tzinfo=datetime.UTC))
    site = SiteSettings.load()
    site.date_format = "F jS, Y"
    site.save()
    assert "March 28th, 2024" in main_html(client.get("/"))
    site.date_format, site.time_zone = "Y-m-d", "Europe/Berlin"
    site.save()
    assert "2024-03-29" in main_html(client.get("/"))


def test_a_site_served_under_a_folder_gets_summaries_linking_into_it(client):
    url = PostFactory(title="Moved").get_absolute_url()
    client.get("/")
    set_script_prefix("/blog/")  # the site served under a folder (the test client sets no prefix of its own)
    try:
        assert f'href="/blog{url}"' in main_html(client.get("/"))
    finally:
        set_script_prefix("/")
    assert f'href="{url}"' in main_html(client.get("/"))


def test_a_new_deployment_renders_the_summaries_afresh(client, monkeypatch):
    post = PostFactory(title="Rethemed")
    client.get("/")
    Post.objects.filter(pk=post.pk).update(summary_html="<p>As the old theme showed it</p>")
    assert "As the old theme showed it" in main_html(client.get("/"))
    monkeypatch.setattr(summaries, "deployment", lambda: "a new version")
    html = main_html(client.get("/"))
    assert "As the old theme showed it" not in html and "Rethemed" in html


def test_a_summary_rendered_before_a_change_never_overwrites_it():
    post = PostFactory(title="Before")
    read = list(Post.objects.summaries())  # a reader's request reads the post…
    for one in read:
        one.summary_html = "<p>Before</p>"
    Post.objects.get(pk=post.pk).save()  # …an editor saves it meanwhile…
    key = summaries.current_key(SiteSettings.load())
    summaries.store(read, key)  # …and the reader's rendering, from what it read, comes too late.
    html, stored_key = stored(post)
    assert stored_key != key and html == ""


def test_search_results_still_mark_the_terms_in_each_excerpt(client):
    PostFactory(title="Baking", body="Rye bread needs patience.")
    html = main_html(client.get("/", {"s": "patience"}))
    assert '<mark class="search-hit">patience</mark>' in html

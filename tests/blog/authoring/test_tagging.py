"""Tags typed as names, made on saving; suggestions; categories as their tree: usable with thousands of tags."""

import re

import pytest

from blog.models import Category, Post, Tag
from tests.blog.authoring.conftest import ADD_URL, change_url, post_form
from tests.factories import PostFactory, TagFactory, UserFactory

pytestmark = pytest.mark.django_db

SUGGEST = "/admin/blog/post/tag-suggestions/"


def test_typed_names_tag_the_post_reusing_existing_tags_and_making_new_ones(as_user, contributor):
    beans = TagFactory(name="Beans", slug="beans")
    response = as_user(contributor).post(ADD_URL, post_form(tags="beans, Frost hardy ,, frost  hardy, Seed swap"))
    assert response.status_code == 302
    post = Post.objects.get()
    assert sorted(tag.name for tag in post.tags.all()) == ["Beans", "Frost hardy", "Seed swap"]
    assert Tag.objects.count() == 3 and post.tags.filter(pk=beans.pk).exists()  # "beans" is the existing tag
    assert Tag.objects.get(name="Seed swap").slug == "seed-swap"


def test_the_change_form_shows_the_tags_as_names_and_clearing_them_untags(as_user, author):
    post = PostFactory(author=author, tags=[TagFactory(name="leeks"), TagFactory(name="frost")])
    client = as_user(author)
    html = client.get(change_url(post)).content.decode()
    value = re.search(r'name="tags"[^>]*value="([^"]*)"', html) or re.search(r'value="([^"]*)"[^>]*name="tags"', html)
    assert sorted(value[1].split(", ")) == ["frost", "leeks"]
    assert client.post(change_url(post), post_form(post, tags="")).status_code == 302
    assert not post.tags.exists()


@pytest.mark.parametrize(
    ("typed", "message"),
    [("!!!, ok", "has no letter or digit"), ("x" * 101, "too long for a tag"),
     (", ".join(f"t{n}" for n in range(101)), "at most 100 tags")],
    ids=["no-letters", "too-long", "too-many"],
)  # fmt: skip
def test_names_that_cannot_be_tags_are_refused_with_the_text_kept(as_user, author, typed, message):
    response = as_user(author).post(ADD_URL, post_form(tags=typed, body="Kept words."))
    assert response.status_code == 200 and message in response.content.decode()
    assert "Kept words." in response.content.decode() and not Post.objects.exists() and not Tag.objects.exists()


def test_five_thousand_tags_are_not_five_thousand_checkboxes(as_user, author):
    Tag.objects.bulk_create(Tag(name=f"tag {n}", slug=f"tag-{n}") for n in range(5000))
    html = as_user(author).get(ADD_URL).content.decode()
    assert html.count('name="tags"') == 1 and "tag 4999" not in html


def test_suggestions_start_with_what_is_typed_then_the_most_used(as_user, author):
    TagFactory(name="garlic")
    wild = TagFactory(name="wild garlic")
    PostFactory(tags=[wild])
    PostFactory(tags=[wild])
    TagFactory(name="beans")
    answer = as_user(author).get(SUGGEST, {"q": "GAR"}).json()
    assert answer == {"tags": [{"name": "garlic", "posts": 0}, {"name": "wild garlic", "posts": 2}]}
    assert as_user(author).get(SUGGEST, {"q": "  "}).json() == {"tags": []}


def test_suggestions_are_for_writers_only(client, as_user):
    assert client.get(SUGGEST, {"q": "a"}).status_code == 302  # to the login page
    assert as_user(UserFactory(is_staff=True)).get(SUGGEST, {"q": "a"}).status_code == 403


def test_categories_are_listed_as_their_tree(as_user, editor):
    garden = Category.objects.create(name="Garden", slug="garden")
    Category.objects.create(name="Seeds", slug="seeds", parent=garden)
    Category.objects.create(name="Attic", slug="attic")
    html = as_user(editor).get(ADD_URL).content.decode()
    rows = re.findall(r'class="category-depth-(\d)">\s*<label[^>]*><input[^>]*>\s*(\w+)', html)
    assert rows == [("0", "Attic"), ("0", "Garden"), ("1", "Seeds")]

import pytest
from django.core.exceptions import ValidationError

from blog.models import Page
from tests.factories import CategoryFactory, PageFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("slug", ["feed", "category", "admin", "2011"])
def test_top_level_pages_cannot_take_the_blogs_own_addresses(slug):
    page = Page(title="X", slug=slug, author=UserFactory())
    with pytest.raises(ValidationError, match="used by the blog's own addresses"):
        page.full_clean()


def test_a_reserved_word_is_fine_under_a_parent():
    parent = PageFactory(title="Docs")
    Page(title="Feed", slug="feed", parent=parent, author=parent.author).full_clean()


def test_two_pages_cannot_share_an_address():
    PageFactory(title="About")
    with pytest.raises(ValidationError, match="already has the address “about/”"):
        Page(title="About", author=UserFactory()).full_clean()


def test_a_category_cannot_be_its_own_ancestor():
    parent = CategoryFactory(name="Garden")
    child = CategoryFactory(name="Seeds", parent=parent)
    parent.parent = child
    with pytest.raises(ValidationError, match="cannot be placed under itself"):
        parent.full_clean()


def test_renaming_a_parent_moves_its_children():
    parent = CategoryFactory(name="Garden")
    child = CategoryFactory(name="Seeds", parent=parent)
    parent.slug = "allotment"
    parent.save()
    child.refresh_from_db()
    assert child.path == "allotment/seeds"
    assert child.get_absolute_url() == "/category/allotment/seeds/"

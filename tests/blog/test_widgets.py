"""The sidebar's widgets, the page menu, and the date archives' links to the periods before and after."""

import datetime

import pytest
from django.utils import timezone

from blog.models import Post
from tests.factories import CategoryFactory, CommentFactory, PageFactory, PostFactory, UserFactory

pytestmark = pytest.mark.django_db


def on(year, month, day=1):
    return datetime.datetime(year, month, day, 12, tzinfo=datetime.UTC)


def test_recent_posts_link_the_five_newest_published_posts(client):
    for number in range(6):
        PostFactory(title=f"Story {number}", slug=f"story-{number}", published_at=on(2020, 1, number + 1))
    PostFactory(title="Not yet", status=Post.Status.SCHEDULED, published_at=timezone.now() + datetime.timedelta(days=1))
    html = client.get("/2020/").content.decode()
    assert '<li><a href="/2020/01/06/story-5/">Story 5</a></li>' in html
    assert '<li><a href="/2020/01/02/story-1/">Story 1</a></li>' in html
    assert "/2020/01/01/story-0/" not in html.split("Recent Posts")[1].split("</section>")[0]
    assert "Not yet" not in html


def test_recent_comments_name_guests_users_and_the_anonymous(client):
    post = PostFactory(title="Talk & chat", slug="talk", published_at=on(2021, 5, 4))
    guest = CommentFactory(post=post, author_name="Guest <Gina>")
    member = CommentFactory(post=post, author_name="", user=UserFactory(display_name="Member Mo"))
    anonymous = CommentFactory(post=post, author_name="")
    html = client.get("/").content.decode()
    link = '<a href="/2021/05/04/talk/#comment-{}">Talk &amp; chat</a>'
    assert f"<li>Guest &lt;Gina&gt; on {link.format(guest.pk)}</li>" in html
    assert f"<li>Member Mo on {link.format(member.pk)}</li>" in html
    assert f"<li>Anonymous on {link.format(anonymous.pk)}</li>" in html


def test_categories_are_listed_as_a_tree_with_their_counts(client):
    food = CategoryFactory(name="Food", slug="food")
    bread = CategoryFactory(name="Bread & butter", slug="bread", parent=food)
    PostFactory(categories=[bread])
    PostFactory(categories=[food, bread])
    CategoryFactory(name="Empty")
    html = client.get("/").content.decode()
    assert '<li class="depth-0"><a href="/category/food/">Food</a> <span class="count">(1)</span></li>' in html
    assert (
        '<li class="depth-1"><a href="/category/food/bread/">Bread &amp; butter</a> <span class="count">(2)</span></li>'
        in html
    )
    assert "Empty" not in html


def test_the_page_menu_links_the_published_top_level_pages(client):
    about = PageFactory(title="About us", slug="about")
    PageFactory(title="Team", slug="team", parent=about)
    PageFactory(title="Draft page", status=Post.Status.DRAFT)
    html = client.get("/").content.decode()
    menu = html.split('<nav class="site-menu"')[1].split("</nav>")[0]
    assert '<li><a href="/about/">About us</a></li>' in menu
    assert "Team" not in menu and "Draft page" not in menu


def test_month_archives_link_the_nearest_months_with_posts(client):
    for moment in (on(2010, 11), on(2011, 3), on(2011, 7)):
        PostFactory(published_at=moment)
    PostFactory(status=Post.Status.DRAFT, published_at=on(2011, 5))
    html = client.get("/2011/03/").content.decode()
    assert '<a href="/2010/11/">« November 2010</a>' in html
    assert '<a class="newer" href="/2011/07/">July 2011 »</a>' in html
    html = client.get("/2011/07/").content.decode()
    assert '<a href="/2011/03/">« March 2011</a>' in html and 'class="newer"' not in html


def test_year_archives_link_the_nearest_years_with_posts(client):
    for moment in (on(2008, 6), on(2011, 3), on(2014, 1)):
        PostFactory(published_at=moment)
    html = client.get("/2011/").content.decode()
    assert '<a href="/2008/">« 2008</a>' in html and '<a class="newer" href="/2014/">2014 »</a>' in html
    html = client.get("/2008/").content.decode()
    assert "« 2" not in html and '<a class="newer" href="/2011/">2011 »</a>' in html


def test_day_archives_link_the_nearest_days_with_posts(client):
    for day in (2, 9, 20):
        PostFactory(published_at=on(2012, 4, day))
    html = client.get("/2012/04/09/").content.decode()
    assert '<a href="/2012/04/02/">« April 2nd, 2012</a>' in html
    assert '<a class="newer" href="/2012/04/20/">April 20th, 2012 »</a>' in html

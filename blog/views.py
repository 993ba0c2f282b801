import datetime

from django.contrib.auth import get_user_model
from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.views.generic import DayArchiveView, ListView, MonthArchiveView, YearArchiveView

from blog import search
from blog.models import Category, Page, Post, SiteSettings, Tag


class PostListMixin:
    """What every list of posts shares: who may see what, eager loading, the site's page size."""

    template_name = "blog/post_list.html"
    context_object_name = "posts"
    date_field = "published_on"
    month_format = "%m"

    def get_queryset(self):
        return Post.objects.published().for_listing()

    def get_paginate_by(self, queryset):
        return SiteSettings.for_request(self.request).posts_per_page

    def get_date_list(self, queryset, date_type=None, ordering="ASC"):
        """Archives list posts, not the months or days within them: skip that query."""
        return []


class HomeView(PostListMixin, ListView):
    """The newest posts, sticky ones first; with ?s=TERMS, the search results instead."""

    def get_queryset(self):
        self.search_terms = search.terms_from(self.request)
        if self.search_terms is not None:
            return search.search_posts(super().get_queryset(), self.search_terms)
        return super().get_queryset().order_by("-sticky", "-published_at", "-pk")

    def get_context_data(self, **kwargs):
        return super().get_context_data(search_terms=self.search_terms, **kwargs)


class YearArchiveView(PostListMixin, YearArchiveView):
    make_object_list = True
    extra_context = {"archive": "year"}


class MonthArchiveView(PostListMixin, MonthArchiveView):
    extra_context = {"archive": "month"}


class DayArchiveView(PostListMixin, DayArchiveView):
    extra_context = {"archive": "day"}


class CategoryArchiveView(PostListMixin, ListView):
    """A category's posts, its subcategories' included."""

    def get_queryset(self):
        self.category = get_object_or_404(Category, path=self.kwargs["path"])
        path = self.category.path
        in_tree = Q(categories__path=path) | Q(categories__path__startswith=path + "/")
        return super().get_queryset().filter(in_tree).distinct()

    def get_context_data(self, **kwargs):
        return super().get_context_data(category=self.category, **kwargs)


class TagArchiveView(PostListMixin, ListView):
    def get_queryset(self):
        self.tag = get_object_or_404(Tag, slug=self.kwargs["slug"])
        return super().get_queryset().filter(tags=self.tag)

    def get_context_data(self, **kwargs):
        return super().get_context_data(tag=self.tag, **kwargs)


class AuthorArchiveView(PostListMixin, ListView):
    def get_queryset(self):
        self.author = get_object_or_404(get_user_model(), username=self.kwargs["username"])
        return super().get_queryset().filter(author=self.author)

    def get_context_data(self, **kwargs):
        return super().get_context_data(author=self.author, **kwargs)


def post_detail(request, year, month, day, slug, page=1):
    try:
        published_on = datetime.date(year, month, day)
    except ValueError:
        raise Http404("No such date.") from None
    posts = Post.objects.published().select_related("author").prefetch_related("categories", "tags")
    post = get_object_or_404(posts, published_on=published_on, slug=slug)
    pages = post.pages
    if not 1 <= page <= len(pages):
        raise Http404("The post has no such page.")
    return render(
        request,
        "blog/post_detail.html",
        {
            "post": post,
            "page_html": pages[page - 1],
            "page_number": page,
            "page_count": len(pages),
            "page_range": range(1, len(pages) + 1),
        },
    )


def page_detail(request, path):
    page = get_object_or_404(Page.objects.published().select_related("author"), path=path)
    return render(request, "blog/page_detail.html", {"page": page})

import datetime

from django.contrib.auth import get_user_model
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.dateformat import format as date_format
from django.utils.translation import gettext as _
from django.views.generic import DayArchiveView, ListView, MonthArchiveView, YearArchiveView

from blog import paging, protection, search, summaries
from blog.models import Category, OldPermalink, Page, Post, SiteSettings, Tag, published_months
from blog.reading import date_or_404, post_for_reading, render_post


class PostListMixin:
    """What every list of posts shares: who may see what, eager loading, the site's page size."""

    template_name = "blog/post_list.html"
    context_object_name = "posts"
    date_field = "published_on"
    month_format = "%m"
    has_feed = True

    def get_queryset(self):
        return Post.objects.published().summaries()

    def get_heading(self, context):
        """The list's heading ("Archive for March, 2011"), or None for the home page."""
        return

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if context.get("search_terms") is None:
            context["posts"] = summaries.attach(list(context["posts"]), SiteSettings.for_request(self.request))
        context["heading"] = self.get_heading(context)
        if context["heading"] and self.has_feed:
            # Every archive's feed is at its own URL + "feed/" (blog/feed_urls.py).
            context["archive_feed_url"] = paging.first_page_path(self.request) + "feed/"
        return context

    def get(self, request, *args, **kwargs):
        if kwargs.get("page") == "1":
            return redirect(paging.page_url(request, 1), permanent=True)
        return super().get(request, *args, **kwargs)

    def get_paginate_by(self, queryset):
        return SiteSettings.for_request(self.request).posts_per_page

    def get_date_list(self, queryset, date_type=None, ordering="ASC"):
        """Archives list posts, not the months or days within them: skip that query."""
        return []


class HomeView(PostListMixin, ListView):
    """The newest posts, sticky ones first; with ?s=TERMS, the search results instead."""

    has_feed = False  # the site's own feed is advertised on every page

    def get_queryset(self):
        self.search_terms = search.terms_from(self.request)
        if self.search_terms is not None:
            # Search results mark the terms in each excerpt: rendered for each search, not stored.
            return search.search_posts(Post.objects.published().excerpts(), self.search_terms)
        return super().get_queryset().order_by("-sticky", "-published_at", "-pk")

    def get_context_data(self, **kwargs):
        if self.search_terms is None:
            return super().get_context_data(search_terms=None, **kwargs)
        # Every query of the search (the paginator's count, the page of posts and their prefetches) inside the
        # time limit: the page is evaluated here, not later by the template.
        with search.time_limit():
            context = super().get_context_data(search_terms=self.search_terms, **kwargs)
            context["posts"] = context["object_list"] = list(context["posts"])
            if context["page_obj"] is not None:
                context["page_obj"].object_list = context["posts"]
        return context

    def get(self, request, *args, **kwargs):
        try:
            return super().get(request, *args, **kwargs)
        except search.SearchTimedOut:
            return search_busy(request, self.search_terms)

    def get_heading(self, context):
        if self.search_terms is not None:
            return _("Search Results for ‘%(terms)s’") % {"terms": self.search_terms}
        return None


def search_busy(request, terms):
    """A search stopped at its time limit: say so, with the search form, and ask to come back (503)."""
    response = render(request, "blog/search_busy.html", {"search_terms": terms}, status=503)
    response["Retry-After"] = str(search.BUSY_RETRY_AFTER_SECONDS)
    return response


class DateArchiveMixin(PostListMixin):
    """What the year, month and day archives share: a period without posts is a 404; the links to the
    periods before and after skip empty ones, found with one light query each (Django's would fetch whole
    posts, twice over with their prefetches)."""

    allow_empty = True  # the count the paginator makes anyway decides the 404, with no query of its own

    def get(self, request, *args, **kwargs):
        date_or_404(kwargs["year"], kwargs.get("month", 1), kwargs.get("day", 1))
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if not context["paginator"].count:
            raise Http404("No posts in this period.")
        return context

    def nearest_month(self, start, end, older):
        """The first day of the nearest month with posts before `start` (older) or from `end` on, or None.

        From the months the sidebar's archive lists: a query built once per process, not one per link.
        """
        months = [datetime.date(year, month, 1) for year, month, _count in published_months()]  # newest first
        if older:
            return next((month for month in months if month < start), None)
        return next((month for month in reversed(months) if month >= end), None)

    def nearest(self, start, end, older):
        """The day of the nearest published post before `start` (older) or from `end` on, or None."""
        posts = Post.objects.published()
        if older:
            posts = posts.filter(published_on__lt=start).order_by("-published_on")
        else:
            posts = posts.filter(published_on__gte=end).order_by("published_on")
        return posts.values_list("published_on", flat=True).first()


class YearArchiveView(DateArchiveMixin, YearArchiveView):
    make_object_list = True
    extra_context = {"archive": "year"}

    def get_heading(self, context):
        return _("Archive for %(period)s") % {"period": date_format(context["year"], "Y")}

    def get_previous_year(self, date):
        return self._year_of(self.nearest_month(date, date.replace(year=date.year + 1), older=True))

    def get_next_year(self, date):
        return self._year_of(self.nearest_month(date, date.replace(year=date.year + 1), older=False))

    @staticmethod
    def _year_of(day):
        return day and day.replace(month=1, day=1)


class MonthArchiveView(DateArchiveMixin, MonthArchiveView):
    extra_context = {"archive": "month"}

    def get_heading(self, context):
        return _("Archive for %(period)s") % {"period": date_format(context["month"], "F, Y")}

    def get_previous_month(self, date):
        return self.nearest_month(date, self._next_first(date), older=True)

    def get_next_month(self, date):
        return self.nearest_month(date, self._next_first(date), older=False)

    @staticmethod
    def _next_first(date):
        return (date.replace(day=1) + datetime.timedelta(days=32)).replace(day=1)


class DayArchiveView(DateArchiveMixin, DayArchiveView):
    extra_context = {"archive": "day"}

    def get_heading(self, context):
        return _("Archive for %(period)s") % {"period": date_format(context["day"], "F jS, Y")}

    def get_previous_day(self, date):
        return self.nearest(date, date + datetime.timedelta(days=1), older=True)

    def get_next_day(self, date):
        return self.nearest(date, date + datetime.timedelta(days=1), older=False)


class CategoryArchiveView(PostListMixin, ListView):
    """A category's posts, its subcategories' included."""

    def get_queryset(self):
        self.category = get_object_or_404(Category, path=self.kwargs["path"])
        return super().get_queryset().in_category(self.category)

    def get_context_data(self, **kwargs):
        return super().get_context_data(category=self.category, **kwargs)

    def get_heading(self, context):
        return _("Archive for the ‘%(name)s’ Category") % {"name": self.category.name}


class TagArchiveView(PostListMixin, ListView):
    def get_queryset(self):
        self.tag = get_object_or_404(Tag, slug=self.kwargs["slug"])
        return super().get_queryset().filter(tags=self.tag)

    def get_context_data(self, **kwargs):
        return super().get_context_data(tag=self.tag, **kwargs)

    def get_heading(self, context):
        return _("Posts Tagged ‘%(name)s’") % {"name": self.tag.name}


class AuthorArchiveView(PostListMixin, ListView):
    def get_queryset(self):
        self.author = get_object_or_404(get_user_model(), username=self.kwargs["username"])
        return super().get_queryset().filter(author=self.author)

    def get_context_data(self, **kwargs):
        return super().get_context_data(author=self.author, **kwargs)

    def get_heading(self, context):
        return _("Posts by %(name)s") % {"name": self.author.public_name}


def post_detail(request, year, month, day, slug, page=1):
    """A post (or one page of it); an old or mistyped permalink answers with a 301 to the right one."""
    published_on = date_or_404(year, month, day)
    post = post_for_reading(request).filter(published_on=published_on, slug=slug).first()
    if post is None:
        return redirect(moved_post(request, published_on, slug), permanent=True)
    if not 1 <= page <= len(post.pages):
        raise Http404("The post has no such page.")
    password_form, answered = protection.password_form_or_unlock(request, post)
    if answered:
        return answered
    return render_post(request, post, page, password_form=password_form)


def moved_post(request, published_on, slug):
    """The current URL of a post asked for by an old slug or a wrong date, or raise 404."""
    old = OldPermalink.objects.filter(published_on=published_on, slug=slug).select_related("post").first()
    if old and Post.objects.visible_to(request.user).filter(pk=old.post_id).exists():
        return old.post.get_absolute_url()
    same_slug = list(Post.objects.visible_to(request.user).filter(slug=slug)[:2])
    if len(same_slug) == 1:
        return same_slug[0].get_absolute_url()
    raise Http404("No post at this address.")


def page_detail(request, path):
    page = get_object_or_404(Page.objects.visible_to(request.user).select_related("author"), path=path)
    password_form, answered = protection.password_form_or_unlock(request, page)
    if answered:
        return answered
    context = {"page": page, "unlocked": password_form is None, "password_form": password_form}
    return render(request, "blog/page_detail.html", context)

"""Tags and categories in the post form, usable with thousands of them.

Tags are typed, as names separated by commas: without JavaScript that is the whole control; with it
(static/js/tag-tokens.js) each becomes a token, suggestions come from `tag_suggestions_view`, and Enter or
a comma adds one, new or not. A name no tag has makes a new tag when the post is saved: any writer may,
as in WordPress. Categories are their tree of checkboxes, indented, with a box to filter them.
"""

from django import forms
from django.db.models import Count, Q
from django.http import JsonResponse
from django.utils.text import slugify

from blog.models import Category, Tag

MAX_TAGS = 100
SUGGESTIONS = 10


class TagTokensWidget(forms.TextInput):
    template_name = "admin/blog/writing/tag_tokens.html"

    def __init__(self, suggestions_url, attrs=None):
        super().__init__({"size": 60, "autocomplete": "off", **(attrs or {})})
        self.suggestions_url = suggestions_url

    @property
    def media(self):
        return forms.Media(css={"all": ["css/writing-desk.css"]}, js=["js/tag-tokens.js"])

    def format_value(self, value):
        """Tags (or their ids, as a form's initial data has them) as the names a writer types."""
        if isinstance(value, str) or value is None:
            return value or ""
        tags = [tag if isinstance(tag, Tag) else None for tag in value]
        if None in tags:
            tags = list(Tag.objects.filter(pk__in=[getattr(tag, "pk", tag) for tag in value]))
        return ", ".join(tag.name for tag in tags)

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["suggestions_url"] = self.suggestions_url
        return context


class TagNamesField(forms.Field):
    """The names typed, in order, without repeats (compared as their addresses are): a list of str."""

    widget = TagTokensWidget

    def to_python(self, value):
        names = {}
        for name in (value or "").split(","):
            name = " ".join(name.split())
            if name:
                names.setdefault(slugify(name, allow_unicode=True) or name, name)
        return list(names.values())

    def validate(self, names):
        super().validate(names)
        if len(names) > MAX_TAGS:
            raise forms.ValidationError(f"A post can have at most {MAX_TAGS} tags; this one has {len(names)}.")
        for name in names:
            if len(name) > Tag._meta.get_field("name").max_length:
                raise forms.ValidationError(f"“{name[:40]}…” is too long for a tag: 100 characters at most.")
            if not slugify(name, allow_unicode=True):
                raise forms.ValidationError(f"“{name}” has no letter or digit to make the tag's address from.")


def tags_named(names):
    """The tags of these names (the same name in any case, or the same address), made where none exists."""
    slugs = {name: slugify(name, allow_unicode=True)[:100] for name in names}
    found = Tag.objects.filter(Q(slug__in=slugs.values()) | Q(name__in=names))
    by_slug, by_name = {tag.slug: tag for tag in found}, {tag.name.lower(): tag for tag in found}
    tags = []
    for name in names:
        tag = by_name.get(name.lower()) or by_slug.get(slugs[name])
        if tag is None:
            tag = by_slug[slugs[name]] = Tag.objects.create(name=name, slug=slugs[name])
        tags.append(tag)
    return tags


def tag_suggestions_view(request):
    """Up to SUGGESTIONS tags whose names hold `q`, those starting with it first, then the most used."""
    query = " ".join(request.GET.get("q", "").split())[:100]
    if not query:
        return JsonResponse({"tags": []})
    tags = (
        Tag.objects.filter(name__icontains=query)
        .annotate(used=Count("posts"))
        .order_by("-used", "name")
        .values_list("name", "used")[:200]
    )
    ranked = sorted(tags, key=lambda tag: not tag[0].lower().startswith(query.lower()))[:SUGGESTIONS]
    return JsonResponse({"tags": [{"name": name, "posts": used} for name, used in ranked]})


class CategoryTreeWidget(forms.CheckboxSelectMultiple):
    """The categories as their tree: each checkbox under its parent, indented, with a filter box above."""

    template_name = "admin/blog/writing/category_tree.html"

    @property
    def media(self):
        return forms.Media(css={"all": ["css/writing-desk.css"]}, js=["js/tag-tokens.js"])

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        depths = {str(pk): Category.depth_of(path) for pk, path in Category.objects.values_list("pk", "path")}
        for _group, options, _index in context["widget"]["optgroups"]:
            for option in options:
                option["depth"] = depths.get(str(option["value"]), 0)
        return context

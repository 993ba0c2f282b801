"""What invalidates what: every model change that makes cached pages or stored summaries out of date.

Two things keep what readers see so that it costs nothing to show, and both must learn of every change:
- the page cache (core/pagecache/) moves its content generation on: every cached page is out of date;
- a post's stored summary (blog/summaries.py) is marked stale: the next list showing it renders it again.
Besides those, stored facts are kept here (the HTML of posts and pages showing an image that changes,
`Post.has_gallery` as gallery items come and go, posts' permalink dates when the site's time zone changes),
and the page cache is told when scheduled posts go out.
A model that pages show, added later, belongs in one of the tables below.

Bulk updates send no signals: code making them calls generation.content_changed() (or
summaries.mark_stale()) itself, as the WordPress importer does.
"""

from django.contrib.auth import get_user_model
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete

from blog import summaries
from blog.models import Category, GalleryItem, Image, Page, Post, SiteSettings, Tag, redate_posts
from blog.scheduled import next_publication
from comments.models import Comment
from core.pagecache import expiry, generation

User = get_user_model()

# Whatever pages show: any change empties the page cache. (Sign-in providers come from settings alone, never from
# SocialApp rows: accounts/adapters.py; changing them is a restart, which core/deployment.py covers.)
SHOWN = (Post, Page, Category, Tag, SiteSettings, Image, GalleryItem)
FILED = (Post.categories.through, Post.tags.through)
# A user's fields saved at each login and shown on no page.
PRIVATE_FIELDS = {"last_login", "password"}
# What a post's summary shows of its author: their name, and their username in the link to their posts.
NAME_FIELDS = {"display_name", "first_name", "last_name", "username"}


def connect():
    """Connect every receiver below; called once, from config.apps.SiteConfig.ready()."""
    for model in SHOWN:
        uid = f"page-cache-{model._meta.label}"
        post_save.connect(page_changed, sender=model, dispatch_uid=uid)
        post_delete.connect(page_changed, sender=model, dispatch_uid=uid)
    for through in FILED:
        m2m_changed.connect(page_changed, sender=through, dispatch_uid=f"page-cache-{through.__name__}")
    post_save.connect(comment_saved, sender=Comment, dispatch_uid="page-cache-comment")
    post_delete.connect(page_changed, sender=Comment, dispatch_uid="page-cache-comment")
    post_save.connect(user_saved, sender=User, dispatch_uid="page-cache-user")
    post_delete.connect(page_changed, sender=User, dispatch_uid="page-cache-user")

    post_save.connect(category_changed, sender=Category, dispatch_uid="summaries-category")
    post_delete.connect(category_changed, sender=Category, dispatch_uid="summaries-category")
    m2m_changed.connect(categories_filed, sender=Post.categories.through, dispatch_uid="summaries-filed")
    post_save.connect(featured_image_changed, sender=Image, dispatch_uid="summaries-image")
    # Before the image's posts lose it (SET_NULL): afterwards they can no longer be found.
    pre_delete.connect(featured_image_changed, sender=Image, dispatch_uid="summaries-image")

    post_save.connect(image_changed, sender=Image, dispatch_uid="entries-image")
    pre_delete.connect(image_leaving, sender=Image, dispatch_uid="entries-image")
    post_delete.connect(image_left, sender=Image, dispatch_uid="entries-image")
    post_save.connect(time_zone_changed, sender=SiteSettings, dispatch_uid="post-dates")
    post_save.connect(gallery_changed, sender=GalleryItem, dispatch_uid="post-has-gallery")
    post_delete.connect(gallery_changed, sender=GalleryItem, dispatch_uid="post-has-gallery")
    expiry.changes_by_itself_at(next_publication)


# --- The page cache ----------------------------------------------------------


def page_changed(**kwargs):
    generation.content_changed()


def comment_saved(instance, created, update_fields=None, **kwargs):
    """A comment held or caught as spam changes no page, new or edited (comments/editing.py saves its status
    only when it changes); one approved, or any decision on one, does."""
    decided = not created and (update_fields is None or "status" in update_fields)
    if decided or instance.status == instance.Status.APPROVED:
        generation.content_changed()


def user_saved(instance, update_fields=None, **kwargs):
    if not update_fields or set(update_fields) & NAME_FIELDS:
        summaries.mark_stale(Post.objects.filter(author=instance))
    if not (update_fields and set(update_fields) <= PRIVATE_FIELDS):
        generation.content_changed()


# --- Stored summaries ----------------------------------------------------------


def category_changed(**kwargs):
    # Its name, or its place in the tree and so its subcategories' links: rare enough to redo them all.
    summaries.mark_stale(Post.objects.all())


def categories_filed(instance, action, reverse, **kwargs):
    """Posts filed under categories, or taken out of them."""
    if action in ("post_add", "post_remove", "post_clear"):
        summaries.mark_stale(Post.objects.all() if reverse else Post.objects.filter(pk=instance.pk))


def featured_image_changed(instance, **kwargs):
    summaries.mark_stale(Post.objects.filter(featured_image=instance))


# --- Stored facts ----------------------------------------------------------------


def image_changed(instance, created, **kwargs):
    """Posts and pages show an image's alt text, caption and renditions as their stored HTML: render them
    again, so that no one has to save them again."""
    if not created:
        for entry in _showing(instance):
            entry.render_again()


def image_leaving(instance, **kwargs):
    # Before its links to them go with it: afterwards they can no longer be found.
    instance.shown_in = _showing(instance)


def image_left(instance, **kwargs):
    """Where a deleted image was shown, its shortcode is shown as written again (blog/media/README.md)."""
    for entry in getattr(instance, "shown_in", ()):
        entry.render_again()


def _showing(image):
    return [*Post.objects.filter(shown_images=image), *Page.objects.filter(shown_images=image)]


def time_zone_changed(instance, **kwargs):
    """Permalinks are dated in the site's time zone: Post.published_on follows it."""
    if getattr(instance, "time_zone_changed", False):
        redate_posts(instance.tzinfo)


def gallery_changed(instance, **kwargs):
    """A post without a gallery asks for none: Post.has_gallery follows its gallery items."""
    has_gallery = GalleryItem.objects.filter(post_id=instance.post_id).exists()
    Post.objects.filter(pk=instance.post_id).update(has_gallery=has_gallery)

"""Showing the media library's images in templates: {% responsive_image %}, {% post_gallery %}, {% featured_image %}.

The tag library lives in the blog app because blog.media is a module of it, not an
installed app, and Django looks for tag libraries only in installed apps.
"""

from django import template

from blog import protection
from blog.media.display import OWN_GALLERY_CLASS, render_gallery, render_picture

register = template.Library()

# The sanitiser drops this class from what writers type, so only [gallery] can have put it there.
OWN_GALLERY_MARK = f'class="gallery {OWN_GALLERY_CLASS}"'


@register.simple_tag
def responsive_image(image, size="medium", css_class="", loading="lazy"):
    """`image` at `size` ("thumbnail", "medium" or "large") as a <picture> with a WebP source."""
    return render_picture(image, size, css_class=css_class, loading=loading)


@register.simple_tag(takes_context=True)
def post_gallery(context, post):
    """The grid of `post`'s gallery, each thumbnail linking to its full-size page (one query, if it has one).

    Shows nothing when the post's text already places its gallery with [gallery], or when
    the post is password-protected and the reader has not given the password.
    """
    if not post.has_gallery or not may_see_images(context, post) or OWN_GALLERY_MARK in post.body_html:
        return ""
    items = post.gallery_items.select_related("image")
    return render_gallery([(item.image, item.get_absolute_url()) for item in items], own=True)


@register.simple_tag(takes_context=True)
def featured_image(context, post, size="large", loading="lazy"):
    """`post`'s featured image, unless the post is protected and still locked for this reader."""
    if not post.featured_image_id or not may_see_images(context, post):
        return ""
    return render_picture(post.featured_image, size, css_class="featured-image", loading=loading)


def may_see_images(context, post):
    request = context.get("request")
    return not post.is_protected or (request is not None and protection.is_unlocked(request, post))

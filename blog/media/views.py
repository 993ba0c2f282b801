from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render

from blog import protection
from blog.models import Post
from blog.reading import date_or_404


def gallery_image(request, year, month, day, slug, image_id):
    """One image of a post's gallery at its large size, with the previous and next ones and the way back.

    Readers who have not unlocked a password-protected post are sent to the post, where the password is asked.
    """
    post = get_object_or_404(
        Post.objects.visible_to(request.user), published_on=date_or_404(year, month, day), slug=slug
    )
    if not protection.is_unlocked(request, post):
        return redirect(post)
    items = list(post.gallery_items.select_related("image"))
    index = next((i for i, item in enumerate(items) if item.image_id == int(image_id)), None)
    if index is None:
        raise Http404("This image is not in the post's gallery.")
    context = {
        "post": post,
        "image": items[index].image,
        "position": index + 1,
        "count": len(items),
        "previous": items[index - 1] if index > 0 else None,
        "next": items[index + 1] if index + 1 < len(items) else None,
    }
    return render(request, "blog/media/gallery_image.html", context)

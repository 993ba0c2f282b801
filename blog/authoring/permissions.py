"""What a blogger may do with a post: the rules behind the Contributor, Author and Editor roles.

Contributors write and edit their own drafts and submit them for review;
Authors also publish, schedule and edit their own posts whatever their state;
Editors (and site owners) may do anything to anyone's posts.
"""

from blog.models import Entry

UNPUBLISHED = (Entry.Status.DRAFT, Entry.Status.PENDING)


def _perm(user, action, model):
    return user.has_perm(f"{model._meta.app_label}.{action}_{model._meta.model_name}s")


def can_publish(user, model):
    return _perm(user, "publish", model)


def can_edit_others(user, model):
    return _perm(user, "edit_others", model)


def can_edit(user, entry):
    """Whether `user` may change `entry` (and so delete it, or restore one of its revisions)."""
    model = type(entry)
    if can_edit_others(user, model):
        return True
    if entry.author_id != user.pk:
        return False
    return can_publish(user, model) or entry.status in UNPUBLISHED


def allowed_statuses(user, model):
    """The states `user` may put an entry in."""
    if can_publish(user, model):
        return list(Entry.Status.values)
    return list(UNPUBLISHED)

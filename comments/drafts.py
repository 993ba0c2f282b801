"""The comment a reader is writing, kept in their session while it cannot be posted yet.

Two things put it there: a login on the way (the provider buttons, or the local login that a
registered-only discussion asks for), and a refusal (an invalid form, a duplicate, too fast). A
refused comment is answered with a redirect to the post's form (post, redirect, get): the page that
shows the reasons is an ordinary one, which the reader may reload without sending anything again,
and the form there holds what they typed until it is posted.
"""

from comments.forms import CommentForm, shown_back, timestamp_token
from core.ids import as_id

SESSION_KEY = "comment_draft"
TEXT_FIELDS = ("name", "email", "url", "parent", "issued")
CHOICES = ("remember", "notify")
SHORT = 1_000  # more than any of the short fields accepts: what is longer is refused, not cut off unseen


def keep(request, post, data, *, refusal=None):
    """Keep what was sent in `data` for `post`; with `refusal` (a message, or "" for a form's own errors) the
    form shows the reasons the next time it is shown, once."""
    draft = {
        "post": post.pk,
        "data": {
            "body": shown_back(data.get("body", "")),
            **{name: data.get(name, "")[:SHORT] for name in TEXT_FIELDS},
            **{name: data.get(name, "") for name in CHOICES if data.get(name)},
        },
    }
    if refusal is not None:
        draft["refusal"] = str(refusal)
    request.session[SESSION_KEY] = draft


def forget(request):
    request.session.pop(SESSION_KEY, None)


def form_for(request, post, site, initial):
    """The comment form for `post`: with the reader's draft and, just after a refusal, its reasons."""
    draft = request.session.get(SESSION_KEY)
    if not draft or draft.get("post") != post.pk:
        return CommentForm(post=post, user=request.user, site=site, initial=initial)
    if "refusal" not in draft:
        return CommentForm(post=post, user=request.user, site=site, initial={**initial, **_as_initial(draft)})
    refusal = draft.pop("refusal")
    request.session[SESSION_KEY] = draft  # the reasons are shown once; the words stay until posted
    form = CommentForm(draft["data"], post=post, user=request.user, site=site)
    form.is_valid()  # the form's own errors, found again
    if refusal:
        form.add_error(None, refusal)
    if "issued" in form.errors:
        # An expired or altered form is refused once; the form shown again is a fresh one.
        form.data = {**form.data, "issued": timestamp_token()}
    return form


def _as_initial(draft):
    data = draft["data"]
    initial = {name: data[name] for name in ("body", "name", "email", "url") if data.get(name)}
    initial.update({name: True for name in CHOICES if data.get(name)})
    if (parent := as_id(data.get("parent", ""))) is not None:
        initial["parent"] = parent
    return initial

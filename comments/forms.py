"""The comment form: what a reader types, and the checks that need nothing but the form itself."""

import time

from allauth.account.adapter import get_adapter
from django import forms
from django.core import signing
from django.utils.translation import gettext_lazy as _

from comments.models import Comment
from core.sanitizer import without_control_characters

MAX_BODY = 10_000
MIN_FILL_SECONDS = 3
FORM_LIFETIME = 60 * 60 * 24  # a reader may leave the page open for a day before posting
SALT = "candid.comment-form"


def timestamp_token():
    return signing.dumps(time.time(), salt=SALT)


def shown_back(body):
    """A refused comment's text as it is kept and shown back: one character over the limit, so that it is still
    refused as too long with nothing lost, and never a megabyte sent back."""
    return body[: MAX_BODY + 1]


def body_field(empty):
    """A comment's text, as the comment form and the edit form take it; `empty` says what to do without one."""
    return forms.CharField(
        label=_("Comment"),
        max_length=MAX_BODY,
        error_messages={"required": empty},
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_(
            "Markdown works: *italic*, **bold**, `code`, [a link](https://example.com), > before a quote, "
            "- or 1. before list items. Web addresses become links."
        ),
    )


class BodyCleaning:
    def clean_body(self):
        body = without_control_characters(self.cleaned_data["body"]).strip()
        if len(body) < 2:
            raise forms.ValidationError(self.fields["body"].error_messages["required"])
        return body


class CommentForm(BodyCleaning, forms.Form):
    name = forms.CharField(label=_("Name"), max_length=100, required=False)
    email = forms.EmailField(
        label=_("Email"),
        required=False,
        help_text=_("Never published."),
        error_messages={"invalid": _("Enter a valid e-mail address, like name@example.com.")},
    )
    url = forms.URLField(label=_("Website"), max_length=200, required=False, assume_scheme="https")
    body = body_field(_("Please write a comment before posting it."))
    parent = forms.IntegerField(required=False, widget=forms.HiddenInput)
    remember = forms.BooleanField(
        label=_("Save my name, email, and website in this browser for the next time I comment."), required=False
    )
    notify = forms.BooleanField(label=_("Notify me of follow-up comments by e-mail."), required=False)
    # Robots fill every field; people never see this one.
    website2 = forms.CharField(required=False, label=_("Leave this field empty"))
    issued = forms.CharField(widget=forms.HiddenInput)

    def __init__(self, *args, post, user, site, **kwargs):
        super().__init__(*args, **kwargs)
        self.post, self.user, self.site = post, user, site
        self.fields["issued"].initial = timestamp_token()
        # A guest where only logged-in readers may comment writes here, then logs in (comments/social.py).
        self.must_log_in = not user.is_authenticated and post.comments_need_login(site)
        if user.is_authenticated or self.must_log_in:
            for name in ("name", "email", "url", "remember"):
                del self.fields[name]
        elif site.require_name_email:
            self.fields["name"].required = self.fields["email"].required = True
            self.fields["name"].label, self.fields["email"].label = _("Name *"), _("Email *")
        if not site.allow_reply_notifications or self.must_log_in:
            del self.fields["notify"]

    def clean_name(self):
        return " ".join(without_control_characters(self.cleaned_data["name"]).split())

    def clean_issued(self):
        """The seconds the reader took to fill in the form; a form too old or tampered with is refused."""
        try:
            issued = signing.loads(self.cleaned_data["issued"], salt=SALT, max_age=FORM_LIFETIME)
        except signing.SignatureExpired:
            raise forms.ValidationError(_("This form was open for too long. Please post your comment again.")) from None
        except signing.BadSignature:
            raise forms.ValidationError(
                _("This form was not sent by this site. Please post your comment again.")
            ) from None
        return time.time() - issued

    def clean_parent(self):
        """The comment replied to: approved, on the same post, nested no deeper than the site allows."""
        parent_id = self.cleaned_data["parent"]
        if not parent_id:
            return None
        parent = Comment.objects.approved().filter(post=self.post, pk=parent_id).first()
        if parent is None:
            # The form comes back without it, so that sending it again posts a new comment, nothing lost.
            self.data = self.data.copy()
            self.data["parent"] = ""
            raise forms.ValidationError(
                _(
                    "The comment you are replying to is not on this post any more. "
                    "Send yours again to post it as a new comment."
                )
            )
        return deepest_allowed(parent, self.site.thread_depth)

    @property
    def honeypot_filled(self):
        return bool(self.cleaned_data.get("website2"))

    @property
    def too_fast(self):
        return self.cleaned_data.get("issued", MIN_FILL_SECONDS) < MIN_FILL_SECONDS

    def build(self, request):
        """The unsaved comment, with who sent it and from where."""
        data = self.cleaned_data
        comment = Comment(
            post=self.post,
            parent=data["parent"],
            body=data["body"],
            notify_replies=data.get("notify", False),
            ip_address=get_adapter(request).get_client_ip(request),
            user_agent=request.META.get("HTTP_USER_AGENT", "")[:255],
        )
        if self.user.is_authenticated:
            comment.user = self.user
            comment.author_email = self.user.email
        else:
            comment.author_name, comment.author_email, comment.author_url = data["name"], data["email"], data["url"]
        return comment


class CommentEditForm(BodyCleaning, forms.Form):
    """A writer's change to their comment (comments/editing.py)."""

    body = body_field(_("A comment needs a few words. To take yours out of the discussion, delete it instead."))
    seen = forms.CharField(widget=forms.HiddenInput)  # the fingerprint of the text the writer started from


def deepest_allowed(parent, thread_depth):
    """`parent`, or its ancestor at the deepest level a reply may hang from (None: no nesting at all)."""
    levels = parent.path.split("/")  # the ids of parent's ancestors, top first, then its own
    if thread_depth <= 1:
        return None
    if len(levels) < thread_depth:
        return parent
    allowed = [int(pk) for pk in levels[: thread_depth - 1]]
    # An editor may have deleted that ancestor for good: then the deepest one still there (or a new thread).
    found = Comment.objects.in_bulk(allowed)
    return next((found[pk] for pk in reversed(allowed) if pk in found), None)

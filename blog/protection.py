"""Password-protected posts: who has unlocked which post, kept in the reader's session.

The session holds an HMAC of the password rather than the password itself, so
changing a post's password locks out everyone who had the old one.
"""

from django import forms
from django.utils.crypto import constant_time_compare, salted_hmac

SESSION_KEY = "unlocked_posts"


class PostPasswordForm(forms.Form):
    password = forms.CharField(label="Password", strip=False, max_length=100, widget=forms.PasswordInput)

    def __init__(self, *args, post, **kwargs):
        super().__init__(*args, **kwargs)
        self.post = post

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not constant_time_compare(password, self.post.password):
            raise forms.ValidationError("That password is not the right one for this post. Please try again.")
        return password


def _token(post):
    return salted_hmac("candid.post-password", f"{post.pk}:{post.password}").hexdigest()


def unlock(request, post):
    request.session[SESSION_KEY] = {**request.session.get(SESSION_KEY, {}), str(post.pk): _token(post)}


def is_unlocked(request, post):
    """Whether the reader may see `post`'s text: it has no password, or they gave the current one."""
    if not post.is_protected:
        return True
    token = request.session.get(SESSION_KEY, {}).get(str(post.pk), "")
    return constant_time_compare(token, _token(post))

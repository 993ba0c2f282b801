"""Password-protected posts and pages: who has unlocked which, kept in the reader's session.

The session holds an HMAC of the password rather than the password itself, so
changing an entry's password locks out everyone who had the old one.
"""

from django import forms
from django.http import HttpResponseNotAllowed
from django.shortcuts import redirect
from django.utils.crypto import constant_time_compare, salted_hmac
from django.utils.translation import gettext_lazy as _

SESSION_KEY = "unlocked_posts"


class PasswordForm(forms.Form):
    password = forms.CharField(label=_("Password"), strip=False, max_length=100, widget=forms.PasswordInput)

    def __init__(self, *args, entry, **kwargs):
        super().__init__(*args, **kwargs)
        self.entry = entry

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not constant_time_compare(password, self.entry.password):
            raise forms.ValidationError(_("That password is not the right one for this %(kind)s. Please try again."),
                                        params={"kind": self.entry._meta.verbose_name})  # fmt: skip
        return password


def _key(entry):
    return f"{entry._meta.model_name}:{entry.pk}"  # posts and pages number their rows apart


def _token(entry):
    return salted_hmac("candid.post-password", f"{entry.pk}:{entry.password}").hexdigest()


def unlock(request, entry):
    request.session[SESSION_KEY] = {**request.session.get(SESSION_KEY, {}), _key(entry): _token(entry)}


def is_unlocked(request, entry):
    """Whether the reader may see `entry`'s text: it has no password, or they gave the current one."""
    if not entry.is_protected:
        return True
    token = request.session.get(SESSION_KEY, {}).get(_key(entry), "")
    return constant_time_compare(token, _token(entry))


def password_form_or_unlock(request, entry):
    """For a view of `entry`: (None, None) if the reader may read it; (form, None) to ask for its password;
    (None, response) when a POST has answered it (a redirect to read it) or was not the password form's."""
    if is_unlocked(request, entry):
        return None, (HttpResponseNotAllowed(["GET", "HEAD"]) if request.method == "POST" else None)
    form = PasswordForm(request.POST or None, entry=entry)
    if request.method == "POST" and form.is_valid():
        unlock(request, entry)
        return None, redirect(request.path)
    return form, None

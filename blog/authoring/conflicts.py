"""Two people editing one post or page: the second save is refused, never a silent overwrite."""

from django import forms
from django.utils.formats import date_format


class GuardedForm(forms.ModelForm):
    """A change form that refuses to save over a save made after it was opened."""

    # What the entry was when the form was opened (by default its last save): another value now means
    # someone else saved meanwhile.
    edit_token = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["edit_token"].initial = self.saved_token()

    def saved_token(self):
        return self.instance.updated_at.isoformat()

    def conflict_message(self):
        when = date_format(self.instance.updated_at, "DATETIME_FORMAT")
        return (
            f"Someone else saved this {self.instance._meta.verbose_name} ({when}) after you opened it, so your "
            "changes were not saved. Copy what you wrote, reload the page and apply it again."
        )

    def clean(self):
        cleaned = super().clean()
        if self.instance.pk and self.data.get("edit_token") != self.saved_token():
            raise forms.ValidationError(self.conflict_message())
        return cleaned

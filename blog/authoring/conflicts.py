"""Two people editing one post or page: the second save is refused, never a silent overwrite."""

from django import forms
from django.utils.formats import date_format


class GuardedForm(forms.ModelForm):
    """A change form that refuses to save over a save made after it was opened."""

    # When the form was opened, the entry's last save: a later one means someone else saved meanwhile.
    edit_token = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["edit_token"].initial = self.instance.updated_at.isoformat()

    def clean(self):
        cleaned = super().clean()
        if self.instance.pk and self.data.get("edit_token") != self.instance.updated_at.isoformat():
            when = date_format(self.instance.updated_at, "DATETIME_FORMAT")
            raise forms.ValidationError(
                f"Someone else saved this {self.instance._meta.verbose_name} ({when}) after you opened it, so your "
                "changes were not saved. Copy what you wrote, reload the page and apply it again."
            )
        return cleaned

from allauth.mfa.utils import is_mfa_enabled
from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect

ROLES_NEEDING_2FA = {"Editor"}


def staff_two_factor(get_response):
    """Send editors and site owners without a second factor to set one up before the admin opens."""

    def middleware(request):
        user = request.user
        if (
            settings.STAFF_2FA
            and request.path.startswith("/admin/")
            and user.is_authenticated
            and user.is_staff
            and needs_two_factor(user)
            and not is_mfa_enabled(user)
        ):
            messages.warning(request, "Editors and site owners need two-factor authentication. Set it up to continue.")
            return redirect("mfa_activate_totp")
        return get_response(request)

    return middleware


def needs_two_factor(user):
    return user.is_superuser or user.groups.filter(name__in=ROLES_NEEDING_2FA).exists()

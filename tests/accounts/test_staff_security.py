"""Staff log in through allauth: rate limits, and a second factor for editors and site owners."""

import pytest
from allauth.mfa.totp.internal.auth import TOTP, format_hotp_value, generate_totp_secret, hotp_value
from django.contrib.auth.models import Group
from django.core.cache import cache

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

PASSWORD = "a-long-test-password"


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    cache.clear()
    yield
    cache.clear()


def current_code(secret):
    import time

    return format_hotp_value(hotp_value(secret, int(time.time()) // 30))


def test_admin_login_is_allauths(client):
    response = client.get("/admin/login/?next=/admin/")
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")


def test_editor_without_a_second_factor_is_sent_to_set_one_up(client, settings):
    settings.STAFF_2FA = True
    editor = UserFactory(is_staff=True)
    editor.groups.add(Group.objects.get(name="Editor"))
    client.force_login(editor)
    response = client.get("/admin/")
    assert response.status_code == 302 and response["Location"] == "/accounts/2fa/totp/activate/"


def test_contributor_is_not_forced_to_use_a_second_factor(client, settings):
    settings.STAFF_2FA = True
    contributor = UserFactory(is_staff=True)
    contributor.groups.add(Group.objects.get(name="Contributor"))
    client.force_login(contributor)
    assert client.get("/admin/").status_code == 200


def test_site_owner_with_totp_logs_in_with_password_then_code(client, settings):
    settings.STAFF_2FA = True
    owner = UserFactory(username="owner", is_staff=True, is_superuser=True)
    secret = generate_totp_secret()
    TOTP.activate(owner, secret)
    response = client.post("/accounts/login/", {"login": "owner", "password": PASSWORD})
    assert response.status_code == 302 and response["Location"] == "/accounts/2fa/authenticate/"
    assert client.get("/admin/").status_code == 302  # not logged in yet

    response = client.post("/accounts/2fa/authenticate/", {"code": current_code(secret)})
    assert response.status_code == 302
    assert client.get("/admin/").status_code == 200


def test_repeated_wrong_passwords_lock_out_with_a_clear_message(client):
    UserFactory(username="owner", is_staff=True)
    for _ in range(5):
        client.post("/accounts/login/", {"login": "owner", "password": "wrong"})
    response = client.post("/accounts/login/", {"login": "owner", "password": PASSWORD})
    assert response.status_code in (200, 429)
    assert "Too many failed login attempts" in response.content.decode()


def test_editor_enrols_an_authenticator_app_and_gets_recovery_codes(client, settings):
    from allauth.mfa.models import Authenticator
    from allauth.mfa.totp.internal.auth import SECRET_SESSION_KEY

    settings.STAFF_2FA = True
    editor = UserFactory(username="ed", is_staff=True)
    editor.groups.add(Group.objects.get(name="Editor"))
    client.post("/accounts/login/", {"login": "ed", "password": PASSWORD})
    assert client.get("/admin/")["Location"] == "/accounts/2fa/totp/activate/"
    assert client.get("/accounts/2fa/totp/activate/")["Location"].startswith("/accounts/reauthenticate/")
    client.post("/accounts/reauthenticate/", {"password": PASSWORD})  # confirming the password first
    page = client.get("/accounts/2fa/totp/activate/")
    assert page.status_code == 200
    secret = client.session[SECRET_SESSION_KEY]
    response = client.post("/accounts/2fa/totp/activate/", {"code": current_code(secret)})
    assert response.status_code == 302
    assert set(Authenticator.objects.filter(user=editor).values_list("type", flat=True)) == {"totp", "recovery_codes"}
    assert client.get("/admin/").status_code == 200


def test_a_site_owner_without_their_phone_logs_in_with_a_recovery_code_once(client, settings):
    from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes

    settings.STAFF_2FA = True
    owner = UserFactory(username="owner", is_staff=True, is_superuser=True)
    TOTP.activate(owner, generate_totp_secret())
    code = RecoveryCodes.activate(owner).get_unused_codes()[0]

    client.post("/accounts/login/", {"login": "owner", "password": PASSWORD})
    assert client.post("/accounts/2fa/authenticate/", {"code": code}).status_code == 302
    assert client.get("/admin/").status_code == 200

    client.post("/accounts/logout/")
    client.post("/accounts/login/", {"login": "owner", "password": PASSWORD})
    again = client.post("/accounts/2fa/authenticate/", {"code": code})  # a recovery code works only once
    assert again.status_code == 200 and "Incorrect code" in again.content.decode()
    assert client.get("/admin/").status_code == 302


def test_demo_login_is_never_on_in_production(tmp_path):
    from tests.config.test_startup import PRODUCTION, manage

    dummy = "allauth.socialaccount.providers.dummy"
    code = f"from django.conf import settings as s; print(s.DEMO_LOGIN, {dummy!r} in s.INSTALLED_APPS)"
    result = manage("shell", "-v", "0", "-c", code, env=PRODUCTION, var_dir=tmp_path)
    assert result.stdout.split() == ["False", "False"], result.stderr

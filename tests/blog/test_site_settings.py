import pytest

from blog.models import SiteSettings

pytestmark = pytest.mark.django_db


def settings_form(**changes):
    """The settings form as the admin would post it, with `changes`."""
    from django.forms.models import model_to_dict

    data = {k: v for k, v in model_to_dict(SiteSettings.load()).items() if v is not None and k != "id"}
    return {k: v for k, v in {**data, **changes}.items() if v is not False}


def test_site_owner_changes_the_title_and_tagline_in_the_admin(admin_client, client):
    response = admin_client.get("/admin/blog/sitesettings/")
    assert response.status_code == 302
    assert response["Location"] == "/admin/blog/sitesettings/1/change/"

    response = admin_client.post(
        "/admin/blog/sitesettings/1/change/",
        settings_form(title="Allotment 14", tagline="Notes from a muddy corner", posts_per_page=5),
    )
    assert response.status_code == 302, response.context["adminform"].form.errors

    home = client.get("/").content.decode()
    assert "Allotment 14" in home
    assert "Notes from a muddy corner" in home


def test_site_settings_cannot_be_added_twice_or_deleted(admin_client):
    SiteSettings.load()
    assert admin_client.get("/admin/blog/sitesettings/add/").status_code == 403
    assert admin_client.post("/admin/blog/sitesettings/1/delete/", {"post": "yes"}).status_code == 403
    assert SiteSettings.objects.count() == 1


def test_bad_input_keeps_what_was_typed_and_says_what_is_wrong(admin_client):
    SiteSettings.load()
    response = admin_client.post(
        "/admin/blog/sitesettings/1/change/", {"title": "", "tagline": "Kept tagline", "posts_per_page": "many"}
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "This field is required." in html
    assert "Enter a whole number." in html
    assert "Kept tagline" in html
    assert SiteSettings.load().title == "Candid"


def test_staff_without_permission_cannot_change_site_identity(client, django_user_model):
    editor = django_user_model.objects.create_user("editor", password="a-long-test-password", is_staff=True)
    client.force_login(editor)
    assert client.get("/admin/blog/sitesettings/1/change/").status_code == 403
    assert client.post("/admin/blog/sitesettings/1/change/", {"title": "Hijacked"}).status_code == 403
    assert SiteSettings.load().title == "Candid"


def test_only_one_row_ever_exists():
    SiteSettings(title="First").save()
    SiteSettings(title="Second").save()
    assert list(SiteSettings.objects.values_list("title", flat=True)) == ["Second"]

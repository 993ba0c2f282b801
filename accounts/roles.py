"""The blogging roles, as Django groups with their permissions.

Site owners are superusers and need no group. Run `sync_roles()` (the data
migrations do) after changing ROLES.
"""

from django.contrib.auth.management import create_permissions

CONTRIBUTOR, AUTHOR, EDITOR = "Contributor", "Author", "Editor"

_CONTRIBUTOR = {
    "blog.view_post",
    "blog.add_post",
    "blog.change_post",
    "blog.delete_post",
    "blog.view_category",
    "blog.view_tag",
    "blog.view_image",
    "blog.add_image",
    "blog.change_image",
    "blog.view_galleryitem",
    "blog.add_galleryitem",
    "blog.change_galleryitem",
    "blog.delete_galleryitem",
}
# Authors moderate the discussion of their own posts; the comment admin narrows it to those.
_AUTHOR = _CONTRIBUTOR | {
    "blog.publish_posts", "blog.add_tag", "blog.delete_image",
    "comments.view_comment", "comments.change_comment",
}  # fmt: skip
_EDITOR = _AUTHOR | {
    "blog.edit_others_posts",
    "blog.view_page", "blog.add_page", "blog.change_page", "blog.delete_page",
    "blog.publish_pages", "blog.edit_others_pages",
    "blog.add_category", "blog.change_category", "blog.delete_category",
    "blog.change_tag", "blog.delete_tag",
    "blog.view_revision",
    "comments.view_comment", "comments.change_comment", "comments.delete_comment",
}  # fmt: skip

ROLES = {CONTRIBUTOR: _CONTRIBUTOR, AUTHOR: _AUTHOR, EDITOR: _EDITOR}


def sync_roles(apps, schema_editor=None):
    """Create the role groups and give each exactly its permissions (usable as a RunPython step)."""
    for app_config in apps.get_app_configs():
        # Permissions are otherwise created only after all migrations have run.
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for role, names in ROLES.items():
        group, _ = Group.objects.get_or_create(name=role)
        # An early migration runs this with today's ROLES, which may name permissions of models a later
        # migration creates: those are left to the later migration that runs it again.
        # (tests/accounts checks that, once migrated, every role has every permission it names.)
        wanted = [name.split(".") for name in names]
        permissions = [
            permission
            for app, code in wanted
            if (permission := Permission.objects.filter(content_type__app_label=app, codename=code).first())
        ]
        group.permissions.set(permissions)

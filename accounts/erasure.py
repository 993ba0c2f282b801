"""Deleting a reader's account: the discussion stays readable, without anything that names them."""

from django.db import transaction

from comments.models import Comment

ANONYMOUS_NAME = "Former reader"


def may_delete_themselves(user):
    """Readers may; staff accounts (whose posts and history matter) are removed by the site owner."""
    return not (user.is_staff or user.is_superuser)


@transaction.atomic
def delete_account(user):
    Comment.objects.filter(user=user).update(
        user=None, author_name=ANONYMOUS_NAME, author_email="", author_url="", ip_address=None, user_agent=""
    )
    user.delete()

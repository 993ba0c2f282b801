"""The moderation queue, per role."""

import pytest
from django.contrib.auth.models import Group

from comments.editing import fingerprint
from comments.models import Comment, SpamToken
from tests.factories import CommentFactory, PostFactory, UserFactory

pytestmark = pytest.mark.django_db

LIST = "/admin/comments/comment/"


def staff(role):
    user = UserFactory(is_staff=True)
    user.groups.add(Group.objects.get(name=role))
    return user


def act(client, action, comments):
    return client.post(LIST, {"action": action, "_selected_action": [c.pk for c in comments]})


def test_editor_moderates_every_comment_in_bulk(client):
    editor = staff("Editor")
    held = CommentFactory.create_batch(3, status="pending")
    client.force_login(editor)
    assert all(c.author_name in client.get(LIST).content.decode() for c in held)
    act(client, "approve", held[:2])
    act(client, "mark_spam", held[2:])
    assert [Comment.objects.get(pk=c.pk).status for c in held] == ["approved", "approved", "spam"]


def test_status_filter_shows_counts(client):
    CommentFactory.create_batch(2, status="pending")
    CommentFactory(status="spam")
    client.force_login(staff("Editor"))
    html = client.get(LIST).content.decode()
    assert "Pending (2)" in html and "Spam (1)" in html


def test_author_moderates_the_discussion_of_their_own_posts_only(client):
    author = staff("Author")
    mine = CommentFactory(post=PostFactory(author=author), status="pending", body="On my post")
    theirs = CommentFactory(status="pending", body="On someone else's post")
    client.force_login(author)
    listing = client.get(LIST).content.decode()
    assert "On my post" in listing and "someone else" not in listing
    act(client, "approve", [mine, theirs])
    assert Comment.objects.get(pk=mine.pk).status == "approved"
    assert Comment.objects.get(pk=theirs.pk).status == "pending"


def test_contributor_has_no_moderation_queue(client):
    client.force_login(staff("Contributor"))
    assert client.get(LIST).status_code == 403


def test_trashing_a_parent_keeps_its_replies_readable(client):
    post = PostFactory()
    parent = CommentFactory(post=post)
    reply = CommentFactory(post=post, parent=parent, body="Still here")
    client.force_login(staff("Editor"))
    act(client, "trash", [parent])
    parent.refresh_from_db()
    assert parent.status == Comment.Status.TRASH
    page = client.get(post.get_absolute_url()).content.decode()
    assert "Still here" in page and f'id="comment-{reply.pk}"' in page
    assert f'id="comment-{parent.pk}"' not in page


def test_each_comment_links_to_its_place_on_the_page(client):
    comment = CommentFactory()
    client.force_login(staff("Editor"))
    assert f'href="{comment.get_absolute_url()}"' in client.get(LIST).content.decode()


def test_marking_spam_and_approving_teach_the_filter(client):
    spam = CommentFactory(status="pending", body="casino casino bonus")
    ham = CommentFactory(status="pending", body="lovely beans")
    client.force_login(staff("Editor"))
    act(client, "mark_spam", [spam])
    act(client, "approve", [ham])
    assert SpamToken.objects.get(token="casino").spam == 1
    assert SpamToken.objects.get(token="beans").ham == 1
    act(client, "approve", [spam])  # a mistake undone: no longer counted as spam
    assert SpamToken.objects.get(token="casino").spam == 0


def change_url(comment):
    return f"{LIST}{comment.pk}/change/"


def comment_form(comment, **changes):
    """`comment`'s change form as the admin posts it, with `changes` (and its read-only list of earlier versions)."""
    fields = ["post", "parent", "user", "author_name", "author_email", "author_url", "body", "status", "kind"]
    data = {name: getattr(comment, f"{name}_id" if name in ("post", "parent", "user") else name) for name in fields}
    data.update({"edit_token": f"{fingerprint(comment.body)}:{comment.status}", "revisions-TOTAL_FORMS": 0,
                 "revisions-INITIAL_FORMS": 0})  # fmt: skip
    return {name: "" if value is None else value for name, value in {**data, **changes}.items()}


def test_author_approves_and_edits_the_text_of_a_comment_on_their_post(client):
    author = staff("Author")
    comment = CommentFactory(post=PostFactory(author=author), status="pending", body="Nice beans")
    client.force_login(author)
    response = client.post(change_url(comment), comment_form(comment, status="approved", body="Nice beans!"))
    assert response.status_code == 302
    comment.refresh_from_db()
    assert (comment.status, comment.body) == ("approved", "Nice beans!")


def test_author_sees_where_a_comment_stands_and_who_wrote_it_read_only(client):
    author = staff("Author")
    comment = CommentFactory(post=PostFactory(author=author))
    client.force_login(author)
    form = client.get(change_url(comment)).context["adminform"].form
    assert set(form.fields) == {"body", "status", "edit_token"}  # the token: its state when opened (a hidden field)


def test_author_cannot_move_a_comment_to_another_post_or_rewrite_its_author_by_forging_the_form(client):
    author = staff("Author")
    mine = PostFactory(author=author)
    theirs = PostFactory()
    their_comment = CommentFactory(post=theirs)
    comment = CommentFactory(post=mine, status="pending", author_name="Ada", author_email="ada@example.com")
    forged = {
        "post": theirs.pk,
        "parent": their_comment.pk,
        "user": UserFactory().pk,
        "author_name": "Someone famous",
        "author_email": "famous@example.com",
        "author_url": "https://spam.example/",
        "ip_address": "203.0.113.9",
        "user_agent": "Forged",
    }
    client.force_login(author)
    response = client.post(change_url(comment), comment_form(comment, status="approved", **forged))
    assert response.status_code == 302  # the read-only fields are ignored; the moderation is kept
    stored = Comment.objects.get(pk=comment.pk)
    assert (stored.post, stored.parent, stored.user) == (mine, None, None)
    assert (stored.author_name, stored.author_email, stored.author_url) == ("Ada", "ada@example.com", "")
    assert (stored.ip_address, stored.user_agent) == (comment.ip_address, comment.user_agent)
    assert stored.status == "approved"
    assert list(theirs.comments.all()) == [their_comment]


def test_author_cannot_open_or_change_a_comment_on_someone_elses_post(client):
    author = staff("Author")
    theirs = CommentFactory(status="pending", body="On someone else's post")
    client.force_login(author)
    assert client.get(change_url(theirs)).status_code == 302  # "doesn't exist", as Django's admin says
    client.post(change_url(theirs), comment_form(theirs, status="approved", body="Rewritten"))
    stored = Comment.objects.get(pk=theirs.pk)
    assert (stored.status, stored.body) == ("pending", "On someone else's post")


@pytest.mark.parametrize("superuser", [False, True], ids=["editor", "site owner"])
def test_editors_correct_a_comments_author_but_never_move_it_out_of_its_tree(client, superuser):
    editor = staff("Editor")
    editor.is_superuser = superuser
    editor.save()
    comment = CommentFactory(author_name="Ada")
    reply = CommentFactory(post=comment.post, parent=comment)
    elsewhere = CommentFactory()
    client.force_login(editor)
    forged = comment_form(reply, post=elsewhere.post_id, parent=elsewhere.pk, author_name="Ada L.")
    assert client.post(change_url(reply), forged).status_code == 302
    stored = Comment.objects.get(pk=reply.pk)
    assert (stored.post, stored.parent, stored.author_name) == (comment.post, comment, "Ada L.")
    assert stored.path.startswith(comment.path + "/")


def test_a_status_changed_in_the_form_teaches_the_filter_like_the_list_actions(client):
    comment = CommentFactory(status="pending", body="casino bonus casino")
    client.force_login(staff("Editor"))
    assert client.post(change_url(comment), comment_form(comment, status="spam")).status_code == 302
    assert Comment.objects.get().status == "spam"
    assert SpamToken.objects.get(token="casino").spam == 1
    assert client.post(change_url(comment), comment_form(Comment.objects.get(), body="Edited")).status_code == 302
    assert SpamToken.objects.get(token="casino").spam == 1  # an edit that keeps the status teaches nothing


def test_unapproving_hides_a_comment_again_and_search_finds_comments_by_their_words(client):
    comment = CommentFactory(status="approved", body="About runner beans")
    CommentFactory(status="approved", body="About leeks")
    client.force_login(staff("Editor"))
    act(client, "unapprove", [comment])
    assert Comment.objects.get(pk=comment.pk).status == "pending"
    assert "About runner beans" not in client.get(comment.post.get_absolute_url()).content.decode()
    found = client.get(LIST, {"q": "runner"}).context["cl"].result_list
    assert [c.pk for c in found] == [comment.pk]

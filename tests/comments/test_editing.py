"""A commenter changes or deletes their own comment, for the minutes the site allows (comments/editing.py)."""

import datetime
import time

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.db import connection
from django.test import Client, RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from comments import editing
from comments.editing import fingerprint
from comments.forms import MAX_BODY
from comments.models import Comment, CommentRevision, SpamToken
from comments.moderation import moderate
from tests.commenting import send
from tests.factories import CommentFactory, PostFactory, UserFactory

pytestmark = pytest.mark.django_db

NOT_YOURS = "You can only change your own comments"
TIME_IS_UP = "The time to change this comment is over"


def posted(client, post, body="Hazel rods work best."):
    """The comment `client` posts on `post`."""
    assert send(client, post, body=body).status_code == 302
    return Comment.objects.get(body=body)


def edit(client, comment, body, seen=None):
    url = f"/comments/{comment.pk}/edit/"
    return client.post(url, {"body": body, "seen": seen or fingerprint(comment.body)})


def older(comment, minutes):
    Comment.objects.filter(pk=comment.pk).update(created_at=timezone.now() - datetime.timedelta(minutes=minutes))


# --- The good path ---------------------------------------------------------------------------------------------


def test_a_guest_edits_their_comment_and_the_discussion_says_edited(client, site, post):
    comment = posted(client, post)
    page = client.get(post.get_absolute_url()).content.decode()
    assert f'href="/comments/{comment.pk}/edit/"' in page and "comment-edited" not in page

    form = client.get(f"/comments/{comment.pk}/edit/")
    assert form.status_code == 200 and "Hazel rods work best." in form.content.decode()
    response = edit(client, comment, "Hazel rods work *best*.")
    assert response.status_code == 303 and response.url.endswith(f"#comment-{comment.pk}")

    comment.refresh_from_db()
    assert comment.body == "Hazel rods work *best*." and "<em>best</em>" in comment.body_html
    assert comment.status == "approved" and comment.edited_at is not None
    page = client.get(response.url).content.decode()
    assert '<span class="comment-edited">edited</span>' in page and "Your comment was updated." in page
    revision = CommentRevision.objects.get()
    assert (revision.comment, revision.change, revision.body, revision.status) == (
        comment, "edited", "Hazel rods work best.", "approved"
    )  # fmt: skip
    # Other readers see the edited text, marked, and no link to change it.
    other = Client().get(post.get_absolute_url()).content.decode()
    assert "<em>best</em>" in other and "comment-edited" in other and "/edit/" not in other


def test_a_logged_in_writer_edits_from_another_browser(site, post):
    writer = UserFactory()
    first, second = Client(), Client()
    first.force_login(writer)
    comment = posted(first, post)
    second.force_login(writer)
    assert f"/comments/{comment.pk}/edit/" in second.get(post.get_absolute_url()).content.decode()
    assert edit(second, comment, "Fixed from my phone.").status_code == 303
    assert Comment.objects.get().body == "Fixed from my phone."


def test_saving_the_same_text_changes_nothing(client, site, post):
    comment = posted(client, post)
    assert edit(client, comment, comment.body).status_code == 303
    comment.refresh_from_db()
    assert comment.edited_at is None and not CommentRevision.objects.exists()


def test_deleting_takes_the_comment_out_and_keeps_its_replies(client, site, post):
    comment = posted(client, post)
    reply = CommentFactory(post=post, parent=comment, body="Mine are ash.")
    response = client.post(f"/comments/{comment.pk}/delete/")
    assert response.status_code == 303 and response.url.endswith("#comments")

    comment.refresh_from_db()
    assert comment.status == "trash"
    assert CommentRevision.objects.get().change == "deleted"
    page = client.get(response.url).content.decode()
    assert "Hazel rods" not in page and "Mine are ash." in page and "Your comment was deleted." in page
    reply.refresh_from_db()
    assert reply.parent == comment and reply.status == "approved"


def test_a_reply_posted_while_the_writer_edits_is_kept_under_the_edited_comment(client, site, post):
    comment = posted(client, post)
    assert client.get(f"/comments/{comment.pk}/edit/").status_code == 200  # the writer opens the form
    assert send(Client(), post, ip="203.0.113.9", body="Bamboo lasts.", parent=comment.pk).status_code == 302
    assert edit(client, comment, "Hazel rods, or bamboo.").status_code == 303
    page = Client().get(post.get_absolute_url()).content.decode()
    assert page.index("Hazel rods, or bamboo.") < page.index("Bamboo lasts.")
    reply = Comment.objects.get(body="Bamboo lasts.")
    assert reply.parent == comment and reply.status == "approved" and reply.path.startswith(comment.path + "/")


def test_the_edit_page_offers_saving_and_deleting_and_is_not_indexed(client, site, post):
    comment = posted(client, post)
    html = client.get(f"/comments/{comment.pk}/edit/").content.decode()
    assert '<meta name="robots" content="noindex">' in html and 'name="csrfmiddlewaretoken"' in html
    assert "Delete Comment" in html and "Save Changes" in html


# --- Who may, and when ---------------------------------------------------------------------------------------------


def test_another_browser_may_not_edit_or_delete_and_sees_no_link(client, site, post):
    comment = posted(client, post)
    stranger = Client()
    assert "/edit/" not in stranger.get(post.get_absolute_url()).content.decode()
    assert NOT_YOURS in stranger.get(f"/comments/{comment.pk}/edit/").content.decode()
    response = edit(stranger, comment, "Buy my beans.")
    assert response.status_code == 403 and NOT_YOURS in response.content.decode()
    assert "Buy my beans." in response.content.decode()  # their own words, to copy
    assert stranger.post(f"/comments/{comment.pk}/delete/").status_code == 403
    comment.refresh_from_db()
    assert comment.body == "Hazel rods work best." and comment.status == "approved"


@pytest.mark.parametrize("status", ["pending", "spam", "trash"])
def test_a_stranger_learns_nothing_of_a_comment_readers_cannot_see(client, site, post, status):
    hidden = CommentFactory(post=post, status=status, user=UserFactory(), body="Not for readers' eyes.")
    intruder = Client()
    intruder.force_login(UserFactory())
    for response in (intruder.get(f"/comments/{hidden.pk}/edit/"), edit(intruder, hidden, "Mine now.")):
        assert response.status_code == 404 and "Not for readers" not in response.content.decode()
    assert Comment.objects.get().body == "Not for readers' eyes."


def test_another_users_approved_comment_is_refused_to_them(site, post):
    theirs = CommentFactory(post=post, user=UserFactory())
    intruder = Client()
    intruder.force_login(UserFactory())
    response = edit(intruder, theirs, "Mine now.")
    assert response.status_code == 403 and NOT_YOURS in response.content.decode()


def test_a_writer_who_logged_out_may_no_longer_edit(client, site, post):
    client.force_login(UserFactory())
    comment = posted(client, post)
    client.logout()
    assert edit(client, comment, "Logged out now.").status_code == 403
    assert Comment.objects.get().body == "Hazel rods work best."


@pytest.mark.parametrize("address", ["/comments/999999/edit/", "/comments/99999999999999999999999/edit/",
                                     "/comments/0/delete/"])  # fmt: skip
def test_forged_ids_are_not_found(client, site, address):
    assert client.post(address, {"body": "x" * 10, "seen": "x"}).status_code == 404


def test_a_comment_on_a_post_the_reader_may_not_see_is_not_found(client, site, post):
    comment = posted(client, post)
    post.status = post.Status.DRAFT
    post.save()
    assert edit(client, comment, "Still here?").status_code == 404


def test_after_the_window_the_edit_is_refused_and_the_words_kept(client, configure, post):
    configure(comment_flood_seconds=0, hold_first_comments=False, comment_edit_minutes=10)
    comment = posted(client, post)
    older(comment, minutes=11)
    assert "/edit/" not in client.get(post.get_absolute_url()).content.decode()
    response = edit(client, comment, "Too late, but kept.")
    html = response.content.decode()
    assert response.status_code == 403 and TIME_IS_UP in html and "10 minutes" in html
    assert "Too late, but kept." in html
    assert client.post(f"/comments/{comment.pk}/delete/").status_code == 403
    assert Comment.objects.get().body == "Hazel rods work best."


def test_a_site_may_allow_no_edits_at_all_and_then_keeps_no_session(client, configure, post):
    configure(comment_flood_seconds=0, hold_first_comments=False, comment_edit_minutes=0)
    comment = posted(client, post)
    assert "comments_written" not in client.session
    assert "/edit/" not in client.get(post.get_absolute_url()).content.decode()
    assert client.get(f"/comments/{comment.pk}/edit/").status_code == 403
    member = Client()
    member.force_login(UserFactory())
    mine = posted(member, post, body="Logged in this time.")
    response = member.get(f"/comments/{mine.pk}/edit/")
    assert response.status_code == 403 and "does not let commenters change" in response.content.decode()


def test_a_comment_removed_while_its_writer_edits_is_refused_as_the_locked_row_says(client, site, post):
    comment = posted(client, post)  # as the edit page read it: approved
    moderate(RequestFactory().get("/"), [Comment.objects.get()], Comment.Status.TRASH)
    with pytest.raises(editing.Refused) as refused:
        editing.edit(comment, "My fixed words.", fingerprint(comment.body), site)
    assert not refused.value.conflict and "has been removed" in str(refused.value)
    assert Comment.objects.get().status == "trash" and Comment.objects.get().body == "Hazel rods work best."


def test_edits_are_limited_and_the_last_words_are_kept_on_the_refusal(client, site, post):
    posted(client, post)
    for n in range(editing.MAX_EDITS):
        assert edit(client, Comment.objects.get(), f"Version {n}.").status_code == 303
    response = edit(client, Comment.objects.get(), "One too many.")
    html = response.content.decode()
    assert response.status_code == 409 and f"changed {editing.MAX_EDITS} times" in html
    assert "One too many." in html and "Save Changes" not in html
    assert CommentRevision.objects.count() == editing.MAX_EDITS
    assert Comment.objects.get().body == f"Version {editing.MAX_EDITS - 1}."


def test_a_comment_moderators_removed_cannot_be_changed_by_its_writer(client, site, post):
    comment = posted(client, post)
    moderate(RequestFactory().get("/"), [comment], Comment.Status.SPAM)
    response = edit(client, comment, "Let me back in.")
    assert response.status_code == 403 and "has been removed" in response.content.decode()
    assert Comment.objects.get().status == "spam"


def test_comments_closed_since_posting_cannot_be_changed(client, site, post):
    comment = posted(client, post)
    post.comment_status = "closed"
    post.save()
    assert edit(client, comment, "Closed now.").status_code == 403


def test_editing_and_deleting_need_the_csrf_token(site, post):
    writer = Client(enforce_csrf_checks=True)
    comment = CommentFactory(post=post)
    session = writer.session
    session["comments_written"] = [comment.pk]
    session.save()
    assert edit(writer, comment, "No token.").status_code == 403
    assert writer.post(f"/comments/{comment.pk}/delete/").status_code == 403
    assert Comment.objects.get().status == "approved" and Comment.objects.get().body == comment.body


def test_deleting_is_a_post_only(client, site, post):
    comment = posted(client, post)
    assert client.get(f"/comments/{comment.pk}/delete/").status_code == 405


# --- Bad edits ----------------------------------------------------------------------------------------------------


def test_a_1_mb_edit_is_refused_with_a_clear_message_and_nothing_lost(client, site, post):
    comment = posted(client, post)
    response = edit(client, comment, "b" * 1_000_000)
    html = response.content.decode()
    assert response.status_code == 400 and "Your changes were not saved." in html
    assert f"at most {MAX_BODY} characters" in html
    assert "b" * MAX_BODY in html and len(html) < 200_000  # the words come back, not the megabyte
    assert Comment.objects.get().body == "Hazel rods work best."


def test_an_empty_edit_says_to_delete_instead(client, site, post):
    comment = posted(client, post)
    response = edit(client, comment, "   ")
    assert response.status_code == 400 and "delete it instead" in response.content.decode()


def test_an_edit_with_a_disallowed_term_goes_to_the_trash(client, configure, post):
    configure(comment_flood_seconds=0, hold_first_comments=False, disallowed_terms="casino")
    comment = posted(client, post)
    response = edit(client, comment, "Visit my casino.")
    assert response.status_code == 303 and response.url.endswith("#comments")
    assert Comment.objects.get().status == "trash"
    assert "does not accept" in client.get(response.url).content.decode()


def test_an_edit_full_of_links_is_held_and_its_writer_still_sees_it(client, configure, post):
    configure(comment_flood_seconds=0, hold_first_comments=False, hold_after_links=1)
    comment = posted(client, post)
    response = edit(client, comment, "See https://a.example and https://b.example")
    assert Comment.objects.get().status == "pending"
    page = client.get(response.url).content.decode()
    assert "Your comment is awaiting moderation." in page and "It is awaiting moderation." in page
    assert "b.example" not in Client().get(post.get_absolute_url()).content.decode()


def test_a_held_comment_edited_stays_held_even_when_its_words_are_clean(client, configure, post):
    configure(comment_flood_seconds=0, hold_all_comments=True)
    comment = posted(client, post)
    assert comment.status == "pending"
    configure(hold_all_comments=False, hold_first_comments=False)
    edit(client, comment, "Nothing to hold here.")
    assert Comment.objects.get().status == "pending"


def test_an_approval_that_came_first_is_kept(client, site, post):
    """The writer opened the form while it was held; a moderator approved it; then the writer saved."""
    site.hold_all_comments = True
    site.save()
    comment = posted(client, post)
    seen = fingerprint(comment.body)
    moderate(RequestFactory().get("/"), [comment], Comment.Status.APPROVED)
    site.hold_all_comments = False
    site.save()
    assert edit(client, comment, "Edited after the approval.", seen=seen).status_code == 303
    comment.refresh_from_db()
    assert comment.status == "approved" and comment.body == "Edited after the approval."


def test_a_moderators_edit_that_came_first_is_never_overwritten_unseen(client, site, post):
    comment = posted(client, post)
    seen = fingerprint(comment.body)
    moderated = Comment.objects.get()
    moderated.body = "Hazel rods work best. [link removed by a moderator]"
    moderated.save()
    response = edit(client, comment, "My version.", seen=seen)
    html = response.content.decode()
    assert response.status_code == 409 and "was changed since you opened it" in html
    assert "My version." in html and "link removed by a moderator" in html
    assert Comment.objects.get().body.endswith("[link removed by a moderator]")
    # Saving again, having seen it, saves.
    now = fingerprint("Hazel rods work best. [link removed by a moderator]")
    assert f'value="{now}"' in html
    assert edit(client, comment, "My version.", seen=now).status_code == 303
    assert Comment.objects.get().body == "My version."


def test_the_filters_lesson_on_the_old_words_is_taken_back(client, site, post):
    comment = posted(client, post, body="Hazel rods work best for runner beans.")
    moderate(RequestFactory().get("/"), [Comment.objects.get()], Comment.Status.SPAM)
    moderate(RequestFactory().get("/"), [Comment.objects.get()], Comment.Status.APPROVED)
    assert Comment.objects.get().taught_as == "ham" and SpamToken.objects.filter(ham=1).exists()
    edit(client, comment, "Completely different words now.")
    assert Comment.objects.get().taught_as == ""
    assert not SpamToken.objects.filter(ham__gt=0).exists() and not SpamToken.objects.filter(spam__gt=0).exists()


# --- Moderators, and the post page's cost ---------------------------------------------------------------------------


def test_moderators_see_the_earlier_versions(client, admin_client, site, post):
    comment = posted(client, post)
    edit(client, comment, "Second thoughts.")
    html = admin_client.get(f"/admin/comments/comment/{comment.pk}/change/").content.decode()
    assert "Earlier versions, by its writer" in html and "Hazel rods work best." in html
    assert "Edited by its writer" in html


def test_a_moderator_saves_an_edited_comment_and_its_history_stays_as_it_was(client, admin_client, site, post):
    comment = posted(client, post)
    edit(client, comment, "Second thoughts.")
    revision = CommentRevision.objects.get()
    comment.refresh_from_db()
    form = {name: getattr(comment, name) for name in ("author_name", "author_email", "body", "kind")}
    form.update(post=post.pk, status="approved", body="Second thoughts, trimmed.",
                edit_token=f"{fingerprint(comment.body)}:approved")  # fmt: skip
    form.update({"revisions-TOTAL_FORMS": 1, "revisions-INITIAL_FORMS": 1, "revisions-0-id": revision.pk,
                 "revisions-0-comment": comment.pk})  # as the page sends them  # fmt: skip
    response = admin_client.post(f"/admin/comments/comment/{comment.pk}/change/", form)
    assert response.status_code == 302
    assert Comment.objects.get().body == "Second thoughts, trimmed."
    assert list(CommentRevision.objects.values_list("body", flat=True)) == ["Hazel rods work best."]


@pytest.mark.parametrize("role", ["Editor", "Author"])
def test_the_roles_that_moderate_see_the_history(client, site, role):
    moderator = UserFactory(is_staff=True)
    moderator.groups.add(Group.objects.get(name=role))
    comment = posted(client, PostFactory(author=moderator))  # an author moderates their own posts' discussion
    edit(client, comment, "Second thoughts.")
    staff = Client()
    staff.force_login(moderator)
    html = staff.get(f"/admin/comments/comment/{comment.pk}/change/").content.decode()
    assert "Hazel rods work best." in html and "Second thoughts." in html


def test_the_post_page_costs_the_same_queries_with_the_edit_window_as_without(client, configure, post):
    configure(comment_flood_seconds=0, hold_first_comments=False, comment_edit_minutes=10)
    for n in range(5):
        CommentFactory(post=PostFactory() if n % 2 else post)
    comment = posted(client, post)

    def queries():
        with CaptureQueriesContext(connection) as captured:
            html = client.get(post.get_absolute_url()).content.decode()
        return len(captured), html

    queries()  # the site's settings cached, as after any change to them
    with_window, html = queries()
    assert f"/comments/{comment.pk}/edit/" in html and html.count("comment-edit-link") == 1
    configure(comment_edit_minutes=0)
    queries()
    without_window, html = queries()
    assert "/edit/" not in html
    assert with_window == without_window


def test_a_writer_is_forgotten_once_the_window_is_over_and_gets_shared_pages_again(client, site, post):
    comment = posted(client, post)
    assert client.session["comments_written"][0][0] == comment.pk
    session = client.session  # the entry's end, set when it was posted, is past
    session["comments_written"] = [[comment.pk, time.time() - 1]]
    session.save()
    response = client.get(post.get_absolute_url())
    assert "comments_written" not in client.session
    assert response.cookies[settings.SESSION_COOKIE_NAME].value == ""  # the empty session's cookie goes


def test_a_held_comment_stays_remembered_for_the_session(client, configure, post):
    configure(comment_flood_seconds=0, hold_all_comments=True)
    comment = posted(client, post)
    assert client.session["comments_written"] == [[comment.pk, None]]
    older(comment, minutes=600)
    assert "Your comment is awaiting moderation." in client.get(post.get_absolute_url()).content.decode()


def test_a_post_author_hears_when_an_edit_holds_an_approved_comment(client, configure, post, mailoutbox):
    configure(comment_flood_seconds=0, hold_first_comments=False, hold_after_links=0, notify_authors=True)
    comment = posted(client, post)
    mailoutbox.clear()
    edit(client, comment, "Now with https://example.com")
    assert Comment.objects.get().status == "pending"
    [mail] = mailoutbox
    assert mail.to == [post.author.email] and "was edited by its writer" in mail.body
    mailoutbox.clear()
    edit(client, Comment.objects.get(), "Again https://example.com")  # held already: nothing new to moderate
    assert mailoutbox == []


def test_a_moderators_form_opened_before_the_writers_edit_does_not_save_over_it(client, admin_client, site, post):
    comment = posted(client, post)
    opened = admin_client.get(f"/admin/comments/comment/{comment.pk}/change/")
    token = opened.context["adminform"].form["edit_token"].value()
    edit(client, comment, "The writer's fix.")
    form = {"post": post.pk, "author_name": comment.author_name, "author_email": comment.author_email,
            "body": "The moderator's trim.", "status": "approved", "kind": "comment", "edit_token": token,
            "revisions-TOTAL_FORMS": 0, "revisions-INITIAL_FORMS": 0}  # fmt: skip
    response = admin_client.post(f"/admin/comments/comment/{comment.pk}/change/", form)
    assert response.status_code == 200 and "was changed after you opened it" in response.content.decode()
    assert Comment.objects.get().body == "The writer's fix."

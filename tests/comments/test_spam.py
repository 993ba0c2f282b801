"""The anti-spam layers, each a site setting."""

import pytest

from comments import bayes
from comments.models import Comment, SpamToken
from comments.moderation import moderate
from tests.commenting import form_data, refused_page, send
from tests.factories import CommentFactory, UserFactory

pytestmark = pytest.mark.django_db

DUPLICATE = "Duplicate comment detected; it looks as though you’ve already said that!"
TOO_FAST = "You are posting comments too quickly. Slow down."


def test_the_same_comment_twice_is_refused_as_a_duplicate(client, site, post):
    send(client, post)
    assert DUPLICATE in refused_page(client, send(client, post, ip="198.51.100.7"))
    assert Comment.objects.count() == 1


def test_posting_again_within_the_flood_window_is_refused(client, post, configure):
    configure(comment_flood_seconds=30, hold_first_comments=False)
    send(client, post)
    html = refused_page(client, send(client, post, body="And another thing.", email="other@example.net"))
    assert TOO_FAST in html and "And another thing." in html
    assert Comment.objects.count() == 1


def test_flood_control_also_counts_a_logged_in_reader_across_addresses(client, post, configure):
    configure(comment_flood_seconds=30, hold_first_comments=False)
    client.force_login(UserFactory())
    send(client, post, ip="192.0.2.1")
    assert TOO_FAST in refused_page(client, send(client, post, body="Again", ip="192.0.2.99"))
    assert Comment.objects.count() == 1


def test_too_many_links_hold_the_comment(client, site, post, configure):
    configure(hold_after_links=1)
    send(client, post, body="https://a.example https://b.example")
    assert Comment.objects.get().status == "pending"


@pytest.mark.parametrize("term", ["cheap shoes", "rosa@example.net", "203.0.113.5"])
def test_moderation_list_matches_words_addresses_and_ips(client, site, post, configure, term):
    configure(moderation_terms=f"nothing here\n{term}\n")
    send(client, post, body="Where can I find cheap shoes?")
    assert Comment.objects.get().status == "pending"


@pytest.mark.parametrize("term", ["Cheap Shoes", "ROSA@example.net", "203.0.113.5"])
def test_a_disallowed_match_goes_to_the_trash_kept_but_never_shown_or_mailed(client, post, configure, term, mailoutbox):
    configure(comment_flood_seconds=0, hold_first_comments=False, disallowed_terms=f"\n{term}\n")
    response = send(client, post, body="Where can I find cheap shoes?")
    comment = Comment.objects.get()
    assert comment.status == "trash" and comment.body == "Where can I find cheap shoes?"
    assert response.status_code == 302  # no hint for whoever tries their luck
    assert "cheap shoes" not in client.get(post.get_absolute_url()).content.decode()
    assert mailoutbox == []


def test_the_disallowed_list_wins_over_the_moderation_list(client, site, post, configure):
    configure(moderation_terms="shoes", disallowed_terms="cheap")
    send(client, post, body="Where can I find cheap shoes?")
    assert Comment.objects.get().status == "trash"


def test_an_empty_disallowed_list_lets_comments_through(client, site, post, configure):
    configure(disallowed_terms="\n  \n")
    send(client, post)
    assert Comment.objects.get().status == "approved"


def test_hold_all_comments(client, site, post, configure):
    configure(hold_all_comments=True)
    send(client, post)
    assert Comment.objects.get().status == "pending"


def test_first_comment_is_held_then_the_same_person_is_trusted(client, post, configure):
    configure(comment_flood_seconds=0, hold_first_comments=True)
    send(client, post)
    first = Comment.objects.get()
    assert first.status == "pending"
    first.status = "approved"
    first.save()
    send(client, post, body="Thanks for approving me.")
    assert Comment.objects.get(body="Thanks for approving me.").status == "approved"


def test_the_blogs_own_authors_are_not_held(client, post, configure, django_user_model):
    from django.contrib.auth.models import Group

    configure(comment_flood_seconds=0, hold_first_comments=True)
    author = UserFactory()
    author.groups.add(Group.objects.get(name="Author"))
    client.force_login(author)
    send(client, post)
    assert Comment.objects.get().status == "approved"


def test_the_filter_learns_from_moderators_and_holds_what_looks_like_spam(client, site, post):
    for i in range(8):
        bayes.train(CommentFactory.build(body=f"cheap replica watches casino bonus {i}", author_email="x@spam.test"),
                    is_spam=True)  # fmt: skip
        bayes.train(CommentFactory.build(body=f"lovely beans this year, the garden looks well {i}"), is_spam=False)
    send(client, post, body="casino bonus and cheap replica watches here", email="new@spam.test")
    held = Comment.objects.get()
    assert held.status == "pending" and held.spam_score > 0.9
    send(client, post, body="The garden looks lovely, well done with the beans", email="friend@example.org",
         ip="198.51.100.2")  # fmt: skip
    friendly = Comment.objects.get(author_email="friend@example.org")
    assert friendly.status == "approved" and friendly.spam_score < 0.5


def test_an_untrained_filter_holds_nothing():
    assert bayes.score(CommentFactory.build(body="anything at all")) == 0.5


class TestBehindAProxy:
    """nginx in front: every request comes from 127.0.0.1 and the reader's address is in X-Forwarded-For."""

    @pytest.fixture(autouse=True)
    def one_proxy(self, settings):
        settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1

    def post_via_proxy(self, client, post, forwarded_for, **fields):
        data = form_data(post, **fields)
        return client.post("/comments/post/", data, REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR=forwarded_for)

    def test_the_reader_address_is_the_one_our_proxy_saw(self, client, post):
        self.post_via_proxy(client, post, "198.51.100.66, 203.0.113.9")  # the first entry is the reader's to forge
        assert Comment.objects.get().ip_address == "203.0.113.9"

    def test_two_readers_behind_the_proxy_are_not_one_flood(self, client, post, configure):
        configure(comment_flood_seconds=30, hold_first_comments=False)
        self.post_via_proxy(client, post, "203.0.113.9")
        response = self.post_via_proxy(client, post, "203.0.113.10", body="Mine too.", email="other@example.net")
        assert response.status_code == 302
        assert Comment.objects.count() == 2

    def test_one_reader_behind_the_proxy_is_still_held_to_the_flood_delay(self, client, post, configure):
        configure(comment_flood_seconds=30, hold_first_comments=False)
        self.post_via_proxy(client, post, "203.0.113.9")
        response = self.post_via_proxy(client, post, "203.0.113.9", body="Again.", email="other@example.net")
        assert TOO_FAST in refused_page(client, response)
        assert Comment.objects.count() == 1


def test_without_a_trusted_proxy_x_forwarded_for_is_ignored(client, post):
    client.post("/comments/post/", form_data(post), REMOTE_ADDR="203.0.113.5", HTTP_X_FORWARDED_FOR="198.51.100.66")
    assert Comment.objects.get().ip_address == "203.0.113.5"


def test_a_comment_approved_when_posted_and_marked_spam_later_teaches_spam_only(rf):
    comment = CommentFactory(status="approved", body="cheap watches")
    moderate(rf.post("/"), [comment], Comment.Status.SPAM)
    assert SpamToken.objects.get(token="watches").spam == 1
    assert SpamToken.objects.get(token="watches").ham == 0
    assert Comment.objects.get().taught_as == "spam"


def test_a_decision_made_twice_teaches_once_and_a_reversed_one_takes_its_lesson_back(rf):
    comment = CommentFactory(status="pending", body="runner beans")
    for status in ("approved", "pending", "approved"):
        moderate(rf.post("/"), [comment], status)
    assert (SpamToken.objects.get(token="beans").ham, SpamToken.objects.get(token="beans").spam) == (1, 0)
    moderate(rf.post("/"), [comment], "spam")
    assert (SpamToken.objects.get(token="beans").ham, SpamToken.objects.get(token="beans").spam) == (0, 1)

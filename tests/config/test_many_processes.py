"""Two gunicorn instances on one PostgreSQL and one Redis behave as one site."""

import subprocess

import pytest
import requests
from django.db import connection

from tests.factories import PostFactory
from tests.over_http import a_minute_ago, account, form_fields, log_in, post_comment
from tests.servers import SERVER_ENGINES, SITE_HOST, answers, collect_static, production_env, start_gunicorn, stop

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor not in SERVER_ENGINES, reason="needs the suite to run on PostgreSQL or MariaDB"
    ),
    pytest.mark.skipif(not answers("127.0.0.1", 6379), reason="needs Redis on 127.0.0.1:6379"),
]


@pytest.fixture
def site_instances(tmp_path, configure):
    """Two gunicorns sharing the test database and Redis; their base URLs."""
    configure(comment_flood_seconds=30, hold_first_comments=False)
    env = production_env(tmp_path, REDIS_URL="redis://127.0.0.1:6379/15")
    collect_static(env)
    subprocess.run(["redis-cli", "-n", "15", "flushdb"], capture_output=True)
    servers = [start_gunicorn(env) for _ in range(2)]
    yield [base for _, base in servers]
    for process, _ in servers:
        stop(process)


def test_a_comment_posted_on_one_instance_shows_at_once_on_the_other(site_instances):
    first, second = site_instances
    post = PostFactory(title="Shared")
    session = requests.Session()
    response = post_comment(session, first, post, "Posted through the first instance.", issued=a_minute_ago())
    assert response.status_code == 302
    assert "Posted through the first instance." in requests.get(second + post.get_absolute_url()).text


def test_login_on_one_instance_holds_on_the_other(site_instances):
    first, second = site_instances
    account("rita")
    session = requests.Session()
    assert log_in(session, first, "rita").status_code == 302
    settings_page = session.get(second + "/accounts/settings/", allow_redirects=False)
    assert settings_page.status_code == 200 and "rita" in settings_page.text


def test_flood_control_counts_across_instances(site_instances):
    first, second = site_instances
    post = PostFactory(title="Busy")
    session = requests.Session()
    assert post_comment(session, first, post, "One.").status_code == 302
    response = post_comment(session, second, post, "Two, too soon.")
    assert response.status_code == 303  # back to the form, which says why
    form = session.get(first + response.headers["Location"]).text  # the kept draft, read by the other instance
    assert "You are posting comments too quickly. Slow down." in form and "Two, too soon." in form


def test_failed_logins_are_counted_across_instances(site_instances):
    first, second = site_instances
    account("owner")
    session = requests.Session()
    session.headers["Host"] = SITE_HOST  # as behind one proxy: allauth counts attempts per site and login
    for attempt in range(6):
        base = (first, second)[attempt % 2]
        token = form_fields(session.get(base + "/accounts/login/").text)["csrfmiddlewaretoken"]
        response = session.post(base + "/accounts/login/", data={"login": "owner", "password": "wrong",
                                "csrfmiddlewaretoken": token}, headers={"Referer": base + "/"})  # fmt: skip
    assert "Too many failed login attempts" in response.text, response.text[response.text.find("<main") :][:1500]

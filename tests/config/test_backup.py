"""The README's backup and restore commands, run for real against PostgreSQL."""

import shutil
import subprocess

import pytest
from django.db import connection

from tests.factories import CommentFactory, PostFactory

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="the documented backup uses pg_dump"),
    pytest.mark.skipif(not shutil.which("pg_dump"), reason="pg_dump is not installed"),
]

RESTORED = "candid_restore_check"


def psql(database, sql):
    db = connection.settings_dict
    result = subprocess.run(["psql", "-h", db["HOST"] or "127.0.0.1", "-U", db["USER"], "-d", database, "-tAc", sql],
                            capture_output=True, text=True, check=True)  # fmt: skip
    return result.stdout.strip()


def test_a_dump_restores_into_an_empty_database_with_everything_in_it(tmp_path):
    post = PostFactory(title="Kept safe")
    CommentFactory.create_batch(3, post=post)
    db = connection.settings_dict
    host = ["-h", db["HOST"] or "127.0.0.1", "-U", db["USER"]]
    dump = tmp_path / "candid.dump"
    with dump.open("wb") as out:
        subprocess.run(["pg_dump", *host, "--format=custom", db["NAME"]], stdout=out, check=True)
    psql("postgres", f"DROP DATABASE IF EXISTS {RESTORED}")
    psql("postgres", f"CREATE DATABASE {RESTORED}")
    try:
        subprocess.run(["pg_restore", *host, "--clean", "--if-exists", "--no-owner", "-d", RESTORED, str(dump)],
                       check=True, capture_output=True)  # fmt: skip
        assert psql(RESTORED, "SELECT title FROM blog_post") == "Kept safe"
        assert psql(RESTORED, "SELECT count(*) FROM comments_comment") == "3"
    finally:
        psql("postgres", f"DROP DATABASE IF EXISTS {RESTORED}")

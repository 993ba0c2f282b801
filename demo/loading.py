"""The demo blog's content, read from the data files under demo/content/ (written for Candid).

site.toml holds the site's title, its authors, categories and tags; discussions.toml the comments; posts/
and pages/ one Markdown file each, headed by its fields in TOML between `+++` lines, in the order of their
file names.
"""

import tomllib
from dataclasses import dataclass
from pathlib import Path

CONTENT = Path(__file__).resolve().parent / "content"


@dataclass(frozen=True)
class Demo:
    site: dict  # title, tagline, authors, categories, tags
    posts: list  # each post's fields and its "body"
    pages: list
    discussions: list  # {"post": slug, "comments": [...]}


def load(folder=CONTENT):
    return Demo(
        site=tomllib.loads((folder / "site.toml").read_text(encoding="utf-8")),
        posts=[_text_file(path) for path in sorted((folder / "posts").glob("*.md"))],
        pages=[_text_file(path) for path in sorted((folder / "pages").glob("*.md"))],
        discussions=tomllib.loads((folder / "discussions.toml").read_text(encoding="utf-8"))["discussions"],
    )


def _text_file(path):
    """A text file's fields from its `+++` header, and the text below it as "body"."""
    _, header, body = path.read_text(encoding="utf-8").split("+++\n", 2)
    return {**tomllib.loads(header), "body": body.removesuffix("\n")}

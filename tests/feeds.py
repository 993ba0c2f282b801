"""Reading feeds in tests as a feed reader would."""

import feedparser
import html5lib


def fetch(client, url):
    """GET a feed, check that it is well-formed, and return it parsed."""
    response = client.get(url)
    assert response.status_code == 200, url
    parsed = feedparser.parse(response.content)
    assert parsed.bozo == 0, parsed.get("bozo_exception")
    return parsed


def titles(feed):
    return [entry.title for entry in feed.entries]


def shown_as_html(title):
    """What a reader that takes `title` for HTML (as many do, whatever the feed says) shows: it must hold no element."""
    fragment = html5lib.parseFragment(title, namespaceHTMLElements=False)
    assert not len(fragment), f"markup in {title!r}"
    return fragment.text or ""

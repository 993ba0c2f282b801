"""Reading feeds in tests as a feed reader would."""

import feedparser


def fetch(client, url):
    """GET a feed, check that it is well-formed, and return it parsed."""
    response = client.get(url)
    assert response.status_code == 200, url
    parsed = feedparser.parse(response.content)
    assert parsed.bozo == 0, parsed.get("bozo_exception")
    return parsed


def titles(feed):
    return [entry.title for entry in feed.entries]

"""Videos and social posts from their address on a line of its own, resolved at save time, shown privacy-first.

A paragraph holding nothing but a known provider's address (written bare, as a link to itself, or in
WordPress's `[embed]…[/embed]`) becomes, for a video, a preview that loads the provider's player only when
the reader presses it (static/js/embeds.js; the no-cookie player where there is one; the CSP's frame-src
lists exactly PLAYER_ORIGINS), and for a post (Mastodon, Bluesky, X) a quotation of its words with a link:
never the provider's script. What the provider said is asked for once through oEmbed (core/outbound.py,
bounded, public addresses only) and kept in `Embed`, with a copy of the video's thumbnail in the media
storage, so that readers' pages never ask the provider anything. An address that cannot be resolved
(an error, a timeout, something other than JSON) stays the link it was, and the save goes on.
"""

import contextvars
import html
import json
import logging
import re
from contextlib import contextmanager
from dataclasses import dataclass
from urllib.parse import quote, urlsplit

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.template.loader import render_to_string
from django.utils.html import strip_tags

from blog.media import storage
from blog.media.models import Embed
from blog.media.renditions import url as storage_url
from blog.media.validation import clean_upload
from core import outbound

logger = logging.getLogger(__name__)

MAX_ANSWER_BYTES = 256 * 1024
MAX_THUMBNAIL_BYTES = 5 * 1024 * 1024
MAX_FETCHES_PER_TEXT = 10  # more new addresses in one text wait for its next save
URL = r"https?://[^\s<>\"'\[\]]{1,490}"
SOLE_URL_RE = re.compile(
    rf"<p>\s*(?:\[embed\]\s*(?P<embedded>{URL})\s*\[/embed\]"  # WordPress's shortcode
    rf"|<a href=\"(?P<linked>{URL})\">(?P=linked)</a>"  # a link to itself, as the visual editor writes it
    rf"|(?P<bare>{URL}))\s*</p>"
)


@dataclass(frozen=True)
class Provider:
    name: str
    kind: str  # "video" or "post"
    pattern: re.Pattern
    endpoint: str  # the oEmbed endpoint; {host} is the address's own host (Mastodon's instances)
    player: str = ""  # the player's address; {id} is the pattern's first group


PROVIDERS = [
    Provider("YouTube", "video",
             re.compile(r"https?://(?:www\.|m\.)?(?:youtube\.com/(?:watch\?(?:[^#]*&)?v=|shorts/)|youtu\.be/)([\w-]{11})"),
             "https://www.youtube.com/oembed?format=json&url=", "https://www.youtube-nocookie.com/embed/{id}?autoplay=1"),
    Provider("Vimeo", "video", re.compile(r"https?://(?:www\.)?vimeo\.com/(\d{1,12})(?:[/?#]|$)"),
             "https://vimeo.com/api/oembed.json?url=", "https://player.vimeo.com/video/{id}?dnt=1&autoplay=1"),
    Provider("X", "post", re.compile(r"https?://(?:www\.)?(?:twitter|x)\.com/\w{1,15}/status/(\d{1,20})"),
             "https://publish.twitter.com/oembed?omit_script=true&dnt=true&url="),
    Provider("Bluesky", "post", re.compile(r"https?://bsky\.app/profile/[\w.:-]{1,253}/post/(\w{1,20})"),
             "https://embed.bsky.app/oembed?url="),
    Provider("Mastodon", "post", re.compile(r"https?://[\w.-]{1,253}/@\w{1,30}(?:@[\w.-]{1,253})?/(\d{1,20})(?:[/?#]|$)"),
             "https://{host}/api/oembed?url="),
]  # fmt: skip
PLAYER_ORIGINS = ["https://www.youtube-nocookie.com", "https://player.vimeo.com"]
# Off while importing a whole blog: thousands of addresses must not each wait on a provider.
_fetching = contextvars.ContextVar("embeds_fetching", default=True)


@contextmanager
def kept_only():
    """Within this, only embeds already kept are shown; new addresses stay links until the entry's next save."""
    token = _fetching.set(False)
    try:
        yield
    finally:
        _fetching.reset(token)


def provider_for(address):
    """(Provider, id) for an address a provider serves, or (None, None)."""
    for provider in PROVIDERS:
        match = provider.pattern.match(address)
        if match:
            return provider, match[1]
    return None, None


def expand_embeds(html_text, asked=None):
    """`html_text` (sanitised HTML) with each known provider's address alone in its paragraph shown as an embed.

    `asked` ({address: Embed or None}) is shared by the texts of one entry (its body and excerpt), so that
    each address is looked up once per save, and at most MAX_FETCHES_PER_TEXT are asked of their providers.
    """
    if "http" not in html_text:
        return html_text
    asked = {} if asked is None else asked

    def replace(match):
        address = html.unescape(match["embedded"] or match["linked"] or match["bare"])
        provider, _ = provider_for(address)
        if provider is None:
            return match[0]
        if address not in asked:
            may_fetch = _fetching.get() and len(asked) < MAX_FETCHES_PER_TEXT
            asked[address] = resolve(address, provider, may_fetch)
        return render(asked[address]) if asked[address] else match[0]

    return SOLE_URL_RE.sub(replace, html_text)


def resolve(address, provider, may_fetch):
    """The Embed of `address`, kept or (if `may_fetch`) fetched now; None when its provider could not say."""
    kept = Embed.objects.filter(url=address).first()
    if kept is not None or not may_fetch:
        return kept
    try:
        described = describe(address, provider)
    except outbound.Refused as refusal:
        logger.info("No embed for %s: %s", address, refusal)
        return None
    embed, _ = Embed.objects.update_or_create(url=address, defaults=described)
    return embed


def describe(address, provider):
    """Ask the provider about `address`: the Embed's fields, or Refused."""
    endpoint = provider.endpoint.format(host=urlsplit(address).hostname)
    answer = outbound.fetch(endpoint + quote(address, safe=""), accept="application/json", max_bytes=MAX_ANSWER_BYTES)
    if answer.content_type not in ("application/json", "text/json", "application/json+oembed"):
        raise outbound.Refused(f"the provider answered {answer.content_type or 'something'}, not JSON")
    try:
        data = json.loads(answer.body)
    except (ValueError, UnicodeDecodeError):
        raise outbound.Refused("the provider's answer is not JSON") from None
    if not isinstance(data, dict):
        raise outbound.Refused("the provider's answer is not an oEmbed object")
    text = lambda name, limit: str(data.get(name) or "")[:limit]  # noqa: E731
    described = {
        "provider": provider.name,
        "kind": provider.kind,
        "title": text("title", 300),
        "author_name": text("author_name", 200),
        "author_url": author_url(text("author_url", 500)),
        "text": post_text(text("html", MAX_ANSWER_BYTES)) if provider.kind == "post" else "",
    }
    if provider.kind == "video":
        _, item_id = provider_for(address)
        described["player_url"] = provider.player.format(id=item_id)
        described |= thumbnail(text("thumbnail_url", 500), provider.name)
    return described


def author_url(address):
    return address if address.startswith(("https://", "http://")) else ""


def post_text(oembed_html):
    """The words of a post from its provider's HTML (a <blockquote>, with its script), as plain text."""
    quoted = re.search(r"<blockquote\b.*?</blockquote>", oembed_html, re.DOTALL | re.IGNORECASE)
    words = strip_tags(re.sub(r"<(script|style)\b.*?</\1>", "", quoted[0] if quoted else "", flags=re.DOTALL))
    return " ".join(html.unescape(words).split())[:5000]


def thumbnail(address, provider_name):
    """The stored copy of a video's thumbnail: {"thumbnail", "thumbnail_width", "thumbnail_height"}, or {}."""
    if not address.startswith("https://"):
        return {}
    try:
        answer = outbound.fetch(address, accept="image/*", max_bytes=MAX_THUMBNAIL_BYTES)
        clean = clean_upload(ContentFile(answer.body, name=f"{provider_name.lower()}.jpg"))
    except (outbound.Refused, ValidationError) as refusal:
        logger.info("No thumbnail from %s: %s", address, refusal)
        return {}
    width, height = clean.checked.image.size
    name = storage.write(f"embeds/{clean.name}", clean.read())
    return {"thumbnail": name, "thumbnail_width": width, "thumbnail_height": height}


def render(embed):
    context = {"embed": embed, "thumbnail_url": storage_url(embed.thumbnail) if embed.thumbnail else ""}
    return render_to_string(f"blog/media/_embed_{embed.kind}.html", context)

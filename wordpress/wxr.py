"""Reading a WordPress export (WXR 1.0, 1.1 and 1.2) as a stream of plain records.

The file is read with a streaming parser that forgets each item once it has been
handed over, so memory stays flat however large the export. Namespaces are
recognised by what they are (any `http(s)://wordpress.org/export/1.x/`), not by
one spelling. Entity declarations, which WordPress never writes, are refused:
they are how "billion laughs" files exhaust memory.
"""

import datetime
import os
import re
from dataclasses import dataclass, field
from xml.etree.ElementTree import ParseError
from xml.parsers import expat

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import iterparse

from core.ids import MAX_ID_DIGITS

NAMESPACES = [
    (re.compile(r"^https?://wordpress\.org/export/1\.\d+/excerpt/$"), "excerpt"),
    (re.compile(r"^https?://wordpress\.org/export/1\.\d+/$"), "wp"),
    (re.compile(r"^https?://purl\.org/rss/1\.0/modules/content/$"), "content"),
    (re.compile(r"^https?://purl\.org/dc/elements/1\.1/$"), "dc"),
]
NO_DATE = "0000-00-00 00:00:00"


class WxrError(Exception):
    """The file cannot be read as a WordPress export; the message says why, for the person importing."""


@dataclass
class Author:
    wp_id: int | None
    login: str
    email: str = ""
    display_name: str = ""
    first_name: str = ""
    last_name: str = ""


@dataclass
class Term:
    kind: str  # "category" or "tag"
    wp_id: int | None
    slug: str
    name: str
    parent_slug: str = ""
    description: str = ""


@dataclass
class Comment:
    wp_id: int
    author: str
    email: str
    url: str
    ip: str
    date: datetime.datetime | None
    content: str
    approved: str
    type: str
    parent: int
    user_id: int


@dataclass
class Item:
    wp_id: int
    post_type: str
    title: str = ""
    link: str = ""
    creator: str = ""
    content: str = ""
    excerpt: str = ""
    date: datetime.datetime | None = None
    comment_status: str = "open"
    slug: str = ""
    status: str = ""
    parent: int = 0
    menu_order: int = 0
    password: str = ""
    sticky: bool = False
    attachment_url: str = ""
    categories: list = field(default_factory=list)  # [(slug, name)]
    tags: list = field(default_factory=list)
    meta: dict = field(default_factory=dict)
    comments: list = field(default_factory=list)


@dataclass
class Unreadable:
    """A record with a field that cannot be read (a number that is not one): reported, never imported."""

    kind: str  # "author", "category", "tag", or the item's post type
    wp_id: str  # its ID (an author's login) as the file writes it
    title: str
    reason: str
    is_item: bool = False


@dataclass
class Site:
    title: str = ""
    link: str = ""
    description: str = ""
    base_url: str = ""


def read(path):
    """Yield the export's Site (first), then its Authors, Terms and Items (or Unreadables) in file order."""
    if os.path.getsize(path) == 0:
        raise WxrError("The file is empty.")
    site = Site()
    site_sent = False
    try:
        events = iterparse(str(path), events=("start", "end"), forbid_dtd=True)
        _, root = next(events)
        if _name(root.tag) != "rss":
            raise WxrError(f"This is not a WordPress export: its root element is <{_name(root.tag)}>, not <rss>.")
        depth, channel = 0, None
        for event, element in events:
            name = _name(element.tag)
            if event == "start":
                depth += 1
                if depth == 1 and name == "channel":
                    channel = element
                continue
            depth -= 1
            if depth != 1:  # only the direct children of <channel> matter here
                continue
            if name in CHANNEL_FIELDS:
                setattr(site, CHANNEL_FIELDS[name], (element.text or "").strip())
            elif name in RECORDS:
                if not site_sent:
                    site_sent = True
                    yield site
                yield _record(name, element)
            channel.remove(element)  # what has been handed over is not kept
        if not site_sent:
            yield site
    except DefusedXmlException:
        raise WxrError(
            "The file declares XML entities or a DTD, which WordPress exports never do. "
            "It was refused to stay safe; export the blog again from WordPress."
        ) from None
    except ParseError as exc:
        line, column = exc.position
        where = f"line {line}, column {column + 1}"  # expat counts columns from 0, text editors from 1
        if exc.code == expat.errors.codes[expat.errors.XML_ERROR_NO_ELEMENTS]:
            raise WxrError(f"The file ends too early ({where}): it may have been cut off. Export it again.") from None
        problem = expat.ErrorString(exc.code)
        raise WxrError(f"This is not a valid WordPress export (XML error at {where}: {problem}).") from None


def count_items(path):
    """How many <item> elements the export has: a quick first pass for the progress bar."""
    try:
        total = 0
        for _, element in iterparse(str(path), events=("end",), forbid_dtd=True):
            if _name(element.tag) == "item":
                total += 1
                element.clear()
        return total
    except (ParseError, DefusedXmlException):
        return None


def _name(tag):
    """The tag as WordPress writes it: "wp:post_id", "content:encoded", "title"."""
    if tag[0] != "{":
        return tag
    uri, local = tag[1:].split("}", 1)
    for pattern, prefix in NAMESPACES:
        if pattern.match(uri):
            return f"{prefix}:{local}"
    return f"{{{uri}}}{local}"


def _children(element):
    """The element's children's texts by name (the first of each name)."""
    texts = {}
    for child in element:
        texts.setdefault(_name(child.tag), child.text or "")
    return texts


def _record(name, element):
    """The record `element` holds, or an Unreadable saying which of its fields cannot be read."""
    try:
        return RECORDS[name](element)
    except ValueError as exc:
        f = _children(element)
        kind, id_field, title_field = DESCRIBED_BY[name]
        if name == "item":
            kind = f.get("wp:post_type", "").strip() or kind
        return Unreadable(kind, f.get(id_field, "").strip(), f.get(title_field, "").strip(), str(exc), name == "item")


def _int(fields, name, default=0):
    """The whole number in the field `name`, `default` if it is empty; anything else makes the record unreadable."""
    value = fields.get(name, "").strip()
    if not value:
        return default
    # Not str.isdigit(): it accepts "²", which int() refuses.
    if not re.fullmatch(rf"-?[0-9]{{1,{MAX_ID_DIGITS}}}", value):
        raise ValueError(f"its <{name}> is “{value}”, not a whole number")
    return int(value)


def _date(local, gmt):
    """The moment of a WordPress date pair, or None when WordPress recorded none (drafts)."""
    for value, tz in ((gmt, datetime.UTC), (local, None)):
        value = (value or "").strip()
        if value and value != NO_DATE:
            try:
                moment = datetime.datetime.strptime(value, "%Y-%m-%d %H:%M:%S")
            except ValueError:
                continue
            return moment.replace(tzinfo=tz) if tz else moment
    return None


def _author(element):
    f = _children(element)
    return Author(
        wp_id=_int(f, "wp:author_id", None),
        login=f.get("wp:author_login", "").strip(),
        email=f.get("wp:author_email", "").strip(),
        display_name=f.get("wp:author_display_name", "").strip(),
        first_name=f.get("wp:author_first_name", "").strip(),
        last_name=f.get("wp:author_last_name", "").strip(),
    )


def _category(element):
    f = _children(element)
    return Term(
        kind="category",
        wp_id=_int(f, "wp:term_id", None),
        slug=f.get("wp:category_nicename", "").strip(),
        name=f.get("wp:cat_name", "").strip(),
        parent_slug=f.get("wp:category_parent", "").strip(),
        description=f.get("wp:category_description", "").strip(),
    )


def _tag(element):
    f = _children(element)
    return Term(
        kind="tag",
        wp_id=_int(f, "wp:term_id", None),
        slug=f.get("wp:tag_slug", "").strip(),
        name=f.get("wp:tag_name", "").strip(),
        description=f.get("wp:tag_description", "").strip(),
    )


def _item(element):
    f = _children(element)
    item = Item(
        wp_id=_int(f, "wp:post_id"),
        post_type=f.get("wp:post_type", "post").strip(),
        title=f.get("title", "").strip(),
        link=f.get("link", "").strip(),
        creator=f.get("dc:creator", "").strip(),
        content=f.get("content:encoded", ""),
        excerpt=f.get("excerpt:encoded", ""),
        date=_date(f.get("wp:post_date"), f.get("wp:post_date_gmt")),
        comment_status=f.get("wp:comment_status", "open").strip(),
        slug=f.get("wp:post_name", "").strip(),
        status=f.get("wp:status", "").strip(),
        parent=_int(f, "wp:post_parent"),
        menu_order=_int(f, "wp:menu_order"),
        password=f.get("wp:post_password", ""),
        sticky=f.get("wp:is_sticky", "0").strip() == "1",
        attachment_url=f.get("wp:attachment_url", "").strip(),
    )
    for child in element:
        name = _name(child.tag)
        if name == "category":
            pair = (child.get("nicename", "").strip(), (child.text or "").strip())
            {"category": item.categories, "post_tag": item.tags}.get(child.get("domain"), []).append(pair)
        elif name == "wp:postmeta":
            meta = _children(child)
            item.meta[meta.get("wp:meta_key", "")] = meta.get("wp:meta_value", "")
        elif name == "wp:comment":
            item.comments.append(_comment(child))
    return item


def _comment(element):
    f = _children(element)
    return Comment(
        wp_id=_int(f, "wp:comment_id"),
        author=f.get("wp:comment_author", "").strip(),
        email=f.get("wp:comment_author_email", "").strip(),
        url=f.get("wp:comment_author_url", "").strip(),
        ip=f.get("wp:comment_author_IP", "").strip(),
        date=_date(f.get("wp:comment_date"), f.get("wp:comment_date_gmt")),
        content=f.get("wp:comment_content", ""),
        approved=f.get("wp:comment_approved", "1").strip(),
        type=f.get("wp:comment_type", "").strip(),
        parent=_int(f, "wp:comment_parent"),
        user_id=_int(f, "wp:comment_user_id"),
    )


CHANNEL_FIELDS = {"title": "title", "link": "link", "description": "description", "wp:base_blog_url": "base_url"}
RECORDS = {"wp:author": _author, "wp:category": _category, "wp:tag": _tag, "item": _item}
DESCRIBED_BY = {  # element -> (kind, the field naming it, the field titling it), to report one that cannot be read
    "wp:author": ("author", "wp:author_login", "wp:author_display_name"),
    "wp:category": ("category", "wp:term_id", "wp:cat_name"),
    "wp:tag": ("tag", "wp:term_id", "wp:tag_name"),
    "item": ("post", "wp:post_id", "title"),
}

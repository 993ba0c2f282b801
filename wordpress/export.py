"""Writing the whole site as a WordPress eXtended RSS (WXR 1.2) file, streamed, for WordPress's importer.

The file is written as it is read: chunked querysets (their relations prefetched per chunk, so
the query count does not grow with the site) go straight to the output, one item at a time.
Text is wrapped in CDATA the way WordPress's wxr_cdata() does it.

Ids. WordPress keeps posts, pages and attachments in one table, so their wp:post_id share one
space (its importer silently skips an item whose id it has already seen); categories and tags
share another; comments have their own. Every row exports the id it was imported with (its
wp_id), so that a re-import matches it again and WordPress's links (/?p=ID) keep their ids. A
row born in Candid exports its table's base plus its pk: posts pk, pages 10⁹ + pk, images
2·10⁹ + pk; categories pk, tags 10⁹ + pk; comments pk. Should that number be some imported
row's wp_id, it moves up by a further 3·10⁹. These ids are stable from one export to the next.

Bodies. Posts and pages written in HTML (or WordPress's own markup) are exported as their
source. WordPress cannot read Markdown, so Markdown ones are exported as their stored,
rendered HTML: pages still joined by <!--nextpage-->, the <!--more--> marker put back after
the teaser when the source has one and no hand-written excerpt replaces it, and root-relative
links and image addresses made absolute. Comments are exported as their source text.
"""

import dataclasses
import datetime
import html
import re
from email.utils import format_datetime
from xml.sax.saxutils import escape, quoteattr

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import F, OuterRef, Prefetch, Q, Subquery
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import to_locale

from blog.media.models import GalleryItem, Image
from blog.models import Category, Entry, Page, Post, SiteSettings, Tag
from blog.rendering.markup import MORE_RE, NEXTPAGE_RE, ContentFormat
from comments.models import Comment

NAMESPACES = {
    "excerpt": "http://wordpress.org/export/1.2/excerpt/",
    "content": "http://purl.org/rss/1.0/modules/content/",
    "wfw": "http://wellformedweb.org/CommentAPI/",
    "dc": "http://purl.org/dc/elements/1.1/",
    "wp": "http://wordpress.org/export/1.2/",
}
CHUNK_SIZE = 500
COUNTED = ["authors", "categories", "tags", "posts", "pages", "attachments", "comments"]
NO_DATE = "0000-00-00 00:00:00"  # WordPress's date of a draft that has none
WP_STATUS = {
    Entry.Status.DRAFT: "draft",
    Entry.Status.PENDING: "pending",
    Entry.Status.SCHEDULED: "future",
    Entry.Status.PUBLISHED: "publish",
    Entry.Status.PRIVATE: "private",
}
WP_COMMENT_APPROVED = {
    Comment.Status.APPROVED: "1",
    Comment.Status.PENDING: "0",
    Comment.Status.SPAM: "spam",
    Comment.Status.TRASH: "trash",
}
PAGE_ID_BASE = TAG_ID_BASE = 10**9
ATTACHMENT_ID_BASE = 2 * 10**9
CLASH_OFFSET = 3 * 10**9
# Characters XML 1.0 cannot hold at all, even escaped: a file with one would not parse.
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
URL_ATTRIBUTE = re.compile(r'(\s)(src|href|srcset)="([^"]*)"')


def cdata(text):
    """`text` in a CDATA section, as WordPress writes it: a "]]>" inside is split across two sections."""
    return "<![CDATA[" + NOT_XML.sub("", str(text)).replace("]]>", "]]]]><![CDATA[>") + "]]>"


def text(value):
    return escape(NOT_XML.sub("", str(value)))


def wp_date(moment, tzinfo):
    """`moment` as WordPress stores dates: "YYYY-MM-DD HH:MM:SS" in `tzinfo`; NO_DATE for none."""
    return timezone.localtime(moment, tzinfo).strftime("%Y-%m-%d %H:%M:%S") if moment else NO_DATE


def rfc2822(moment):
    return format_datetime(moment.astimezone(datetime.UTC)) if moment else ""


class IdSpace:
    """The WordPress ids of rows from Candid tables that share one id space in WordPress (see above)."""

    def __init__(self, bases):
        self.bases = bases
        imported = [model.objects.exclude(wp_id=None).values("wp_id") for model in bases]
        clashes_with_imported = Q()
        for ids in imported:
            clashes_with_imported |= Q(wxr_id__in=ids)
        self.clashing = {
            model: set(
                model.objects.filter(wp_id=None)
                .annotate(wxr_id=F("pk") + base)
                .filter(clashes_with_imported)
                .values_list("pk", flat=True)
            )
            for model, base in bases.items()
        }

    def __call__(self, model, pk, wp_id):
        """The id of `model`'s row `pk` (whose wp_id is `wp_id`); 0, WordPress's "none", for no row."""
        if pk is None:
            return 0
        if wp_id:
            return wp_id
        native = self.bases[model] + pk
        return native + CLASH_OFFSET if pk in self.clashing[model] else native


@dataclasses.dataclass
class Item:
    """One <item>: a post, page or attachment, in WordPress's terms."""

    post_id: int
    post_type: str
    title: str
    link: str
    guid: str
    creator: str
    published_at: datetime.datetime | None
    modified_at: datetime.datetime | None
    name: str
    status: str
    content: str = ""
    excerpt: str = ""
    comment_status: str = "closed"
    parent: int = 0
    menu_order: int = 0
    password: str = ""
    sticky: bool = False
    attachment_url: str | None = None
    terms: list = dataclasses.field(default_factory=list)  # (domain, nicename, name)
    meta: list = dataclasses.field(default_factory=list)  # (key, value)
    comments: list = dataclasses.field(default_factory=list)


class WxrExport:
    """Write the site to `out` (a text file) as WXR 1.2; links are made absolute with `base_url`."""

    def __init__(self, out, base_url, chunk_size=CHUNK_SIZE):
        self.out = out
        self.base_url = base_url.rstrip("/")
        self.chunk_size = chunk_size
        self.site = SiteSettings.load()
        self.tzinfo = self.site.tzinfo
        self.counts = dict.fromkeys(COUNTED, 0)
        self.post_ids = IdSpace({Post: 0, Page: PAGE_ID_BASE, Image: ATTACHMENT_ID_BASE})
        self.term_ids = IdSpace({Category: 0, Tag: TAG_ID_BASE})
        self.comment_ids = IdSpace({Comment: 0})

    def write(self):
        """Write the whole file; return the number of authors, categories, tags, posts, … written."""
        self.write_head()
        self.write_authors()
        self.write_terms()
        self.out.write("\n\t<generator>Candid</generator>\n\n")
        for item in self.post_items():
            self.write_item(item)
        for item in self.page_items():
            self.write_item(item)
        for item in self.attachment_items():
            self.write_item(item)
        self.out.write("</channel>\n</rss>\n")
        return self.counts

    def absolute(self, url):
        """`url` made absolute, if it is root-relative, as Candid's own links and local media are."""
        return self.base_url + url if url.startswith("/") and not url.startswith("//") else url

    # --- The channel -------------------------------------------------------------

    def write_head(self):
        now = timezone.now()
        namespaces = "".join(f'\n\txmlns:{prefix}="{uri}"' for prefix, uri in NAMESPACES.items())
        language = to_locale(settings.LANGUAGE_CODE).replace("_", "-")
        self.out.write(
            '<?xml version="1.0" encoding="UTF-8" ?>\n'
            "<!-- A WordPress eXtended RSS (WXR) file written by Candid: its posts, pages, images, -->\n"
            "<!-- comments, categories, tags and authors. WordPress imports it with Tools: Import: WordPress. -->\n"
            f'<!-- generator="Candid" created="{now:%Y-%m-%d %H:%M}" -->\n'
            f'<rss version="2.0"{namespaces}\n>\n\n<channel>\n'
            f"\t<title>{text(self.site.title)}</title>\n"
            f"\t<link>{text(self.base_url)}</link>\n"
            f"\t<description>{text(self.site.tagline)}</description>\n"
            f"\t<pubDate>{rfc2822(now)}</pubDate>\n"
            f"\t<language>{text(language)}</language>\n"
            "\t<wp:wxr_version>1.2</wp:wxr_version>\n"
            f"\t<wp:base_site_url>{text(self.base_url)}</wp:base_site_url>\n"
            f"\t<wp:base_blog_url>{text(self.base_url)}</wp:base_blog_url>\n\n"
        )

    def write_authors(self):
        """Everyone who wrote a post or page or uploaded an image, so that WordPress can map them all."""
        contributed = (
            Q(pk__in=Post.objects.values("author"))
            | Q(pk__in=Page.objects.values("author"))
            | Q(pk__in=Image.objects.exclude(uploaded_by=None).values("uploaded_by"))
        )
        for user in get_user_model().objects.filter(contributed).order_by("pk").iterator(self.chunk_size):
            self.out.write(
                f"\t<wp:author><wp:author_id>{user.pk}</wp:author_id>"
                f"<wp:author_login>{cdata(user.username)}</wp:author_login>"
                f"<wp:author_email>{cdata(user.email)}</wp:author_email>"
                f"<wp:author_display_name>{cdata(user.public_name)}</wp:author_display_name>"
                f"<wp:author_first_name>{cdata(user.first_name)}</wp:author_first_name>"
                f"<wp:author_last_name>{cdata(user.last_name)}</wp:author_last_name></wp:author>\n"
            )
            self.counts["authors"] += 1
        self.out.write("\n")

    def write_terms(self):
        # Ordered by path, parents come before their children, as WordPress's importer needs.
        categories = Category.objects.select_related("parent").order_by("path")
        for category in categories.iterator(self.chunk_size):
            parent = category.parent.slug if category.parent else ""
            lines = [
                "\t<wp:category>",
                f"\t\t<wp:term_id>{self.term_ids(Category, category.pk, category.wp_id)}</wp:term_id>",
                f"\t\t<wp:category_nicename>{cdata(category.slug)}</wp:category_nicename>",
                f"\t\t<wp:category_parent>{cdata(parent)}</wp:category_parent>",
                f"\t\t<wp:cat_name>{cdata(category.name)}</wp:cat_name>",
            ]
            if category.description:
                lines.append(f"\t\t<wp:category_description>{cdata(category.description)}</wp:category_description>")
            lines.append("\t</wp:category>\n")
            self.out.write("\n".join(lines))
            self.counts["categories"] += 1
        for tag in Tag.objects.order_by("slug").iterator(self.chunk_size):
            self.out.write(
                "\t<wp:tag>\n"
                f"\t\t<wp:term_id>{self.term_ids(Tag, tag.pk, tag.wp_id)}</wp:term_id>\n"
                f"\t\t<wp:tag_slug>{cdata(tag.slug)}</wp:tag_slug>\n"
                f"\t\t<wp:tag_name>{cdata(tag.name)}</wp:tag_name>\n"
                "\t</wp:tag>\n"
            )
            self.counts["tags"] += 1

    # --- Items ---------------------------------------------------------------------

    def post_items(self):
        discussion = Comment.objects.select_related("user").annotate(parent_wp_id=F("parent__wp_id")).order_by("path")
        posts = (
            Post.objects.order_by("pk")
            .select_related("author")
            .annotate(featured_image_wp_id=F("featured_image__wp_id"))
            .prefetch_related("categories", "tags", Prefetch("comments", queryset=discussion))
        )
        for post in posts.iterator(self.chunk_size):
            post_id = self.post_ids(Post, post.pk, post.wp_id)
            link = self.absolute(post.get_absolute_url()) if post.published_on else f"{self.base_url}/?p={post_id}"
            terms = [("category", c.slug, c.name) for c in post.categories.all()]
            terms += [("post_tag", t.slug, t.name) for t in post.tags.all()]
            meta = []
            if post.featured_image_id:
                thumbnail = self.post_ids(Image, post.featured_image_id, post.featured_image_wp_id)
                meta.append(("_thumbnail_id", thumbnail))
            markdown = post.format == ContentFormat.MARKDOWN
            self.counts["posts"] += 1
            yield Item(
                post_id=post_id,
                post_type="post",
                title=post.title,
                link=link,
                guid=f"{self.base_url}/?p={post_id}",
                creator=post.author.username,
                published_at=post.published_at,
                modified_at=post.updated_at,
                name=post.slug,
                status=WP_STATUS[post.status],
                content=self.markdown_html(post) if markdown else post.body,
                excerpt=(post.excerpt_html if markdown else post.excerpt) if post.excerpt.strip() else "",
                comment_status=post.comment_status,
                password=post.password,
                sticky=post.sticky,
                terms=terms,
                meta=meta,
                comments=post.comments.all(),
            )

    def page_items(self):
        pages = Page.objects.order_by("path").select_related("author").annotate(parent_wp_id=F("parent__wp_id"))
        for page in pages.iterator(self.chunk_size):
            page_id = self.post_ids(Page, page.pk, page.wp_id)
            self.counts["pages"] += 1
            yield Item(
                post_id=page_id,
                post_type="page",
                title=page.title,
                link=self.absolute(page.get_absolute_url()),
                guid=f"{self.base_url}/?page_id={page_id}",
                creator=page.author.username,
                published_at=page.published_at,
                modified_at=page.updated_at,
                name=page.slug,
                status=WP_STATUS[page.status],
                content=self.markdown_html(page) if page.format == ContentFormat.MARKDOWN else page.body,
                password=page.password,
                parent=self.post_ids(Page, page.parent_id, page.parent_wp_id),
                menu_order=page.menu_order,
            )

    def attachment_items(self):
        """Every image, under the first post whose gallery holds it (WordPress has one parent per attachment).

        WordPress's [gallery] shows the images attached to a post, and Candid's importer makes a
        post's gallery of them, so a post that merely features an image is not made its parent.
        """
        in_gallery = GalleryItem.objects.filter(image=OuterRef("pk")).order_by("pk")
        images = (
            Image.objects.order_by("pk")
            .select_related("uploaded_by")
            .annotate(
                gallery_post=Subquery(in_gallery.values("post_id")[:1]),
                gallery_post_wp_id=Subquery(in_gallery.values("post__wp_id")[:1]),
            )
        )
        for image in images.iterator(self.chunk_size):
            url = self.absolute(image.file.url) if image.file else image.source_url
            parent = self.post_ids(Post, image.gallery_post, image.gallery_post_wp_id)
            meta = [("_wp_attached_file", image.file.name)] if image.file else []
            meta.append(("_wp_attachment_image_alt", image.alt_text))
            file_stem = url.rsplit("/", 1)[-1].rsplit(".", 1)[0]
            self.counts["attachments"] += 1
            yield Item(
                post_id=self.post_ids(Image, image.pk, image.wp_id),
                post_type="attachment",
                title=image.title,
                link=url,
                guid=url,
                creator=image.uploaded_by.username if image.uploaded_by else "",
                published_at=image.uploaded_at,
                modified_at=image.uploaded_at,
                name=slugify(image.title or file_stem, allow_unicode=True),
                status="inherit",
                excerpt=image.caption,
                parent=parent,
                attachment_url=url,
                meta=meta,
            )

    def markdown_html(self, entry):
        """The rendered body of a Markdown post or page, as WordPress would store it (see the module's notes)."""
        body = entry.body_html
        if isinstance(entry, Post) and not entry.excerpt.strip() and entry.excerpt_html:
            more = MORE_RE.search(NEXTPAGE_RE.split(entry.body.strip())[0])
            if more and body.startswith(entry.excerpt_html):
                teaser = entry.excerpt_html
                body = f"{teaser}\n{more.group(0)}\n{body[len(teaser) :].lstrip()}"
        return URL_ATTRIBUTE.sub(self.absolute_attribute, body)

    def absolute_attribute(self, match):
        """A src, href or srcset attribute (matched by URL_ATTRIBUTE) with its root-relative URLs made absolute."""
        space, name, value = match.groups()
        base = html.escape(self.base_url)
        urls = [url.strip() for url in value.split(",")] if name == "srcset" else [value]
        value = ", ".join(base + url if url.startswith("/") and not url.startswith("//") else url for url in urls)
        return f'{space}{name}="{value}"'

    def write_item(self, item):
        lines = [
            "\t<item>",
            f"\t\t<title>{cdata(item.title)}</title>",
            f"\t\t<link>{text(item.link)}</link>",
            f"\t\t<pubDate>{rfc2822(item.published_at)}</pubDate>",
            f"\t\t<dc:creator>{cdata(item.creator)}</dc:creator>",
            f'\t\t<guid isPermaLink="false">{text(item.guid)}</guid>',
            "\t\t<description></description>",
            f"\t\t<content:encoded>{cdata(item.content)}</content:encoded>",
            f"\t\t<excerpt:encoded>{cdata(item.excerpt)}</excerpt:encoded>",
            f"\t\t<wp:post_id>{item.post_id}</wp:post_id>",
            f"\t\t<wp:post_date>{cdata(wp_date(item.published_at, self.tzinfo))}</wp:post_date>",
            f"\t\t<wp:post_date_gmt>{cdata(wp_date(item.published_at, datetime.UTC))}</wp:post_date_gmt>",
            f"\t\t<wp:post_modified>{cdata(wp_date(item.modified_at, self.tzinfo))}</wp:post_modified>",
            f"\t\t<wp:post_modified_gmt>{cdata(wp_date(item.modified_at, datetime.UTC))}</wp:post_modified_gmt>",
            f"\t\t<wp:comment_status>{cdata(item.comment_status)}</wp:comment_status>",
            f"\t\t<wp:ping_status>{cdata('closed')}</wp:ping_status>",
            f"\t\t<wp:post_name>{cdata(item.name)}</wp:post_name>",
            f"\t\t<wp:status>{cdata(item.status)}</wp:status>",
            f"\t\t<wp:post_parent>{item.parent}</wp:post_parent>",
            f"\t\t<wp:menu_order>{item.menu_order}</wp:menu_order>",
            f"\t\t<wp:post_type>{cdata(item.post_type)}</wp:post_type>",
            f"\t\t<wp:post_password>{cdata(item.password)}</wp:post_password>",
            f"\t\t<wp:is_sticky>{int(item.sticky)}</wp:is_sticky>",
        ]
        if item.attachment_url is not None:
            lines.append(f"\t\t<wp:attachment_url>{cdata(item.attachment_url)}</wp:attachment_url>")
        lines += [
            f'\t\t<category domain="{domain}" nicename={quoteattr(NOT_XML.sub("", nicename))}>{cdata(name)}</category>'
            for domain, nicename, name in item.terms
        ]
        for key, value in item.meta:
            lines.append(
                f"\t\t<wp:postmeta>\n\t\t\t<wp:meta_key>{cdata(key)}</wp:meta_key>\n"
                f"\t\t\t<wp:meta_value>{cdata(value)}</wp:meta_value>\n\t\t</wp:postmeta>"
            )
        lines += [self.comment_xml(comment) for comment in item.comments]
        lines.append("\t</item>\n")
        self.out.write("\n".join(lines))

    def comment_xml(self, comment):
        self.counts["comments"] += 1
        user = comment.user
        author = comment.author_name or (user.public_name if user else "")
        email = comment.author_email or (user.email if user else "")
        parent = self.comment_ids(Comment, comment.parent_id, comment.parent_wp_id)
        fields = [
            f"<wp:comment_id>{self.comment_ids(Comment, comment.pk, comment.wp_id)}</wp:comment_id>",
            f"<wp:comment_author>{cdata(author)}</wp:comment_author>",
            f"<wp:comment_author_email>{cdata(email)}</wp:comment_author_email>",
            f"<wp:comment_author_url>{text(comment.author_url)}</wp:comment_author_url>",
            f"<wp:comment_author_IP>{cdata(comment.ip_address or '')}</wp:comment_author_IP>",
            f"<wp:comment_date>{cdata(wp_date(comment.created_at, self.tzinfo))}</wp:comment_date>",
            f"<wp:comment_date_gmt>{cdata(wp_date(comment.created_at, datetime.UTC))}</wp:comment_date_gmt>",
            f"<wp:comment_content>{cdata(comment.body)}</wp:comment_content>",
            f"<wp:comment_approved>{cdata(WP_COMMENT_APPROVED[comment.status])}</wp:comment_approved>",
            f"<wp:comment_type>{cdata(comment.kind)}</wp:comment_type>",
            f"<wp:comment_parent>{parent}</wp:comment_parent>",
            f"<wp:comment_user_id>{comment.user_id or 0}</wp:comment_user_id>",
        ]
        return "\t\t<wp:comment>\n" + "".join(f"\t\t\t{field}\n" for field in fields) + "\t\t</wp:comment>"


def export_wxr(out, base_url, chunk_size=CHUNK_SIZE):
    """Write the whole site to the text file `out` as WXR 1.2; return the counts of what was written."""
    return WxrExport(out, base_url, chunk_size).write()

"""Importing a WordPress export into Candid: idempotent, item by item, never all-or-nothing.

Each record is written in its own transaction: one bad item is reported with its
WordPress ID and skipped, and what came before it stays. Objects are matched by
their WordPress IDs (`wp_id`), so importing the same file again changes nothing,
and importing a newer export updates what changed.
"""

import logging
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.core.files import File
from django.core.validators import validate_email
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from accounts.roles import AUTHOR
from blog.media import embeds
from blog.media.validation import check_image
from blog.models import Category, GalleryItem, Image, LegacyURL, Page, Post, SiteSettings, Tag
from blog.rendering.markup import ContentFormat
from comments.models import Comment
from core.pagecache import generation
from wordpress import wxr

logger = logging.getLogger(__name__)

POST_STATUSES = {
    "publish": Post.Status.PUBLISHED,
    "draft": Post.Status.DRAFT,
    "pending": Post.Status.PENDING,
    "future": Post.Status.SCHEDULED,
    "private": Post.Status.PRIVATE,
}
COMMENT_STATUSES = {"1": Comment.Status.APPROVED, "0": Comment.Status.PENDING, "spam": Comment.Status.SPAM,
                    "trash": Comment.Status.TRASH}  # fmt: skip
COMMENT_KINDS = {"pingback": Comment.Kind.PINGBACK, "trackback": Comment.Kind.TRACKBACK}

IMAGE_REFERENCE = re.compile(r"\[gallery|\[caption|/wp-content/uploads/", re.IGNORECASE)

CREATED, UPDATED, UNCHANGED, SKIPPED, FAILED = "created", "updated", "unchanged", "skipped", "failed"
OUTCOMES = (CREATED, UPDATED, UNCHANGED, SKIPPED, FAILED)


class Skip(Exception):
    """An item Candid does not import (a menu item, a trashed post): counted, not an error."""


@dataclass
class Report:
    counts: dict = field(default_factory=lambda: defaultdict(Counter))  # kind -> outcome -> n
    problems: list = field(default_factory=list)  # (kind, wp_id, message)
    missing_files: list = field(default_factory=list)  # original URLs of images not found

    def add(self, kind, outcome, wp_id=None, message=""):
        self.counts[kind][outcome] += 1
        if message:
            self.problems.append((kind, wp_id, message))

    @property
    def changed(self):
        return any(c[CREATED] or c[UPDATED] for c in self.counts.values())


class Importer:
    def __init__(self, *, media_dir=None, permalinks=None, progress=None, dry_run=False):
        self.media_dir = Path(media_dir) if media_dir else None
        self.dry_run = dry_run  # the caller rolls the database back; files, which it cannot, are only checked
        self.permalinks = permalinks
        self.progress = progress or (lambda done: None)
        self.report = Report()
        self.site = None  # loaded by run(): it may create the settings, in the transaction a dry run rolls back
        self.users = {}  # WordPress login -> User
        self.user_ids = {}  # WordPress user id -> User
        self.pending_parents = []  # (Category or Page, WordPress parent slug or id)
        self.galleries = defaultdict(list)  # WordPress post id -> [Image]
        self.uses_images = set()  # posts whose text names images the file may list after them

    def run(self, path):
        """Import the file and return the Report; what was imported is linked up even if the file breaks off."""
        self.site = SiteSettings.load()
        with embeds.kept_only():  # no provider is asked about each video of the old blog
            try:
                self.import_records(path)
            finally:
                self.finish()
        return self.report

    def import_records(self, path):
        """Import the file's records one by one, in file order."""
        done = 0
        for record in wxr.read(path):
            if isinstance(record, wxr.Author):
                self._guarded("author", record.login, self.author, record)
            elif isinstance(record, wxr.Term):
                self._guarded(record.kind, record.wp_id, self.term, record)
            elif isinstance(record, wxr.Unreadable):
                kind = _item_kind(record.kind) if record.is_item else record.kind
                problem = f"“{record.title}” cannot be read ({record.reason}); fix it in the file and import again"
                self.report.add(kind, FAILED, record.wp_id or None, problem)
            elif isinstance(record, wxr.Item):
                self._guarded(_item_kind(record.post_type), record.wp_id, self.item, record)
            if isinstance(record, wxr.Item) or (isinstance(record, wxr.Unreadable) and record.is_item):
                done += 1
                self.progress(done)

    def finish(self):
        """Link what the file may list in any order: parents, galleries, images in posts."""
        for obj, parent_ref in self.pending_parents:
            self._guarded(type(obj)._meta.verbose_name, obj.wp_id, self.link_parent, obj, parent_ref)
        self._guarded("gallery", None, self.link_galleries)
        self._guarded("post", None, self.render_again)

    def _guarded(self, kind, wp_id, step, *args):
        """Run one step in its own transaction, reporting its outcome; never let it stop the import."""
        try:
            with transaction.atomic():
                outcome = step(*args)
        except Skip as reason:
            self.report.add(kind, SKIPPED, wp_id, str(reason))
        except Exception as exc:  # one bad item must not abort the rest: report it and go on
            logger.debug("Import of %s %s failed", kind, wp_id, exc_info=True)
            self.report.add(kind, FAILED, wp_id, _describe(exc))
        else:
            if outcome:
                self.report.add(kind, outcome)

    # --- Authors and terms --------------------------------------------------

    def author(self, record):
        if not record.login:
            raise ValueError("an author without a login name")
        User = get_user_model()
        user = User.objects.filter(username=record.login).first()
        outcome = UNCHANGED
        if user is None:
            user = User(username=record.login, email=record.email, first_name=record.first_name[:150],
                        last_name=record.last_name[:150], display_name=record.display_name[:150])  # fmt: skip
            user.set_unusable_password()
            user.save()
            user.groups.add(Group.objects.get(name=AUTHOR))
            outcome = CREATED
        self.users[record.login] = user
        if record.wp_id:
            self.user_ids[record.wp_id] = user
        return outcome

    def _user(self, login):
        """The author of an item; WXR 1.0 files list no authors, so one may be met here first."""
        if login not in self.users:
            self.author(wxr.Author(wp_id=None, login=login or "wordpress"))
        return self.users[login or "wordpress"]

    def term(self, record):
        if not record.slug and not record.name:
            raise ValueError("a term with neither a name nor a slug")
        slug = slugify(record.slug or record.name, allow_unicode=True)[:100]
        if record.kind == "tag":
            return self._upsert(Tag, {"wp_id": record.wp_id} if record.wp_id else {"slug": slug},
                                {"name": record.name or slug, "slug": slug})[1]  # fmt: skip
        category, outcome = self._upsert(
            Category, {"wp_id": record.wp_id} if record.wp_id else {"slug": slug, "parent": None},
            {"name": record.name or slug, "slug": slug, "description": record.description},
        )  # fmt: skip
        if record.parent_slug:
            self.pending_parents.append((category, record.parent_slug))
        return outcome

    def _upsert(self, model, lookup, values):
        """Create or update one object; return (object, outcome)."""
        obj = model.objects.filter(**lookup).first()
        if obj is None:
            obj = model(**lookup, **values)
            obj.save()
            return obj, CREATED
        changed = {k: v for k, v in values.items() if getattr(obj, k) != v}
        if not changed:
            return obj, UNCHANGED
        for k, v in changed.items():
            setattr(obj, k, v)
        obj.save()
        return obj, UPDATED

    # --- Posts, pages, attachments ------------------------------------------

    def item(self, record):
        if record.post_type not in ("post", "page", "attachment"):
            raise Skip(f"a “{record.post_type}” item (only posts, pages and attachments are imported)")
        if record.post_type == "attachment":
            return self.attachment(record)
        if record.status in ("trash", "auto-draft", "inherit") or record.status not in POST_STATUSES:
            raise Skip(f"a {record.post_type} in the “{record.status or 'unknown'}” state")
        return self.post(record) if record.post_type == "post" else self.page(record)

    def _entry_values(self, record):
        status = POST_STATUSES[record.status]
        published_at = self._aware(record.date)
        if published_at is None and status in (Post.Status.PUBLISHED, Post.Status.SCHEDULED, Post.Status.PRIVATE):
            raise ValueError(f"a {record.status} item without a valid date")
        return {
            "title": record.title or "(no title)",
            "author": self._user(record.creator),
            "format": ContentFormat.WORDPRESS,
            "body": record.content,
            "status": status,
            "published_at": published_at,
            "password": record.password[:100],
        }

    def post(self, record):
        values = self._entry_values(record)
        slug = _slug(record, Post)
        existing = Post.objects.filter(wp_id=record.wp_id).only("slug").first()
        if existing and re.fullmatch(rf"{re.escape(slug)}(-[0-9]+)?", existing.slug):
            slug = existing.slug  # the "-2" a clash on the same day gave it is not a change
        values.update(
            slug=slug,
            excerpt=record.excerpt,
            sticky=record.sticky,
            comment_status=Post.CommentStatus.CLOSED if record.comment_status == "closed" else Post.CommentStatus.OPEN,
        )
        post, outcome = self._upsert(Post, {"wp_id": record.wp_id}, values)
        categories = self._terms(Category, record.categories)
        tags = self._terms(Tag, record.tags)
        if set(post.categories.all()) != set(categories) or set(post.tags.all()) != set(tags):
            post.categories.set(categories)
            post.tags.set(tags)
            outcome = outcome if outcome == CREATED else UPDATED
        if IMAGE_REFERENCE.search(record.content):
            self.uses_images.add(post.pk)
        comment_outcomes = self.comments(post, record.comments)
        self._remember_old_address(record.link, post=post)
        if outcome == UNCHANGED and (comment_outcomes[CREATED] or comment_outcomes[UPDATED]):
            outcome = UPDATED
        return outcome

    def _terms(self, model, pairs):
        found = []
        for slug, name in pairs:
            slug = slugify(slug or name, allow_unicode=True)[:100]
            term = model.objects.filter(slug=slug).first()
            if term is None:  # used by an item but not declared in the file's term list
                term = model(slug=slug, name=name or slug)
                if model is Category:
                    term.parent = None
                term.save()
            found.append(term)
        return found

    def page(self, record):
        values = self._entry_values(record)
        values.update(slug=_slug(record, Page), menu_order=record.menu_order)
        page, outcome = self._upsert(Page, {"wp_id": record.wp_id}, values)
        if record.parent:
            self.pending_parents.append((page, record.parent))
        self._remember_old_address(record.link, page=page)
        self._skip_comments(record, "pages")
        return outcome

    def attachment(self, record):
        url = record.attachment_url
        image = Image.objects.filter(wp_id=record.wp_id).first()
        alt = record.meta.get("_wp_attachment_image_alt") or record.title or "Image"
        if image is None:
            image = Image(wp_id=record.wp_id, source_url=url[:500], alt_text=alt[:250], title=record.title[:200],
                          caption=record.excerpt)  # fmt: skip
            outcome = CREATED
        else:
            outcome = UNCHANGED
        source = None if image.file else self._media_file(record)
        if source is not None:
            self._store_file(image, source)
            outcome = outcome if outcome == CREATED else UPDATED
        elif outcome == CREATED:
            image.save()
        if not image.file and source is None:
            self.report.missing_files.append(url)
        if record.parent:
            self.galleries[record.parent].append(image)
        self._remember_old_address(record.link, image=image)
        self._skip_comments(record, "images")
        return outcome

    def _store_file(self, image, source):
        """Save the image with its file, checked, cleaned and given renditions; a dry run only checks the file."""
        with source.open("rb") as f:
            upload = File(f, name=source.name)
            if self.dry_run:
                check_image(upload)
            else:
                image.file = upload
            image.save()

    def _media_file(self, record):
        """The attachment's file inside --media-dir (WordPress's wp-content/uploads), if there."""
        if self.media_dir is None:
            return None
        relative = (
            record.meta.get("_wp_attached_file") or urlsplit(record.attachment_url).path.split("/uploads/", 1)[-1]
        )
        candidate = (self.media_dir / relative).resolve()
        if self.media_dir.resolve() not in candidate.parents or not candidate.is_file():
            return None
        return candidate

    # --- Comments -----------------------------------------------------------

    def _skip_comments(self, record, what):
        """Count and report the comments of an item that cannot have any in Candid."""
        if record.comments:
            self.report.counts["comment"][SKIPPED] += len(record.comments)
            problem = f"its {len(record.comments)} comment(s) were skipped: Candid's {what} take no comments"
            self.report.problems.append((record.post_type, record.wp_id, problem))

    def comments(self, post, records):
        """Import a post's comments, parents before replies whatever their order in the file."""
        outcomes = Counter()
        saved = {c.wp_id: c for c in Comment.objects.filter(post=post, wp_id__isnull=False)}
        for record in _parents_first(records):
            parent = saved.get(record.parent) if record.parent else None
            if record.parent and parent is None:
                self.report.problems.append(
                    (
                        "comment",
                        record.wp_id,
                        f"its parent comment {record.parent} is missing; imported as a new thread",
                    )
                )
            values = {
                "post": post,
                "parent": parent,
                "user": self.user_ids.get(record.user_id),
                "author_name": record.author[:100],
                "author_email": record.email[:254] if _valid_email(record.email) else "",
                "author_url": record.url[:200] if record.url.startswith(("http://", "https://")) else "",
                "body": record.content or "(empty)",
                "status": COMMENT_STATUSES.get(record.approved, Comment.Status.PENDING),
                "kind": COMMENT_KINDS.get(record.type, Comment.Kind.COMMENT),
                "ip_address": record.ip or None,
                "created_at": self._aware(record.date) or post.published_at or timezone.now(),
            }
            comment, outcome = self._upsert(Comment, {"wp_id": record.wp_id}, values)
            saved[record.wp_id] = comment
            outcomes[outcome] += 1
            self.report.add("comment", outcome)
        return outcomes

    # --- What can only be linked at the end ---------------------------------

    def link_parent(self, obj, parent_ref):
        """Put a category or page under its parent, which the file may list after it."""
        model = type(obj)
        lookup = {"slug": parent_ref} if isinstance(parent_ref, str) else {"wp_id": parent_ref}
        parent = model.objects.filter(**lookup).exclude(pk=obj.pk).first()
        if parent is None:
            raise ValueError(f"its parent {parent_ref} is not in the export")
        obj.refresh_from_db()
        if obj.parent_id != parent.pk:
            obj.parent = parent
            obj.save()
        return

    def link_galleries(self):
        posts = {p.wp_id: p for p in Post.objects.filter(wp_id__in=list(self.galleries))}
        for wp_id, images in self.galleries.items():
            post = posts.get(wp_id)
            if post is None:
                continue
            for position, image in enumerate(images):
                GalleryItem.objects.get_or_create(post=post, image=image, defaults={"position": position})

    def render_again(self):
        """Render the posts that show images once more, now that every attachment is in."""
        for post in Post.objects.filter(pk__in=self.uses_images):
            post.render_again()
        generation.content_changed()

    def _aware(self, moment):
        """A WordPress date; one without a time zone (no GMT date in the file) is in the site's."""
        if moment is not None and timezone.is_naive(moment):
            return timezone.make_aware(moment, self.site.tzinfo)
        return moment

    def _remember_old_address(self, link, **target):
        """Keep the item's address on the old site, so that old links lead here (see blog.middleware)."""
        path = urlsplit(link).path if link else ""
        if self.permalinks and "post" in target:
            path = self.permalinks.path_for(target["post"])
        if not path or path == "/" or "?" in link:
            return
        new = target.get("post") or target.get("page")
        if new is not None and new.get_absolute_url() == path:
            return
        LegacyURL.objects.update_or_create(
            path=path[:500], defaults={"post": None, "page": None, "image": None, **target}
        )


def _item_kind(post_type):
    return post_type if post_type in ("post", "page", "attachment") else "other"


def _parents_first(records):
    """Order comments so that each comes after its parent (a reply may appear first in the file)."""
    by_id = {r.wp_id: r for r in records}
    ordered, placed = [], set()

    def place(record, seen=()):
        if record.wp_id in placed:
            return
        parent = by_id.get(record.parent)
        if parent is not None and parent.wp_id not in seen:
            place(parent, (*seen, record.wp_id))
        placed.add(record.wp_id)
        ordered.append(record)

    for record in records:
        place(record)
    return ordered


def _slug(record, model):
    slug = slugify(record.slug or record.title, allow_unicode=True)[:190]
    return slug or f"{model._meta.model_name}-{record.wp_id}"


def _valid_email(value):
    try:
        validate_email(value)
    except ValidationError:
        return False
    return True


def _describe(exc):
    if isinstance(exc, ValidationError):
        return "; ".join(exc.messages)
    return str(exc) or type(exc).__name__

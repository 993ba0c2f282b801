"""`manage.py demo`: fill an empty site with demo content and a demo admin; safe to run again."""

import datetime
import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from blog.models import Category, Page, Post, SiteSettings, Tag
from comments.models import Comment
from demo import loading

ADMIN_USERNAME = "admin"


class Command(BaseCommand):
    help = "Load Candid's demo content and a demo admin. Keeps whatever already exists."

    def add_arguments(self, parser):
        parser.add_argument("--base-url", default="http://127.0.0.1:8000", help="Where the site is served.")

    def handle(self, *args, **options):
        with transaction.atomic():
            created = self.load_content()
        password = self.ensure_admin()
        if created:
            self.stdout.write(self.style.SUCCESS(f"Demo content loaded: {created} posts."))
        else:
            self.stdout.write("Demo content already present; nothing changed.")
        self.stdout.write(f"Demo admin: {options['base_url']}/admin/  user {ADMIN_USERNAME!r}  password {password!r}")

    def load_content(self):
        """Create what is missing; return how many posts were created."""
        demo = loading.load()
        if not SiteSettings.objects.exists():
            SiteSettings.objects.create(title=demo.site["title"], tagline=demo.site["tagline"])
        authors = {a["username"]: self.author(a) for a in demo.site["authors"]}
        categories = {}
        for c in demo.site["categories"]:
            parent = categories.get(c.get("parent"))
            categories[c["slug"]], _ = Category.objects.get_or_create(
                slug=c["slug"], parent=parent, defaults={"name": c["name"], "description": c["description"]}
            )
        tags = {t["slug"]: Tag.objects.get_or_create(slug=t["slug"], defaults={"name": t["name"]})[0]
                for t in demo.site["tags"]}  # fmt: skip
        now = timezone.now().replace(second=0, microsecond=0)
        created = 0
        for p in demo.posts:
            if Post.objects.filter(slug=p["slug"]).exists():
                continue
            post = Post.objects.create(
                title=p["title"],
                slug=p["slug"],
                author=authors[p["author"]],
                body=p["body"],
                status=Post.Status.PUBLISHED,
                published_at=now - datetime.timedelta(days=p["days_ago"], hours=p["days_ago"] % 7),
                sticky=p["sticky"],
                comment_status=Post.CommentStatus.OPEN if p["comments_open"] else Post.CommentStatus.CLOSED,
            )
            post.categories.set(categories[slug] for slug in p["categories"])
            post.tags.set(tags[slug] for slug in p["tags"])
            created += 1
        for discussion in demo.discussions:
            self.discussion(discussion["post"], discussion["comments"], authors)
        for page in demo.pages:
            if not Page.objects.filter(path=page["slug"]).exists():
                Page.objects.create(
                    title=page["title"], slug=page["slug"], author=authors[demo.site["authors"][0]["username"]],
                    body=page["body"], status=Page.Status.PUBLISHED,
                )  # fmt: skip
        return created

    def author(self, data):
        user, created = get_user_model().objects.get_or_create(
            username=data["username"],
            defaults={"display_name": data["display_name"], "email": data["email"], "bio": data["bio"]},
        )
        if created:
            user.set_unusable_password()
            user.save(update_fields=["password"])
        return user

    def discussion(self, post_slug, comments, authors):
        post = Post.objects.get(slug=post_slug)
        if post.comments.exists():
            return
        saved = {}
        for c in comments:
            saved[c["key"]] = Comment.objects.create(
                post=post,
                parent=saved.get(c.get("parent")),
                user=authors.get(c.get("author")),
                author_name=c["name"],
                author_email=c["email"],
                author_url=c["url"],
                body=c["body"],
                status=Comment.Status.APPROVED,
                created_at=post.published_at + datetime.timedelta(minutes=c["minutes_after"]),
            )

    def ensure_admin(self):
        """Create the demo admin once; its password is kept under var/ so it can be shown every run."""
        password_file = settings.VAR_DIR / "demo-admin-password"
        User = get_user_model()
        if not User.objects.filter(username=ADMIN_USERNAME).exists():
            password = secrets.token_urlsafe(12)
            User.objects.create_superuser(ADMIN_USERNAME, "admin@example.com", password, display_name="Site Owner")
            password_file.parent.mkdir(parents=True, exist_ok=True)
            password_file.write_text(password)
            password_file.chmod(0o600)
        if password_file.exists():
            return password_file.read_text().strip()
        return "(set before; change it with `manage.py changepassword admin`)"

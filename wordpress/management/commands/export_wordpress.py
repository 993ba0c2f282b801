"""`manage.py export_wordpress [-o FILE] [--base-url URL]`: the whole site as a WXR 1.2 file WordPress can import."""

from pathlib import Path
from urllib.parse import urlsplit

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from wordpress.export import export_wxr

DEFAULT_BASE_URL = "http://localhost:8000"
SINGULAR = {
    "authors": "author", "categories": "category", "tags": "tag", "posts": "post", "pages": "page",
    "attachments": "attachment", "comments": "comment",
}  # fmt: skip


class RawOutput:
    """The command's stdout, written to as it is: OutputWrapper would end every write with a newline."""

    def __init__(self, wrapper):
        self.wrapper = wrapper

    def write(self, text):
        self.wrapper.write(text, ending="")


class Command(BaseCommand):
    help = "Write the site's authors, categories, tags, posts, pages, images and comments as a WordPress WXR file."

    def add_arguments(self, parser):
        parser.add_argument("-o", "--output", metavar="FILE", help="Write to FILE instead of standard output.")
        parser.add_argument(
            "--base-url",
            metavar="URL",
            help="The site's address, for absolute links, e.g. https://blog.example.com (default: SITE_URL).",
        )

    def handle(self, *args, output=None, base_url=None, **options):
        base_url = self.base_url(base_url)
        if not output:
            try:
                export_wxr(RawOutput(self.stdout), base_url)
            except BrokenPipeError:
                raise CommandError("The output was closed before the export was written in full.") from None
            return
        try:
            out = open(output, "w", encoding="utf-8")  # noqa: SIM115 (removed below if the export fails)
        except OSError as error:
            raise CommandError(f"Cannot write {output}: {error.strerror or error}.") from None
        try:
            with out:
                counts = export_wxr(out, base_url)
        except BaseException as error:
            # A half-written file would pass for a whole export.
            Path(output).unlink(missing_ok=True)
            if isinstance(error, OSError):
                raise CommandError(f"Cannot write {output}: {error.strerror or error}.") from None
            raise
        summary = ", ".join(f"{n} {SINGULAR[name] if n == 1 else name}" for name, n in counts.items())
        self.stderr.write(f"Wrote {output}: {summary}.")

    def base_url(self, given):
        """The address links are made absolute with: --base-url, else SITE_URL, else the local server's."""
        url = given or getattr(settings, "SITE_URL", "")
        if not url:
            self.stderr.write(f"No --base-url given and no SITE_URL setting: links will start with {DEFAULT_BASE_URL}.")
            return DEFAULT_BASE_URL
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.netloc or parts.query or parts.fragment:
            raise CommandError(f"“{url}” is not a site address; give one like https://blog.example.com.")
        return url.rstrip("/")

"""`manage.py import_wordpress FILE.xml [--media-dir DIR] [--dry-run] [--permalinks STRUCTURE]`."""

import sys

from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction

from wordpress import wxr
from wordpress.importer import OUTCOMES, Importer
from wordpress.permalinks import PermalinkStructure

BAR_WIDTH = 30


class DryRun(Exception):
    """Raised at the end of a dry run to roll everything back."""


class Command(BaseCommand):
    help = "Import a WordPress export (WXR 1.0-1.2): authors, categories, tags, posts, pages, images, comments."

    def add_arguments(self, parser):
        parser.add_argument("file", help="The WordPress export (Tools › Export in WordPress).")
        parser.add_argument("--media-dir", help="WordPress's wp-content/uploads folder, to bring the images along.")
        parser.add_argument("--dry-run", action="store_true", help="Report what would happen; change nothing.")
        parser.add_argument(
            "--permalinks",
            help="The old blog's permalink structure, e.g. '/%%year%%/%%monthnum%%/%%postname%%/', so its "
            "post URLs lead to the new ones (by default the addresses in the export are used).",
        )

    def handle(self, *args, file, media_dir, dry_run, permalinks, **options):
        try:
            structure = PermalinkStructure(permalinks) if permalinks else None
        except ValueError as exc:
            raise CommandError(f"--permalinks: {exc}") from None
        total = wxr.count_items(file) if _readable(file) else None
        importer = Importer(
            media_dir=media_dir, permalinks=structure, progress=self._progress_bar(total), dry_run=dry_run
        )
        error = None
        try:
            report = self._dry_run(importer, file) if dry_run else importer.run(file)
        except wxr.WxrError as exc:
            report, error = importer.report, f"{file}: {exc}"
        except OSError as exc:
            raise CommandError(f"{file}: cannot read it ({exc.strerror or exc}).") from None
        finally:
            self.stderr.write("")
        if error and not report.counts:
            raise CommandError(error)
        if not dry_run:
            refresh_statistics()
        self._summary(report, dry_run, finished=error is None)
        if error:  # the file breaks off part-way: what came before the error is in
            done = "would be imported" if dry_run else "were imported"
            raise CommandError(
                f"{error} The items before it {done}; fix the file and run the command again: it is idempotent."
            )

    def _dry_run(self, importer, file):
        try:
            with transaction.atomic():
                report = importer.run(file)
                raise DryRun
        except DryRun:
            return report

    def _progress_bar(self, total):
        interactive = sys.stderr.isatty()

        def show(done):
            if not total:
                return
            if interactive:
                filled = BAR_WIDTH * done // total
                self.stderr.write(f"\rImporting [{'#' * filled}{' ' * (BAR_WIDTH - filled)}] {done}/{total} items",
                                  ending="")  # fmt: skip
            elif done == total or done % max(1, total // 10) == 0:
                self.stderr.write(f"Importing: {done}/{total} items")

        return show

    def _summary(self, report, dry_run, finished=True):
        kinds = sorted(report.counts)
        width = max([len(k) for k in kinds] + [12])
        lines = [f"{'':{width}}  " + "  ".join(f"{o:>9}" for o in OUTCOMES)]
        for kind in kinds:
            lines.append(f"{kind:{width}}  " + "  ".join(f"{report.counts[kind][o]:>9}" for o in OUTCOMES))
        self.stdout.write("\n".join(lines))
        for kind, wp_id, message in report.problems:
            self.stdout.write(self.style.WARNING(f"{kind} {wp_id if wp_id is not None else ''}: {message}"))
        if report.missing_files:
            self.stdout.write(self.style.WARNING(
                f"{len(report.missing_files)} image file(s) were not found (give --media-dir, the old "
                "wp-content/uploads folder); their original addresses are kept."
            ))  # fmt: skip
        if dry_run:
            self.stdout.write("Dry run: nothing was written.")
        elif not finished:
            return
        elif not report.changed:
            self.stdout.write(self.style.SUCCESS("Nothing to do: everything in this export is already here."))
        else:
            self.stdout.write(self.style.SUCCESS("Import finished."))


def _readable(path):
    try:
        with open(path, "rb"):
            return True
    except OSError:
        return False


def refresh_statistics():
    """Have the database look at what was just imported: until it does, PostgreSQL plans queries as if the
    tables were empty (the sidebar's recent comments took ten milliseconds instead of a tenth of one).
    MariaDB/MySQL's InnoDB refreshes its statistics by itself once a tenth of a table has changed."""
    if connection.vendor in ("postgresql", "sqlite"):
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")

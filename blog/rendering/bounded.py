"""Rendering what an author sends within a fixed time and size: the post form and the preview of unsaved edits.

Why a clock and a child process rather than a guard over the text: Python-Markdown (and the HTML path's
sanitiser) is super-linear in much more than runs of `[`. Measured on 100,000 characters, each of these took
from 2 to over 30 seconds: `[` / `[a` / `![` / `[x](` repeated (a few thousand `[` already take seconds),
`# a` or `---` or `a\\n=` on every line, `> ` or list nesting, one-letter paragraphs, `*a* ` or `` `a` `` or
`\\[` or `&amp;` or `<b>x</b>` repeated in one paragraph, `{` in headings, abbreviations, definition lists,
tables, fences, and `<div>` repeated in the HTML format. A pre-pass that neutralised all of these would have to
rewrite nearly every construct, and could not be shown to leave ordinary text alone; a linear-time library
(markdown-it-py) would bound the time but render ordinary Markdown differently (nested lists, footnotes,
tables, `markdown="1"`), changing every post saved again. Meanwhile an ordinary long post renders quickly: a
realistic 300,000-character one (63,000 words) takes about 0.8 s.

So the text is rendered unchanged, by markup.render() itself, in a forked child process that is killed when
RENDER_SECONDS run out (and that may not grow by more than CHILD_MEMORY_BYTES): whatever the text, the worker
is held for that long at most, the HTML is exactly what saving produces, and a text that cannot be rendered in
time is refused with a message that says so while the author keeps it. The result is remembered
(markup.remember) so that the save or the preview that follows does not render the same text a second time.
"""

import logging
import multiprocessing
import os
import resource

from django.conf import settings
from django.db import connections

from blog.rendering import markup

logger = logging.getLogger(__name__)

# A book-length post: 300,000 characters are about 50,000 words, several times the longest real blog posts,
# and render in under a second when written as people write (see above).
MAX_BODY_CHARS = 300_000
# Far above what an ordinary text at MAX_BODY_CHARS needs, far below what a pathological one would take;
# the setting CANDID_RENDER_SECONDS, if there is one, wins.
RENDER_SECONDS = 5.0  # an ordinary post at MAX_BODY_CHARS takes under 1 s, on a busy machine 2 s or more
CHILD_MEMORY_BYTES = 1024**3


class TooComplex(Exception):
    """The text could not be rendered within RENDER_SECONDS (or at all); str() is the message for its author."""


def length_of(text):
    """The length an author sees: a browser sends each line break as two characters."""
    return len(text.replace("\r\n", "\n"))


def too_long(text):
    """The message refusing `text` as a post body, or None if its length is fine."""
    length = length_of(text)
    if length <= MAX_BODY_CHARS:
        return None
    return (
        f"This text is {length:,} characters long, and a post can have at most {MAX_BODY_CHARS:,}, so it was not "
        f"saved or previewed. Your text is still here: shorten it by {length - MAX_BODY_CHARS:,} characters, or "
        "split it into two posts."
    )


def too_complex(seconds):
    return (
        f"This text could not be turned into a page within {seconds:g} seconds, so it was not saved or previewed. "
        "Your text is still here. Long runs of one Markdown character (such as [ * > # ` or \\) cause this: "
        "shorten such a run, or put it in a code block."
    )


def render_within(source, content_format, excerpt="", seconds=None):
    """markup.render(source, content_format, excerpt), or TooComplex if it takes longer than `seconds`."""
    if seconds is None:
        seconds = getattr(settings, "CANDID_RENDER_SECONDS", RENDER_SECONDS)
    context = multiprocessing.get_context("fork")
    receiving, sending = context.Pipe(duplex=False)
    child = context.Process(target=_render_in_child, args=(sending, source, content_format, excerpt))
    child.start()
    sending.close()  # the child's copy is the only one left: its end, even by a crash, is seen here as EOF
    try:
        if not receiving.poll(seconds):
            raise TooComplex(too_complex(seconds))
        outcome, value = receiving.recv()
    except EOFError:  # the child died without an answer, e.g. past its memory limit
        outcome, value = "failed", f"exit code {child.exitcode}"
    finally:
        if child.is_alive():
            child.kill()
        child.join()
        receiving.close()
    if outcome != "rendered":
        logger.warning("A text could not be rendered: %s", value)
        raise TooComplex(too_complex(seconds))
    markup.remember(value, source, content_format, excerpt)
    return value


def _render_in_child(sending, source, content_format, excerpt):
    _leave_parent_connections()
    _limit_memory()
    try:
        answer = ("rendered", markup.render(source, content_format, excerpt))
    except BaseException as error:  # noqa: BLE001 - any failure is reported to the parent, which refuses the text
        answer = ("failed", f"{type(error).__name__}: {error}"[:1000])
    sending.send(answer)


_inherited = []  # the parent's database connections, kept referenced so the child never closes them


def _leave_parent_connections():
    """The child shares the parent's database sockets: closing one (as garbage collection would) ends the
    parent's session, and a query on one mixes the two processes' conversations. A format that looks something
    up (WordPress galleries and uploads) gets a connection of its own."""
    for connection in connections.all(initialized_only=True):
        _inherited.append(connection.connection)
        connection.connection = None
        connection.in_atomic_block = False
        connection.savepoint_ids = []
        connection.needs_rollback = False
        connection.run_on_commit = []


def _limit_memory():
    try:
        with open("/proc/self/statm") as statm:
            in_use = int(statm.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
        resource.setrlimit(resource.RLIMIT_AS, (in_use + CHILD_MEMORY_BYTES, resource.RLIM_INFINITY))
    except (OSError, ValueError):  # not Linux, or already limited lower: the time limit still holds
        pass

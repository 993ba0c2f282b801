"""WordPress's display-time formatting of a classic post body, done once for a body imported as it was stored.

WordPress stores a classic post's body without paragraphs and formats it each time it
shows it: the `[caption]` and `[embed]` shortcodes, and URLs alone on their line, become
HTML, then `wpautop()` (wp-includes/formatting.php) turns blank lines into paragraphs and
the remaining line breaks into `<br />`. wordpress_to_html() does the same, in that order.
Its HTML is not safe yet: the caller sanitises it, then expands Candid's own `[gallery]`
and `[image]` shortcodes, which stay here as written, like every other shortcode.

The paragraph rules are wpautop's, one by one (checked against WordPress 6.1's own on random
mixes of HTML), except where Candid chooses otherwise:
- `<pre>`, `<script>`, `<style>` and `<svg>` elements are kept exactly as written, and no
  shortcode or URL inside `<code>`, `<kbd>` or `<samp>` is translated (as for Candid's own);
- `<!--more-->` and `<!--nextpage-->` stand between paragraphs instead of inside one;
- tag names match in any case; a block's name must be whole (`<p>`, not `<param>`), and a
  `<` not followed by a tag name (`x < 5`) starts no tag;
- an embed is a link, never an iframe; a `[caption]` keeps its caption without a `width`;
  a `[caption]` or `[embed]` missing its closing tag stays as written.

Every pattern runs in linear time, whatever the input: WordPress leans on PCRE's possessive
quantifiers and backtracking limits, and a save must not stall on 50,000 `<` or an unclosed
`[caption`. So a tag is matched only up to the next `<` or `>`, a run of whitespace only
from its start, and a search for a closing tag gives up for good once one is missing.
"""

import functools
import re
from html import escape

# PCRE's \s and \w are ASCII-only: a no-break space is text, not whitespace, as in WordPress.
FLAGS = re.ASCII | re.IGNORECASE
WHITESPACE = " \t\n\r\f\v"

# Unicode noncharacters, reserved for a program's internal use, mark what the rules must not
# touch while they run; they are removed from the input, so that nothing there can forge them.
STASH_MARK = "\ufdd0"
CODE_MARK = "\ufdd1"
TAG_NEWLINE = "\ufdd2"
INTERNAL_CHARACTERS = dict.fromkeys(map(ord, STASH_MARK + CODE_MARK + TAG_NEWLINE))

VERBATIM_ELEMENTS = ("pre", "script", "style", "svg")
CODE_ELEMENTS = ("code", "kbd", "samp")
MARKER_RE = re.compile(r"<!--(?:more[^<>]*|nextpage)-->")
# A comment, or a tag: "<" then a name, "/", "!" or "?", up to the next ">".
TAG_RE = re.compile(r"<(?:!--.*?(?:-->|\Z)|[/!?]?[a-z][^<>]*>)", FLAGS | re.DOTALL)


def wordpress_to_html(text):
    """Return the HTML WordPress shows for the classic post body `text`; not sanitised yet."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").translate(INTERNAL_CHARACTERS).strip(WHITESPACE)
    if not text:
        return ""
    stash = Stash(STASH_MARK)
    text = stash.hide_elements(text, VERBATIM_ELEMENTS)
    text = MARKER_RE.sub(lambda marker: stash.hide(marker[0], "pre"), text)  # "pre": a block of its own
    text = translate_shortcodes(text)
    text = autop(text)
    return stash.restore(text).strip(WHITESPACE)


class Stash:
    """Pieces of text hidden from the rules behind empty placeholder elements, then put back."""

    def __init__(self, mark):
        self.mark = mark
        self.pieces = []
        self.placeholder_re = re.compile(rf"<[a-z]+ {mark}(\d+)></[a-z]+>")

    def hide(self, piece, name):
        """A placeholder for `piece` that the rules take for an empty `name` element."""
        self.pieces.append(piece)
        return f"<{name} {self.mark}{len(self.pieces) - 1}></{name}>"

    def hide_elements(self, text, names):
        """`text` with every `names` element hidden, from its opening tag to the first closing tag after it."""
        opening_re = re.compile(rf"<({'|'.join(names)})(?=[\s/>])", FLAGS)
        out, copied, position, unclosed = [], 0, 0, set()
        while opening := opening_re.search(text, position):
            name = opening[1].lower()
            closing = None if name in unclosed else closing_tag_re(name).search(text, opening.end())
            if closing is None:
                unclosed.add(name)  # then none follows a later opening tag either: stop looking
                position = opening.end()
                continue
            out += [text[copied : opening.start()], self.hide(text[opening.start() : closing.end()], name)]
            copied = position = closing.end()
        out.append(text[copied:])
        return "".join(out)

    def restore(self, text):
        return self.placeholder_re.sub(lambda placeholder: self.pieces[int(placeholder[1])], text)


@functools.cache
def closing_tag_re(name):
    return re.compile(rf"</{name}\s*>", FLAGS)


def replace_in_tags(text, old, new):
    """`text` with `old` replaced by `new` inside its tags and comments only."""
    if old not in text:
        return text
    return TAG_RE.sub(lambda tag: tag[0].replace(old, new), text)


# --- Shortcodes ---

SHORTCODE_RE = re.compile(r"(\[?)\[(caption|wp_caption|embed)(?![\w-])([^\[\]]*)\]", re.ASCII)
ATTRIBUTE_RE = re.compile(r"""([\w-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"']+))|"[^"]*"|'[^']*'|\S+""", re.ASCII)
CAPTIONED_IMAGE_RE = re.compile(r"((?:<a\s[^<>]*>\s*)?<img\s[^<>]*>(?:\s*</a>)?)(.*)", FLAGS | re.DOTALL)
CAPTION_ALIGNMENTS = {"alignleft", "alignright", "aligncenter", "alignnone"}
URL_RE = re.compile(r"https?://[^\s<>\"]+", FLAGS)
URL_LINE_RE = re.compile(r"^[ \t]*(https?://[^\s<>\"]+)[ \t]*$", FLAGS | re.MULTILINE)


def translate_shortcodes(text):
    """`text` with [caption] and [embed], and URLs alone on their line, turned into HTML, except in code."""
    code = Stash(CODE_MARK)
    text = code.hide_elements(text, CODE_ELEMENTS)
    text = expand_shortcodes(text)
    text = embed_lone_urls(text)
    return code.restore(text)


def expand_shortcodes(text):
    """`text` with its [caption] and [embed] shortcodes replaced; [[caption]] is the text "[caption]"."""
    out, copied, position, unclosed = [], 0, 0, set()
    while opening := SHORTCODE_RE.search(text, position):
        end, replacement = shortcode_replacement(text, opening, unclosed)
        if replacement is None:
            position = end
            continue
        out += [text[copied : opening.start()], replacement]
        copied = position = end
    out.append(text[copied:])
    return "".join(out)


def shortcode_replacement(text, opening, unclosed):
    """(end, replacement) of the shortcode that `opening` starts, or (where to look on, None) to leave it be.

    `unclosed` holds the names whose closing tag earlier calls found missing from the rest of `text`.
    """
    escaped, name, attributes = opening.groups()
    if escaped and text.startswith("]", opening.end()):  # [[embed]] is how to write "[embed]"
        return opening.end() + 1, opening[0][1:]
    if attributes.rstrip(WHITESPACE).endswith("/"):  # self-closing, so with nothing to show
        return opening.end(), None
    closing_tag = f"[/{name}]"
    close = -1 if name in unclosed else text.find(closing_tag, opening.end())
    if close == -1:
        unclosed.add(name)
        return (opening.start() + 1 if escaped else opening.end()), None
    end = close + len(closing_tag)
    if escaped:  # [[caption]…[/caption]] is the text "[caption]…[/caption]"
        return (end + 1, text[opening.start() + 1 : end]) if text.startswith("]", end) else (opening.start() + 1, None)
    content = text[opening.end() : close]
    if name == "embed":
        return end, embed_html(content)
    return end, caption_html(parse_attributes(attributes), content)


def parse_attributes(text):
    """{name: value} of a shortcode's `name="value"`, `name='value'` and `name=value`; the rest is ignored."""
    text = text.replace("\xa0", " ").replace("\u200b", " ")
    return {
        match[1].lower(): next(value for value in match.group(2, 3, 4) if value is not None)
        for match in ATTRIBUTE_RE.finditer(text)
        if match[1]
    }


def caption_html(attributes, content):
    """A [caption] as a <figure>: its image, linked or not, then its caption, which is HTML as WordPress stores it.

    The caption is the `caption` attribute, or else what follows the image. Without one, only the image shows.
    """
    image, caption = content.strip(WHITESPACE), attributes.get("caption", "").strip(WHITESPACE)
    if "caption" not in attributes and (found := CAPTIONED_IMAGE_RE.search(image)):
        image, caption = found[1], found[2].strip(WHITESPACE)  # like WordPress, drops any text before the image
    if not caption:
        return image
    align = attributes.get("align", "")
    classes = f"wp-caption {align}" if align in CAPTION_ALIGNMENTS else "wp-caption"
    return f'<figure class="{classes}">{image}<figcaption>{caption}</figcaption></figure>'


def embed_html(content):
    """The http(s) URL `content` as a paragraph holding its link, or None for anything else.

    WordPress would embed a player in an iframe; the sanitiser allows none, so readers get the link.
    """
    url = content.strip(WHITESPACE).replace("&amp;", "&")  # the URL is written in HTML, as WordPress reads it
    if not URL_RE.fullmatch(url):
        return None
    url = escape(url)
    return f'<p class="embed"><a href="{url}">{url}</a></p>'


def embed_lone_urls(text):
    """`text` with each URL alone on its line embedded, as WordPress does; a line break inside a tag ends no line."""
    if "://" not in text:
        return text
    text = replace_in_tags(text, "\n", TAG_NEWLINE)
    text = URL_LINE_RE.sub(lambda line: embed_html(line[1]) or line[0], text)
    return text.replace(TAG_NEWLINE, "\n")


# --- wpautop ---

BLOCKS = (
    r"table|thead|tfoot|caption|colgroup|col|tbody|tr|td|th|div|dl|dd|dt|ul|ol|li|pre|form|map|area|blockquote"
    r"|address|math|style|p|h[1-6]|hr|fieldset|legend|section|article|aside|hgroup|header|footer|nav|figure"
    r"|figcaption|details|menu|summary"
)
BLOCK_TAG = rf"</?(?:{BLOCKS})(?![\w:-])[^<>]*>"
# The whitespace before what follows, matched only from the start of its run (from anywhere in it,
# a long run would be read again from each of its characters).
SPACE_BEFORE = r"(?:(?<!\s)\s++)?"


def rules(*pairs):
    """(pattern, replacement) pairs, compiled, for apply()."""
    return [(re.compile(pattern, FLAGS), replacement) for pattern, replacement in pairs]


SEPARATE_BLOCKS = rules(
    (r"<br\s*/?>\s*<br\s*/?>", "\n\n"),  # two line breaks in a row end a paragraph
    (rf"(<(?:{BLOCKS})[\s/>])", r"\n\n\1"),
    (rf"(</(?:{BLOCKS})>)", r"\1\n\n"),
    (r"(<hr\s*?/?>)", r"\1\n\n"),
)
# Elements whose line breaks would only get in the way, each with the text that calls for their rules.
KEEP_TOGETHER = [
    (("<option",), rules((rf"{SPACE_BEFORE}(<option)", r"\1"), (r"(</option>)\s++", r"\1"))),
    (
        ("</object>",),
        rules(
            (r"(<object[^<>]*>)\s++", r"\1"),
            (rf"{SPACE_BEFORE}(</object>)", r"\1"),
            (rf"{SPACE_BEFORE}(</?(?:param|embed)[^<>]*>)\s*+", r"\1"),
        ),
    ),
    (
        ("<source", "<track"),
        rules(
            (r"([<\[](?:audio|video)[^<>\[\]]*[>\]])\s++", r"\1"),
            (rf"{SPACE_BEFORE}([<\[]/(?:audio|video)[>\]])", r"\1"),
            (rf"{SPACE_BEFORE}(<(?:source|track)[^<>]*>)\s*+", r"\1"),
        ),
    ),
    (("<figcaption",), rules((rf"{SPACE_BEFORE}(<figcaption[^<>]*>)", r"\1"), (r"(</figcaption>)\s++", r"\1"))),
]
PARAGRAPH_BREAK_RE = re.compile(r"\n\s*\n", FLAGS)
UNWRAP_BLOCKS = rules(
    (r"<p>\s*</p>", ""),
    (r"<p>([^<]+)</(div|address|form)>", r"<p>\1</p></\2>"),  # close a paragraph left open at a block's end
    (rf"<p>\s*({BLOCK_TAG})\s*</p>", r"\1"),
    (r"<p>(<li(?![\w:-])(?:(?!<p>)[^\n])*?)</p>", r"\1"),
    (r"<p><blockquote([^<>]*)>", r"<blockquote\1><p>"),  # a blockquote's text gets paragraphs inside it
    (r"</blockquote></p>", "</p></blockquote>"),
    (rf"<p>\s*({BLOCK_TAG})", r"\1"),
    (rf"({BLOCK_TAG})\s*</p>", r"\1"),
)
BR_RE = re.compile(r"<br\s*/?>", FLAGS)
LINE_END_RE = re.compile(r"(?<!\s)\s*\n", FLAGS)  # a run of whitespace, up to its last line break
TIDY_BREAKS = rules(
    (rf"({BLOCK_TAG})\s*<br />", r"\1"),
    (r"<br />(\s*</?(?:p|li|div|dl|dd|dt|th|pre|td|ul|ol)(?![\w:-])[^<>]*>)", r"\1"),
    (r"\n</p>$", "</p>"),
)


def autop(text):
    """wpautop(): paragraphs for text between blank lines, <br /> for other line breaks, none around blocks."""
    text = apply(SEPARATE_BLOCKS, text + "\n")
    text = replace_in_tags(text, "\n", TAG_NEWLINE)
    text = keep_together(text)
    text = wrap_paragraphs(text)
    text = apply(UNWRAP_BLOCKS, text)
    text = add_line_breaks(text)
    text = apply(TIDY_BREAKS, text)
    return text.replace(TAG_NEWLINE, "\n")


def apply(pairs, text):
    for pattern, replacement in pairs:
        text = pattern.sub(replacement, text)
    return text


def keep_together(text):
    """Remove the line breaks around options, object parameters, media sources and figcaptions."""
    lowered = text.lower()
    for triggers, pairs in KEEP_TOGETHER:
        if any(trigger in lowered for trigger in triggers):
            text = apply(pairs, text)
    return text


def wrap_paragraphs(text):
    """Each piece of `text` between blank lines, in a <p>; blocks are unwrapped afterwards."""
    pieces = PARAGRAPH_BREAK_RE.split(text)
    return "".join(f"<p>{piece.strip(chr(10))}</p>\n" for piece in pieces if piece)


def add_line_breaks(text):
    """A <br /> for each line break still inside a paragraph, unless one is there already."""
    return LINE_END_RE.sub(line_break, BR_RE.sub("<br />", text))


def line_break(run):
    """The <br /> for one run of whitespace, as wpautop's lookbehind gives it.

    Right after a <br />, WordPress matches from the run's second character, so a space
    between the two keeps a second <br />; a bare line break gets none.
    """
    if not run.string.endswith("<br />", 0, run.start()):
        return "<br />\n"
    return run[0] if run[0] == "\n" else run[0][0] + "<br />\n"

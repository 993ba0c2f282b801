"""What "no injected script" means on a page the test rendered."""

import json
import re
from pathlib import Path

import html5lib

EXECUTABLE = {"script", "iframe", "object", "embed", "applet", "base", "meta", "link", "style", "form", "frame"}
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "background", "data", "srcset", "poster"}
BAD_SCHEME = re.compile(r"^\s*(javascript|vbscript|data):", re.IGNORECASE)


def injected(html, allowed=lambda element: False):
    """Elements and attributes in `html` that could run script, other than those `allowed` (the theme's own)."""
    tree = (
        html5lib.HTMLParser(namespaceHTMLElements=False).parseFragment(html)
        if "<html" not in html[:200]
        else (html5lib.HTMLParser(namespaceHTMLElements=False).parse(html))
    )
    problems = []
    for element in tree.iter():
        if not isinstance(element.tag, str):
            continue
        name = element.tag.split("}")[-1].lower()
        if name in EXECUTABLE and not allowed(element):
            problems.append(f"<{name}>")
        for attribute, value in element.attrib.items():
            attribute = attribute.split("}")[-1].lower()
            if attribute.startswith("on"):
                problems.append(f"<{name} {attribute}>")
            if attribute in URL_ATTRIBUTES and BAD_SCHEME.match(value or ""):
                problems.append(f"<{name} {attribute}={value!r}>")
            if attribute == "style":
                problems.append(f"<{name} style>")
    return problems


def theme_element(element):
    """The theme's own head and forms are not injections."""
    name = element.tag
    if name == "script":
        return element.get("type") == "application/ld+json" or element.get("src", "").startswith("/static/")
    if name == "link":
        return element.get("rel") in {
            "stylesheet",
            "icon",
            "alternate",
            "canonical",
            "prev",
            "next",
        } and not element.get("href", "").startswith("https://evil")
    if name == "meta":
        return element.get("http-equiv") is None
    if name == "form":
        return element.get("action", "").startswith("/") or element.get("method") == "get"
    return False


# The Big List of Naughty Strings (MIT), from the npm registry through package.json: `npm install`.
NAUGHTY_STRINGS = Path(__file__).resolve().parents[2] / "node_modules" / "big-list-of-naughty-strings" / "blns.json"


def payloads():
    """Our own corpus (xss_payloads.txt), then the markup and script-URL entries of the public list."""
    lines = (Path(__file__).parent / "xss_payloads.txt").read_text(encoding="utf-8").splitlines()
    own = [line for line in lines if line and not line.startswith("# ")]
    public = []
    if NAUGHTY_STRINGS.exists():
        strings = json.loads(NAUGHTY_STRINGS.read_text(encoding="utf-8"))
        public = [s for s in strings if "<" in s or "script:" in s.lower()]
    return list(dict.fromkeys(own + public))

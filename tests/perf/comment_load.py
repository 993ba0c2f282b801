"""The cost of posting a comment: anonymous guests, the whole anti-spam stack, POSTs per second.

Each guest opens the post (getting the form, its CSRF cookie and its timestamp), waits out the
form's minimum filling time like a person would, then sends; all guests send at once, from
`concurrency` threads. The run counts the answers and, afterwards, the stored comments: every
accepted comment must be there exactly once.
"""

import concurrent.futures
import http.cookiejar
import re
import time
import urllib.parse
import urllib.request

FORM_FIELDS = re.compile(rb'name="(csrfmiddlewaretoken|issued|post)" value="([^"]*)"')
FILL_SECONDS = 3.2  # comments.forms.MIN_FILL_SECONDS, and a margin


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def open_form(base, path):
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar), NoRedirect)
    with opener.open(base + path, timeout=30) as response:
        fields = {name.decode(): value.decode() for name, value in FORM_FIELDS.findall(response.read())}
    return opener, fields


def send(base, path, opener, fields, n):
    data = urllib.parse.urlencode({
        **fields, "name": f"Guest {n}", "email": f"guest{n}@example.org",
        "body": f"Guest comment {n}: measured, not spam. {time.time_ns()}",
    }).encode()  # fmt: skip
    request = urllib.request.Request(base + "/comments/post/", data=data, headers={"Referer": base + path})  # noqa: S310
    try:
        with opener.open(request, timeout=30) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def run(base, path, count=200, concurrency=8):
    """Open `count` forms, wait out the filling time, post them all; POSTs/s and the answers by status."""
    forms = [open_form(base, path) for _ in range(count)]
    time.sleep(FILL_SECONDS)
    started = time.perf_counter()
    with concurrent.futures.ThreadPoolExecutor(concurrency) as pool:
        statuses = list(pool.map(lambda n: send(base, path, *forms[n], n), range(count)))
    elapsed = time.perf_counter() - started
    answers = {str(status): statuses.count(status) for status in sorted(set(statuses))}
    return {"posts": count, "concurrency": concurrency, "seconds": round(elapsed, 2),
            "posts_per_s": round(count / elapsed, 1), "answers": answers}  # fmt: skip

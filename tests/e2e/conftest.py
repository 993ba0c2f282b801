"""Browser tests: Candid as its readers and bloggers meet it, in Debian's Chromium driven by Playwright.

The site runs in pytest-django's `live_server` (a thread of this process, on the test database);
the browser is Debian's /usr/bin/chromium, never one Playwright downloads. Without it the tests skip.
Every test module marks its tests `django_db(transaction=True)`: the live server must see committed data.

While Playwright's sync API runs, this thread has a running asyncio loop, and Django (through asgiref)
then hands the thread a separate set of database connections: the tests' ORM calls use those. What
Django kept on the connections opened before (the serialized contents `serialized_rollback` restores)
is out of reach, so the role groups the migrations create, wiped by each test's flush, are made again
by `steps.role()` when a test needs one.

A failed test leaves a screenshot of each of its pages under var/e2e-screenshots/.
"""

import contextlib
import os
import re
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
# The browser reaches nothing beyond this machine: addresses elsewhere (a reader's <img> pointing at
# some host, say) go to a closed local port and fail at once, instead of waiting on a network that
# may drop them silently.
NO_NETWORK = {"server": "http://127.0.0.1:9", "bypass": "127.0.0.1,localhost"}
VIEWPORT = {"width": 1280, "height": 900}
TIMEOUT_MS = 10_000  # a step that takes longer than this on localhost is a failure, not slowness
TEST_TIMEOUT_S = 120  # for the steps Playwright gives no timeout of their own (evaluate, close, keyboard)
SCREENSHOTS = Path(__file__).resolve().parents[2] / "var" / "e2e-screenshots"
REPORTS = pytest.StashKey[dict]()


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items):
    """Run the browser tests after all the others.

    They flush the database after each test, so they must come after the tests that expect it as
    migrated. pytest-django orders them so, but pytest-playwright (when installed) parametrizes every
    test with a `page` argument by a session-wide `browser_name`, and pytest then groups those tests
    together, pulling these among the others. And the asyncio loop the browser keeps running in this
    thread should touch no other test.
    """
    here = Path(__file__).parent
    browser_tests = [item for item in items if item.path.is_relative_to(here)]
    for item in browser_tests:
        item.add_marker(pytest.mark.timeout(TEST_TIMEOUT_S))
    if browser_tests:
        items[:] = [item for item in items if not item.path.is_relative_to(here)] + browser_tests


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    """Keep each phase's report on the test, so the page fixtures know whether it failed."""
    report = yield
    item.stash.setdefault(REPORTS, {})[report.when] = report
    return report


def _failed(request):
    reports = request.node.stash.get(REPORTS, {})
    return any(report.failed for report in reports.values())


# One browser for the whole folder, whose tests run one after another at the end (see above), and then gone:
# while it runs, this thread has a running asyncio loop and DJANGO_ALLOW_ASYNC_UNSAFE, which nothing else inherits.
@pytest.fixture(scope="package")
def browser():
    if not CHROMIUM.exists():
        pytest.skip("Debian's chromium is not installed: apt-get install chromium")
    from django.db import connections
    from playwright.sync_api import sync_playwright

    # Playwright's sync API keeps an asyncio loop running in this thread while it is started, and
    # Django refuses ORM calls from a thread with a running loop unless told it is safe. It is: the
    # tests call the ORM only between browser steps, never from a coroutine.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    playwright = sync_playwright().start()
    try:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, proxy=NO_NETWORK)
        yield chromium
        chromium.close()
    finally:
        connections.close_all()  # those opened while the loop ran (see above); the others come back
        playwright.stop()
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture
def open_page(browser, live_server, request):
    """Open a page in a new browser context (its own cookies): `open_page(java_script_enabled=False)`."""
    contexts = []

    def open_(**options):
        context = browser.new_context(viewport=VIEWPORT, base_url=live_server.url, **options)
        context.set_default_timeout(TIMEOUT_MS)
        contexts.append(context)
        return context.new_page()

    yield open_
    if _failed(request):
        from playwright.sync_api import Error as PlaywrightError

        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        name = re.sub(r"[^\w.-]+", "_", f"{request.node.path.stem}-{request.node.name}")
        for n, context in enumerate(contexts):
            for m, page in enumerate(context.pages):
                with contextlib.suppress(PlaywrightError):  # a crashed page: the test's own error says enough
                    page.screenshot(path=SCREENSHOTS / f"{name}-{n}-{m}.png", full_page=True)
    for context in contexts:
        context.close()


@pytest.fixture
def page(open_page):
    """A reader's browser with JavaScript, 1280 × 900."""
    return open_page()


@pytest.fixture
def no_js_page(open_page):
    """A reader's browser with JavaScript turned off: every page must work without it."""
    return open_page(java_script_enabled=False)


@pytest.fixture
def rules(configure):
    """Deterministic discussion rules: no flood delay between the tests' comments; first comments held, as by
    default. (tests/conftest.py's `post` is the post under discussion.)"""
    return configure(comment_flood_seconds=0)

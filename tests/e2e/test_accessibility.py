"""axe-core (from the npm registry) finds no serious or critical accessibility problem on the pages people use."""

from pathlib import Path

import pytest

from tests.e2e.steps import blogger, log_in_to_admin
from tests.factories import CategoryFactory, CommentFactory, PostFactory

pytestmark = pytest.mark.django_db(transaction=True)

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
SERIOUS = {"serious", "critical"}


@pytest.fixture
def axe_page(open_page):
    if not AXE.exists():
        pytest.skip("axe-core is not installed: run `npm install` (make test does it when npm is there)")
    # axe is injected as a script of its own, which the site's CSP (rightly) forbids: let the test through.
    return open_page(bypass_csp=True)


def serious_violations(page):
    page.add_script_tag(path=str(AXE))
    results = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    return [
        f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']][:3]}"
        for v in results["violations"]
        if v["impact"] in SERIOUS
    ]


def test_reader_pages_have_no_serious_accessibility_problems(axe_page, rules):
    post = PostFactory(title="Bean poles", categories=[CategoryFactory(name="Garden")])
    parent = CommentFactory(post=post, author_name="Ada", author_url="https://example.org/")
    CommentFactory(post=post, parent=parent)
    day = post.published_on
    for path in ("/", post.get_absolute_url(), f"/{day:%Y/%m}/", "/category/garden/", "/?s=bean",
                 "/accounts/login/", "/no-such-page/"):  # fmt: skip
        axe_page.goto(path)
        assert serious_violations(axe_page) == [], path


def test_the_admins_post_form_has_no_serious_accessibility_problems(axe_page):
    author = blogger("ann", "Author")
    log_in_to_admin(axe_page, author)
    axe_page.goto("/admin/blog/post/add/")
    assert serious_violations(axe_page) == []

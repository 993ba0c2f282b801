"""The writing desk in a real browser: the visual editor, images dropped into the text, the picker, formats."""

import base64
import io
import json
import re
import shutil
import time
from urllib.parse import quote

import pytest
from PIL import Image as PILImage
from playwright.sync_api import expect

from blog.media.models import Image
from blog.models import Autosave, Post
from tests.e2e.steps import blogger, log_in_to_admin
from tests.e2e.test_accessibility import AXE, serious_violations
from tests.factories import PostFactory, TagFactory
from tests.media_factories import ImageFactory
from tests.quality.test_html_validity import vnu_errors

pytestmark = pytest.mark.django_db(transaction=True)

EDITOR = ".tiptap.ProseMirror"


def wait_for(query, count, seconds=10):
    """The rows `query()` returns once there are `count` of them (a beacon arrives on its own time)."""
    deadline = time.monotonic() + seconds
    while len(rows := query()) < count and time.monotonic() < deadline:
        time.sleep(0.1)
    return rows


def png(color, size=(640, 400)):
    buffer = io.BytesIO()
    PILImage.new("RGB", size, color).save(buffer, format="PNG")
    return buffer.getvalue()


def drop_file(page, content, name, mime):
    """Drop a file onto the visual editor's text, as a file dragged from the desktop would be."""
    page.evaluate(
        """([b64, name, mime, selector]) => {
          const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
          const transfer = new DataTransfer();
          transfer.items.add(new File([bytes], name, {type: mime}));
          const text = document.querySelector(selector);
          const box = text.getBoundingClientRect();
          text.dispatchEvent(new DragEvent("drop", {dataTransfer: transfer, clientX: box.left + 10,
            clientY: box.top + 10, bubbles: true, cancelable: true}));
        }""",
        [base64.b64encode(content).decode(), name, mime, EDITOR],
    )


def pick(page, button_name, *labels):
    """Open the picker from `button_name` and choose the images with these alt texts (several: for a gallery)."""
    with page.expect_popup() as popup:
        page.get_by_role("button", name=button_name).click()
    picker = popup.value
    picker.wait_for_load_state()
    with picker.expect_event("close"):
        for label in labels:
            picker.get_by_role("button", name=label).click()
        if len(labels) > 1:
            picker.get_by_role("button", name="Add the selected images").click()


def start_post(page, title):
    page.goto("/admin/blog/post/add/")
    page.get_by_label("Title:").fill(title)
    expect(page.get_by_label("Format:")).to_have_value("html")
    page.locator(EDITOR).click()


def test_an_author_writes_with_pictures_and_a_video_and_publishes_a_valid_page(page, rules, tmp_path, recorded):
    video = "https://www.youtube.com/watch?v=dQw4w9WgXcQ"
    recorded.record(
        "https://www.youtube.com/oembed?format=json&url=" + quote(video, safe=""),
        json.dumps({"title": "Earthing up leeks", "author_name": "Allotment TV", "thumbnail_url": ""}).encode(),
    )
    author = blogger("alma", "Author")
    ImageFactory(alt_text="Rows of leeks", uploaded_by=author)
    ImageFactory(alt_text="A barrow of compost", uploaded_by=author)
    ImageFactory(alt_text="Bean poles in a row", uploaded_by=author)
    log_in_to_admin(page, author)
    start_post(page, "Leeks in December")

    # Markdown-style shortcuts make a heading, bold and a list.
    page.keyboard.type("## The bed\nThe leeks are **earthed up** again.\n- spade\n- twine\n")
    expect(page.locator(f"{EDITOR} h2")).to_have_text("The bed")
    expect(page.locator(f"{EDITOR} li")).to_have_count(3)  # the last, empty, is where typing goes on
    expect(page.locator(".writing-desk-stats")).to_contain_text("words")
    page.keyboard.press("Backspace")  # out of the list
    page.keyboard.press("Enter")
    page.keyboard.type(video)
    page.keyboard.press("Enter")

    # A photo dropped into the text goes into the library and asks to be described.
    drop_file(page, png((30, 110, 60)), "leeks.png", "image/png")
    dialog = page.get_by_role("dialog", name="Describe the image")
    expect(dialog).to_be_visible()
    dialog.get_by_label("Alt text").fill("Leeks standing in frost")
    dialog.get_by_label("Caption (optional)").fill("After the first frost")
    dialog.get_by_role("button", name="Save").click()
    expect(page.locator(f"{EDITOR} figure img")).to_have_attribute("alt", "Leeks standing in frost")
    dropped = Image.objects.get(alt_text="Leeks standing in frost")
    assert (dropped.uploaded_by, dropped.caption) == (author, "After the first frost")

    # The featured image and a three-image gallery come from the picker, by their pictures.
    pick(page, "Choose the featured image…", "Rows of leeks")
    expect(page.locator(".field-featured_image .image-choice-label")).to_have_text("Rows of leeks")
    pick(page, "Add images to the gallery…", "Bean poles in a row", "A barrow of compost", "Rows of leeks")
    expect(page.locator("#gallery_items-group .field-preview img")).to_have_count(3)
    first = page.locator("#gallery_items-group tr.form-row").nth(1)
    first.get_by_role("button", name="Move up").click()  # the compost first

    # Tags as tokens: a suggestion taken with the keyboard, and a new one made with a comma.
    TagFactory(name="winter crops")
    page.get_by_label("Tags:").type("wint")
    page.get_by_role("option", name="winter crops").wait_for()
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    page.keyboard.type("frost hardy,")
    expect(page.get_by_role("button", name="Remove the tag frost hardy")).to_be_visible()

    expect(page.locator(".writing-desk-notice")).to_be_hidden()
    page.get_by_role("button", name="Publish", exact=True).click()
    expect(page.locator(".messagelist")).to_contain_text("was added successfully")

    post = Post.objects.get(title="Leeks in December")
    assert post.format == "html" and post.status == Post.Status.PUBLISHED
    assert post.featured_image.alt_text == "Rows of leeks"
    assert sorted(tag.name for tag in post.tags.all()) == ["frost hardy", "winter crops"]
    gallery = [item.image.alt_text for item in post.gallery_items.select_related("image")]
    assert gallery == ["A barrow of compost", "Bean poles in a row", "Rows of leeks"]

    page.goto(post.get_absolute_url())
    content = page.locator(".entry-content")
    expect(content.locator("h2")).to_have_text("The bed")
    figure = content.locator("figure", has_text="After the first frost")
    expect(figure.locator("picture source[type='image/webp']")).to_have_attribute("srcset", re.compile(r"\.webp \d+w"))
    expect(figure.locator("img")).to_have_attribute("alt", "Leeks standing in frost")
    assert figure.locator("img").get_attribute("srcset")
    expect(page.locator(".gallery img")).to_have_count(3)
    play = content.get_by_role("link", name="Play (loads YouTube)")
    expect(play).to_have_attribute("href", video)  # without JavaScript, the video on YouTube
    if shutil.which("java"):
        saved = tmp_path / "post.html"
        saved.write_text(page.content())
        assert vnu_errors([saved]) == []
    play.click()  # only now is the provider asked, from its no-cookie domain
    expect(content.locator("iframe")).to_have_attribute(
        "src", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1"
    )


def test_a_contributor_submits_for_review_and_an_editor_edits_the_text(page, rules):
    contributor = blogger("cora", "Contributor")
    log_in_to_admin(page, contributor)
    start_post(page, "Saving tomato seed")
    page.keyboard.type("Ferment the pulp for three days.")
    expect(page.get_by_role("button", name="Publish", exact=True)).to_have_count(0)
    page.get_by_role("button", name="Submit for review").click()
    expect(page.locator(".messagelist")).to_contain_text("was added successfully")
    post = Post.objects.get(title="Saving tomato seed")
    assert post.status == Post.Status.PENDING and "Ferment the pulp" in post.body

    page.context.clear_cookies()
    log_in_to_admin(page, blogger("edna", "Editor"))
    page.goto(f"/admin/blog/post/{post.pk}/change/")
    page.locator(EDITOR).click()
    page.keyboard.press("End")
    page.keyboard.type(" Then dry it on a plate.")
    page.get_by_role("button", name="Save draft").click()
    expect(page.locator(".messagelist")).to_contain_text("was changed successfully")
    post.refresh_from_db()
    assert "Then dry it on a plate." in post.body_html


def test_switching_to_markdown_converts_and_previews_and_back_keeps_the_picture(page, rules):
    author = blogger("alma", "Author")
    image = ImageFactory(alt_text="A wheelbarrow", uploaded_by=author)
    log_in_to_admin(page, author)
    start_post(page, "Barrows")
    page.keyboard.type("## Wheels\nOne wheel or two?\n")
    page.get_by_role("button", name="Add an image").click()  # the editor's own figure dialog, with its picker
    with page.expect_popup() as popup:
        page.get_by_role("button", name="Browse...").click()
    popup.value.get_by_role("button", name="A wheelbarrow").click()
    page.get_by_role("button", name="Insert", exact=True).click()
    expect(page.locator(f"{EDITOR} img")).to_have_attribute("data-file", str(image.pk))

    page.get_by_label("Format:").select_option("markdown")
    body = page.locator("textarea[name=body]")
    expect(body).to_have_value(f"## Wheels\n\nOne wheel or two?\n\n[image id={image.pk} size=large]\n")
    preview = page.locator(".writing-desk-preview-body")
    expect(preview.locator("h2")).to_have_text("Wheels")
    expect(preview.locator("img")).to_have_attribute("alt", "A wheelbarrow")
    body.press("End")
    body.type("\nThe end.")
    expect(preview).to_contain_text("The end.")

    page.get_by_label("Format:").select_option("html")
    expect(page.locator(f"{EDITOR} img")).to_have_attribute("data-file", str(image.pk))
    expect(page.locator(EDITOR)).to_contain_text("The end.")


def test_a_refused_upload_says_why_and_keeps_the_text(page, rules):
    log_in_to_admin(page, blogger("alma", "Author"))
    start_post(page, "Notes")
    page.keyboard.type("Words that must not be lost.")
    drop_file(page, b"Just some words, not a picture.", "notes.jpg", "image/jpeg")
    expect(page.locator(".writing-desk-notice")).to_contain_text("not an image Candid can use")
    expect(page.locator(EDITOR)).to_contain_text("Words that must not be lost.")
    assert not Image.objects.exists()


def test_the_editor_with_a_picture_has_no_serious_accessibility_problems(open_page, rules):
    if not AXE.exists():
        pytest.skip("axe-core is not installed: run `npm install` (make test does it when npm is there)")
    page = open_page(bypass_csp=True)
    log_in_to_admin(page, blogger("alma", "Author"))
    start_post(page, "Accessible")
    page.keyboard.type("## A heading\nSome text.")
    drop_file(page, png((200, 80, 40)), "pot.png", "image/png")
    dialog = page.get_by_role("dialog", name="Describe the image")
    dialog.get_by_label("Alt text").fill("A clay pot")
    assert serious_violations(page) == []  # the dialog too
    dialog.get_by_role("button", name="Save").click()
    expect(page.locator(f"{EDITOR} figure")).to_have_count(1)
    assert serious_violations(page) == []


def test_words_typed_before_the_tab_closed_are_offered_back_and_two_tabs_keep_their_own(page, rules):
    author = blogger("alma", "Author")
    post = PostFactory(author=author, status=Post.Status.DRAFT, published_at=None, format="html",
                       title="Compost", body="<p>Turn it monthly.</p>")  # fmt: skip
    log_in_to_admin(page, author)
    browser = page.context
    tabs = [browser.new_page(), browser.new_page()]
    for tab, words in zip(tabs, (" Keep it damp.", " Add cardboard."), strict=True):
        tab.goto(f"/admin/blog/post/{post.pk}/change/")
        tab.locator(EDITOR).click()
        tab.keyboard.press("End")
        tab.keyboard.type(words)
    for tab in tabs:
        tab.close()  # mid-typing: nothing was saved, and each tab sends what it had as it goes

    autosaves = wait_for(lambda: list(Autosave.objects.filter(entry_id=post.pk)), count=2)
    bodies = sorted(autosave.body for autosave in autosaves)  # each tab its own: neither overwrote the other
    assert bodies == ["<p>Turn it monthly. Add cardboard.</p>", "<p>Turn it monthly. Keep it damp.</p>"]

    page.goto(f"/admin/blog/post/{post.pk}/change/")
    prompt = page.get_by_role("alert").filter(has_text="There is an autosave of this text")
    expect(prompt).to_be_visible()
    expect(page.locator(EDITOR)).to_have_text("Turn it monthly.")
    prompt.get_by_role("button", name="Restore the autosave").click()
    newest = Autosave.objects.filter(entry_id=post.pk).first().body
    expect(page.locator(EDITOR)).to_have_text(newest.removeprefix("<p>").removesuffix("</p>"))
    page.get_by_role("button", name="Save draft").click()
    expect(page.locator(".messagelist")).to_contain_text("was changed successfully")
    post.refresh_from_db()
    assert post.body == newest
    assert not Autosave.objects.filter(entry_id=post.pk).exists()


def test_html_pasted_from_a_word_processor_is_reduced_to_the_allowed_markup(page, rules):
    log_in_to_admin(page, blogger("alma", "Author"))
    start_post(page, "Pasted")
    word = (
        '<p class="MsoNormal" style="font-family:Calibri"><span style="color:red">Sow <b>broad beans</b></span>'
        '<o:p></o:p></p><script>alert(1)</script><img src="x" onerror="alert(2)"><h1 style="x">Big</h1>'
        '<table style="width:100%"><tr><td><font face="Arial">cell</font></td></tr></table>'
    )
    page.evaluate(
        """([html, selector]) => {
          const transfer = new DataTransfer();
          transfer.setData("text/html", html);
          transfer.setData("text/plain", "Sow broad beans");
          document.querySelector(selector).dispatchEvent(
            new ClipboardEvent("paste", {clipboardData: transfer, bubbles: true, cancelable: true}));
        }""",
        [word, EDITOR],
    )
    expect(page.locator(EDITOR)).to_contain_text("Sow broad beans")
    body = page.locator("textarea[name=body]").input_value()
    assert "<strong>broad beans</strong>" in body and "cell" in body
    for left_out in ("style=", 'class="Mso', "<script", "onerror", "<font", "<o:p", "<h1", "<span"):
        assert left_out not in body, left_out
    page.get_by_role("button", name="Save draft").click()
    expect(page.locator(".messagelist")).to_contain_text("was added successfully")
    assert "alert" not in Post.objects.get(title="Pasted").body_html

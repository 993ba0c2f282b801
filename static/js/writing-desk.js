// The writing desk (blog/admin/writing.py): the body's <textarea> stays what is saved; this script shows an
// HTML text in the visual editor (django-prose-editor's ProseMirror editor, loaded from its package) and a
// Markdown text beside its live preview, converts the text when the format is switched, uploads the images
// dropped or pasted into it, and counts its words. Without it, the textarea alone still saves.

const WORDS_PER_MINUTE = 220; // as blog/rendering/markup.py counts reading time
const HEADING_LEVELS = [2, 3, 4]; // the post's title is the page's <h1>
// The toolbar's groups, as django-prose-editor's configurable preset has them.
const MENU_GROUPS = [
  { group: "blockType -lists", type: "dropdown", minItems: 2 },
  { group: "lists" },
  { group: "nodes -blockType -lists" },
  { group: "marks" },
  { group: "link" },
  { group: "table" },
  { group: "history" },
  { group: "utility" },
];

const desk = document.querySelector("[data-writing-desk]");
if (desk) start(desk);

async function start(desk) {
  const E = await import(desk.dataset.editorModule);
  const textarea = desk.querySelector("textarea");
  const form = textarea.form;
  const formatField = form.querySelector("select[name=format]");
  const csrfToken = form.querySelector("[name=csrfmiddlewaretoken]").value;
  const notice = desk.querySelector(".writing-desk-notice");
  const status = desk.querySelector(".writing-desk-status");
  const stats = desk.querySelector(".writing-desk-stats");
  const preview = desk.querySelector(".writing-desk-preview");
  const previewBody = preview.querySelector(".writing-desk-preview-body");
  const focusButton = desk.querySelector("[data-desk-focus]");
  const label = document.querySelector(`label[for="${textarea.id}"]`);
  let keptAsSource = desk.dataset.keptAsSource; // what the visual editor would drop from this HTML text
  let format = formatField ? formatField.value : "html";
  let editor = null;

  desk.querySelector(".writing-desk-tools").hidden = false;
  stats.hidden = false;
  desk.classList.add("is-enhanced");

  // --- Talking to the server --------------------------------------------

  async function send(url, fields) {
    const body = fields instanceof FormData ? fields : new FormData();
    if (!(fields instanceof FormData)) Object.entries(fields).forEach(([name, value]) => body.append(name, value));
    try {
      const response = await fetch(url, {
        method: "POST", body, credentials: "same-origin", headers: { "X-CSRFToken": csrfToken },
      });
      const data = await response.json().catch(() => ({}));
      if (!response.ok && !data.error) data.error = `The server answered ${response.status}; try again in a moment.`;
      return { ok: response.ok, data };
    } catch (error) {
      return { ok: false, data: { error: "The server could not be reached; check the connection and try again." } };
    }
  }

  function say(message) {
    status.textContent = message;
  }

  function warn(message, action) {
    notice.replaceChildren(document.createTextNode(message));
    if (action) {
      const button = document.createElement("button");
      button.type = "button";
      button.className = "button";
      button.textContent = action.label;
      button.addEventListener("click", () => { notice.hidden = true; action.run(); });
      notice.append(" ", button);
    }
    notice.hidden = false;
  }

  // --- The visual editor --------------------------------------------------

  function filesIn(transfer) {
    return transfer ? Array.from(transfer.files || []) : [];
  }

  const DropUpload = E.Extension.create({
    name: "candidDropUpload",
    addProseMirrorPlugins() {
      return [new E.Plugin({
        props: {
          handleDrop(view, event, slice, moved) {
            const files = filesIn(event.dataTransfer);
            if (moved || !files.length) return false;
            event.preventDefault();
            // A figure is a block: it goes after the paragraph it was dropped on, never splitting it.
            const at = view.posAtCoords({ left: event.clientX, top: event.clientY });
            const $at = at ? view.state.doc.resolve(at.pos) : null;
            uploadAll(files, $at ? ($at.depth ? $at.after(1) : $at.pos) : null);
            return true;
          },
          handlePaste(view, event) {
            // Text from Word or a web page comes with a picture of itself: take the text, which the
            // editor's schema and then the server's sanitiser reduce to the allowed markup.
            const files = filesIn(event.clipboardData);
            if (!files.length || event.clipboardData.types.includes("text/html")) return false;
            event.preventDefault();
            uploadAll(files, null);
            return true;
          },
        },
      })];
    },
  });

  function extensions() {
    return [
      E.Document, E.Paragraph, E.Text, E.HardBreak, E.Bold, E.Italic, E.Strike, E.Code, E.CodeBlock,
      E.Heading.configure({ levels: HEADING_LEVELS }), E.BulletList, E.OrderedList, E.ListItem, E.Blockquote,
      E.HorizontalRule, E.Link.configure({ openOnClick: false }), E.Table, E.TableRow, E.TableHeader,
      E.TableCell, E.Figure.configure({ pickerUrl: desk.dataset.pickerUrl }), E.Caption, E.Image, E.History,
      E.Dropcursor, E.Gapcursor, E.HTML, E.Menu.configure({ groups: MENU_GROUPS }),
      E.Placeholder.configure({ placeholder: "Start writing, or drop an image here…" }), DropUpload,
    ];
  }

  // As django-prose-editor's createTextareaEditor() makes it, but without the <style> element Tiptap would add
  // (the admin's Content-Security-Policy allows no inline style: writing-desk.css has those rules) and with the
  // text's label for screen readers.
  function openVisual() {
    const wrapper = document.createElement("div");
    wrapper.className = "prose-editor";
    textarea.before(wrapper);
    wrapper.append(textarea);
    editor = new E.Editor({
      element: wrapper,
      extensions: extensions(),
      content: textarea.value,
      injectCSS: false,
      editorProps: {
        attributes: { "aria-label": label ? label.textContent.replace(/:$/, "") : "Text", "aria-multiline": "true" },
      },
      onUpdate({ editor: changed }) {
        const html = changed.getHTML();
        textarea.value = /^<(\w+)(\s[^>]*)?><\/\1>$/i.test(html) ? "" : html;
        textarea.dispatchEvent(new Event("input", { bubbles: true }));
      },
      onDestroy() {
        wrapper.before(textarea);
        wrapper.remove();
      },
    });
  }

  function closeVisual() {
    if (!editor) return;
    editor.destroy(); // puts the textarea back, holding the editor's HTML
    editor = null;
  }

  function focusText() {
    if (editor) editor.commands.focus();
    else textarea.focus();
  }

  // --- Markdown and its live preview --------------------------------------

  let previewTimer = null;
  let previewed = null;

  function showPreview() {
    preview.hidden = format !== "markdown";
    desk.classList.toggle("has-preview", format === "markdown");
    if (format === "markdown") refreshPreview();
  }

  function schedulePreview() {
    if (format !== "markdown") return;
    clearTimeout(previewTimer);
    previewTimer = setTimeout(refreshPreview, 700);
  }

  async function refreshPreview() {
    if (textarea.value === previewed) return;
    const text = textarea.value;
    const answer = await send(desk.dataset.previewUrl, { body: text, format: "markdown" });
    if (answer.ok) {
      previewed = text;
      previewBody.innerHTML = answer.data.html; // sanitised by the server, as readers get it
    } else if (answer.data.error) {
      say(answer.data.error);
      if (/wait/i.test(answer.data.error)) schedulePreview();
    }
  }

  // --- Switching formats ----------------------------------------------------

  function openFor(newFormat) {
    format = newFormat;
    if (format === "html" && !keptAsSource) openVisual();
    else if (format === "html") {
      warn(`This text has markup the visual editor cannot keep (${keptAsSource}), so it opens as HTML source and ` +
        "nothing is lost.", { label: "Open it in the visual editor anyway", run: () => { keptAsSource = ""; openVisual(); countWords(); } });
    }
    showPreview();
    countWords();
  }

  async function switchFormat() {
    const from = format;
    const to = formatField.value;
    const before = editor ? editor.getHTML() : textarea.value;
    if (!before.trim() || before === "<p></p>") { // nothing to convert
      closeVisual();
      keptAsSource = "";
      openFor(to);
      return;
    }
    formatField.disabled = true;
    say("Converting the text…");
    const answer = await send(desk.dataset.convertUrl, { body: before, from, to });
    formatField.disabled = false;
    if (!answer.ok) {
      formatField.value = from;
      warn(`The text was not converted, and stays as it was: ${answer.data.error}`);
      return;
    }
    closeVisual();
    textarea.value = answer.data.body;
    keptAsSource = (answer.data.kept_as_source || []).join(", ");
    notice.hidden = true;
    openFor(to);
    const undo = { label: "Undo the switch", run: () => { closeVisual(); textarea.value = before; formatField.value = from; keptAsSource = ""; openFor(from); say("The switch was undone."); } };
    if (answer.data.lost.length) {
      warn(`Converted, but not exactly: ${answer.data.lost.join(", ")} cannot be written the same way in this ` +
        "format. Check the text before saving.", undo);
    }
    say("The text was converted. Nothing is saved until you save.");
  }

  if (formatField) formatField.addEventListener("change", switchFormat);

  // --- Images ---------------------------------------------------------------

  async function uploadAll(files, position) {
    for (const file of files) {
      say(`Uploading ${file.name}…`);
      const data = new FormData();
      data.append("file", file);
      const answer = await send(desk.dataset.uploadUrl, data);
      if (!answer.ok) {
        warn(`${file.name} was not added: ${answer.data.error} Your text is unchanged.`);
        say("");
        continue;
      }
      say(`${file.name} is in the media library.`);
      const described = await describe(answer.data);
      place(described, position);
    }
  }

  function place(image, position) {
    if (editor) {
      const caption = image.caption ? [{ type: "text", text: image.caption }] : [];
      const figure = {
        type: "figure",
        content: [
          { type: "image", attrs: { src: image.url, alt: image.alt, file: String(image.id) } },
          { type: "caption", content: caption },
        ],
      };
      const chain = editor.chain().focus();
      (position === null ? chain.insertContent(figure) : chain.insertContentAt(position, figure)).run();
    } else {
      const at = textarea.selectionEnd;
      const code = `\n\n[image id=${image.id} size=large${image.caption ? ` caption="${image.caption.replace(/"/g, "”")}"` : ""}]\n\n`;
      textarea.setRangeText(code, at, at, "end");
      textarea.dispatchEvent(new Event("input", { bubbles: true }));
    }
  }

  // Ask for the alt text and caption of a new image; the library keeps them for every post showing it.
  function describe(image) {
    const dialog = document.createElement("dialog");
    dialog.className = "writing-desk-dialog";
    dialog.setAttribute("aria-labelledby", "desk-describe-title");
    dialog.innerHTML = `<form method="dialog">
      <h2 id="desk-describe-title">Describe the image</h2>
      <img alt="" width="150" height="150">
      <div class="form-row"><label for="desk-alt">Alt text</label>
        <input id="desk-alt" name="alt" maxlength="250" required aria-describedby="desk-alt-help">
        <div class="help" id="desk-alt-help">What the image shows, read aloud to readers who cannot see it.</div></div>
      <div class="form-row"><label for="desk-caption">Caption (optional)</label>
        <input id="desk-caption" name="caption"></div>
      <p class="writing-desk-dialog-error" role="alert"></p>
      <div class="submit-row"><button type="submit" class="button default" value="save">Save</button>
        <button type="button" class="button" value="later">Later</button></div></form>`;
    dialog.querySelector("img").src = image.thumbnail;
    const alt = dialog.querySelector("[name=alt]");
    const caption = dialog.querySelector("[name=caption]");
    alt.value = image.alt;
    caption.value = image.caption;
    document.body.append(dialog);
    return new Promise((resolve) => {
      const done = (result) => { dialog.close(); dialog.remove(); resolve(result); };
      dialog.querySelector("[value=later]").addEventListener("click", () => done(image));
      dialog.addEventListener("cancel", () => done(image));
      dialog.querySelector("form").addEventListener("submit", async (event) => {
        event.preventDefault();
        const url = desk.dataset.describeUrl.replace("/0/", `/${image.id}/`);
        const answer = await send(url, { alt_text: alt.value, caption: caption.value });
        if (answer.ok) done(answer.data);
        else dialog.querySelector(".writing-desk-dialog-error").textContent = answer.data.error;
      });
      dialog.showModal();
      alt.focus();
    });
  }

  // Dropping an image into the Markdown (or HTML source) text puts its shortcode where it was dropped.
  textarea.addEventListener("dragover", (event) => {
    if (!editor && event.dataTransfer.types.includes("Files")) event.preventDefault();
  });
  textarea.addEventListener("drop", (event) => {
    const files = filesIn(event.dataTransfer);
    if (editor || !files.length) return;
    event.preventDefault();
    uploadAll(files, null);
  });

  // "Add an image": the editor's figure dialog (with its "Browse..." picker), or the picker for a shortcode.
  desk.querySelector("[data-desk-insert-image]").addEventListener("click", () => {
    if (editor) {
      editor.chain().focus().editImage().run();
      return;
    }
    const picker = new URL(desk.dataset.pickerUrl, window.location.href);
    picker.searchParams.set("target", "body");
    window.open(picker, "candid-picker", "width=900,height=700");
  });
  window.addEventListener("message", (event) => {
    const message = event.data;
    if (event.origin !== window.location.origin || !message || message.type !== "candid:images") return;
    if (message.target === "body") message.images.forEach((image) => place(image, null));
  });

  // --- Counting words, and writing without distraction ----------------------

  let countTimer = null;

  function countWords() {
    clearTimeout(countTimer);
    countTimer = setTimeout(() => {
      const text = editor ? editor.getText() : textarea.value.replace(/<[^>]*>|\[[^\]]*\]|[#>*_`~|-]/g, " ");
      const words = (text.match(/\S+/g) || []).length;
      const minutes = Math.max(1, Math.ceil(words / WORDS_PER_MINUTE));
      stats.textContent = `${words === 1 ? "1 word" : `${words} words`} · ${minutes === 1 ? "1 minute" : `${minutes} minutes`} to read`;
    }, 250);
  }

  textarea.addEventListener("input", () => { countWords(); schedulePreview(); });
  if (label) label.addEventListener("click", focusText);

  function toggleFocus() {
    const on = !desk.classList.contains("is-distraction-free");
    desk.classList.toggle("is-distraction-free", on);
    document.documentElement.classList.toggle("writing-desk-open", on);
    focusButton.setAttribute("aria-pressed", String(on));
    focusButton.textContent = on ? "Leave distraction-free" : "Distraction-free";
    focusText();
  }

  focusButton.addEventListener("click", toggleFocus);
  desk.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && desk.classList.contains("is-distraction-free")) toggleFocus();
  });

  // --- Leaving with unsaved changes ------------------------------------------

  let saved = textarea.value;
  let submitting = false;
  form.addEventListener("submit", () => { submitting = true; });
  window.addEventListener("beforeunload", (event) => {
    if (!submitting && textarea.value !== saved) event.preventDefault();
  });

  // --- Autosave: every few seconds while typing, and when the tab is hidden or closed ------

  const AUTOSAVE_SECONDS = 10;
  const tab = Array.from(crypto.getRandomValues(new Uint8Array(12)), (byte) => byte.toString(16).padStart(2, "0")).join("");
  const tabField = Object.assign(document.createElement("input"), { type: "hidden", name: "autosave_tab", value: tab });
  form.append(tabField); // saving the entry discards this tab's autosave

  function values() {
    return {
      entry: desk.dataset.entry, tab, body: textarea.value, format: formatField ? formatField.value : "html",
      title: form.elements.title ? form.elements.title.value : "",
      excerpt: form.elements.excerpt ? form.elements.excerpt.value : "",
    };
  }

  let lastAutosaved = JSON.stringify(values());
  let autosaving = false;

  async function autosave() {
    const current = values();
    const key = JSON.stringify(current);
    if (autosaving || submitting || key === lastAutosaved) return;
    autosaving = true;
    const answer = await send(desk.dataset.autosaveUrl, current);
    autosaving = false;
    if (answer.ok) lastAutosaved = key;
    say(answer.ok ? answer.data.message : `Not autosaved: ${answer.data.error}`);
  }

  function autosaveAsLeaving() {
    const current = values();
    const key = JSON.stringify(current);
    if (submitting || key === lastAutosaved) return;
    const data = new FormData();
    Object.entries(current).forEach(([name, value]) => data.append(name, value));
    data.append("csrfmiddlewaretoken", csrfToken); // a beacon sends no header
    if (navigator.sendBeacon(desk.dataset.autosaveUrl, data)) lastAutosaved = key;
  }

  setInterval(autosave, AUTOSAVE_SECONDS * 1000);
  document.addEventListener("visibilitychange", () => { if (document.visibilityState === "hidden") autosaveAsLeaving(); });
  window.addEventListener("pagehide", autosaveAsLeaving);

  // --- An autosave newer than the entry, offered on opening ---------------------------------

  const restore = desk.querySelector(".writing-desk-restore");
  if (restore) {
    const autosaved = JSON.parse(document.getElementById("writing-desk-autosave").textContent);
    restore.hidden = false;
    restore.querySelector("[data-dismiss-autosave]").addEventListener("click", () => { restore.remove(); focusText(); });
    restore.querySelector("[data-restore-autosave]").addEventListener("click", async () => {
      closeVisual();
      if (form.elements.title) form.elements.title.value = autosaved.title;
      if (form.elements.excerpt) form.elements.excerpt.value = autosaved.excerpt;
      if (formatField) formatField.value = autosaved.format;
      textarea.value = autosaved.body;
      keptAsSource = "";
      if (autosaved.format === "html") { // what the visual editor could not keep of it stays source
        const answer = await send(desk.dataset.convertUrl, { body: autosaved.body, from: "html", to: "html" });
        if (answer.ok) keptAsSource = answer.data.kept_as_source.join(", ");
      }
      restore.remove();
      openFor(autosaved.format);
      say("The autosave was restored. Save to keep it.");
      focusText();
    });
  }

  openFor(format);
  saved = textarea.value; // as the editor writes it back, not as the server sent it
}

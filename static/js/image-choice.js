// Choosing images from the library (blog/media/widgets.py): the featured image, and the post's gallery,
// whose rows are filled from the picker and put in order by dragging them or with their Move buttons.
// Without this script, each is a box for the image's number, with its thumbnail beside it.
(function () {
  "use strict";
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }

  function start() {

    function openPicker(url, target, mode) {
      const picker = new URL(url, window.location.href);
      picker.searchParams.set("target", target);
      picker.searchParams.set("mode", mode);
      window.open(picker, "candid-picker", "width=900,height=700");
    }

    function thumbnail(image) {
      const img = document.createElement("img");
      img.src = image.thumbnail;
      img.alt = "";
      img.width = img.height = 75;
      return img;
    }

    // --- One image: the featured image, or a gallery row's -----------------------

    function show(widget, image) {
      const input = widget.querySelector("input");
      input.value = image ? image.id : "";
      input.dispatchEvent(new Event("change", { bubbles: true }));
      const preview = widget.querySelector(".image-choice-preview") ||
        (widget.closest("tr") && widget.closest("tr").querySelector(".field-preview"));
      if (!preview) return;
      const label = document.createElement("span");
      label.className = "image-choice-label";
      label.textContent = image ? image.alt || image.title : "No image chosen.";
      preview.replaceChildren(...(image ? [thumbnail(image), " "] : []), label);
    }

    function enhance(widget) {
      if (widget.dataset.enhanced || widget.closest(".empty-form")) return;
      widget.dataset.enhanced = "1";
      widget.dataset.target = widget.querySelector("input").id; // a row added from the formset's template is renumbered
      widget.querySelector("input").type = "hidden";
      widget.querySelector(".image-choice-buttons").hidden = false;
      widget.querySelector("[data-image-choose]").addEventListener("click", () => {
        openPicker(widget.dataset.pickerUrl, widget.dataset.target, "single");
      });
      widget.querySelector("[data-image-clear]").addEventListener("click", () => show(widget, null));
    }

    document.querySelectorAll(".image-choice").forEach(enhance);
    document.addEventListener("formset:added", (event) => {
      event.target.querySelectorAll(".image-choice").forEach(enhance);
      renumber();
    });

    // --- The gallery: rows in order ------------------------------------------------

    const group = document.getElementById("gallery_items-group");
    const rows = () => Array.from(group.querySelectorAll("tbody tr.form-row:not(.empty-form)"));
    const status = document.createElement("p");

    function renumber() {
      if (!group) return;
      rows().forEach((row, index) => {
        const position = row.querySelector(".field-position input");
        if (position) position.value = index + 1;
      });
    }

    function move(row, offset) {
      const all = rows();
      const to = all.indexOf(row) + offset;
      if (to < 0 || to >= all.length) return;
      if (offset < 0) all[to].before(row);
      else all[to].after(row);
      renumber();
      status.textContent = `Moved to place ${to + 1} of ${all.length}.`;
      row.querySelector(offset < 0 ? "[data-move-up]" : "[data-move-down]").focus();
    }

    function orderable(row) {
      if (row.dataset.orderable) return;
      row.dataset.orderable = "1";
      row.draggable = true;
      const cell = row.querySelector(".field-position");
      if (!cell) return;
      cell.querySelector("input").type = "hidden";
      [["data-move-up", "Move up", -1], ["data-move-down", "Move down", 1]].forEach(([attribute, text, offset]) => {
        const button = document.createElement("button");
        button.type = "button";
        button.className = "button gallery-move";
        button.setAttribute(attribute, "");
        button.textContent = text;
        button.addEventListener("click", () => move(row, offset));
        cell.append(button);
      });
    }

    function fillGallery(images) {
      const present = new Set(rows().map((row) => row.querySelector(".field-image input").value));
      images.filter((image) => !present.has(String(image.id))).forEach((image) => {
        let row = rows().find((candidate) => !candidate.querySelector(".field-image input").value);
        if (!row) {
          group.querySelector(".add-row a").click();
          row = rows().at(-1);
        }
        show(row.querySelector(".image-choice"), image);
      });
      renumber();
      status.textContent = `${images.length === 1 ? "1 image" : `${images.length} images`} added to the gallery.`;
    }

    if (group) {
      const add = document.createElement("button");
      add.type = "button";
      add.className = "button";
      add.textContent = "Add images to the gallery…";
      status.setAttribute("role", "status");
      status.className = "gallery-status";
      const picker = group.querySelector(".image-choice");
      add.addEventListener("click", () => openPicker(picker.dataset.pickerUrl, "gallery", "multiple"));
      const heading = group.querySelector("h2");
      const tools = document.createElement("div");
      tools.className = "gallery-tools";
      tools.append(add, status);
      heading.after(tools);
      rows().forEach(orderable);
      document.addEventListener("formset:added", (event) => {
        if (event.target.closest && event.target.closest("#gallery_items-group")) orderable(event.target);
      });
      let dragged = null;
      group.addEventListener("dragstart", (event) => { dragged = event.target.closest("tr"); });
      group.addEventListener("dragover", (event) => { if (dragged) event.preventDefault(); });
      group.addEventListener("drop", (event) => {
        const target = event.target.closest("tr.form-row");
        if (!dragged || !target || target === dragged || target.classList.contains("empty-form")) return;
        event.preventDefault();
        const after = rows().indexOf(target) > rows().indexOf(dragged);
        if (after) target.after(dragged);
        else target.before(dragged);
        dragged = null;
        renumber();
      });
    }

    window.addEventListener("message", (event) => {
      const message = event.data;
      if (event.origin !== window.location.origin || !message || message.type !== "candid:images") return;
      if (message.target === "gallery" && group) {
        fillGallery(message.images);
        return;
      }
      const input = document.getElementById(message.target);
      const widget = input && input.closest(".image-choice");
      if (widget && message.images.length) show(widget, message.images[0]);
    });
  }
})();

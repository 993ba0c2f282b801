// The image picker window: hands the chosen images back to the window that opened it.
// Opened by the visual editor's "Browse..." (CKEditor's callFunction protocol, which django-prose-editor's
// figure dialog speaks) or by the writing desk's featured image and gallery (a message to the opener).
(function () {
  "use strict";
  const picker = document.querySelector(".image-picker");
  if (!picker) return;
  document.body.classList.add("js");
  const mode = picker.dataset.mode;
  const items = Array.from(picker.querySelectorAll(".image-picker-item"));
  const count = picker.querySelector(".image-picker-count");
  let opener = null;
  try { // another site's window would refuse to tell its origin
    opener = window.opener && window.opener.location.origin === window.location.origin ? window.opener : null;
  } catch (error) {
    opener = null;
  }

  function send(images) {
    if (!opener || !images.length) return;
    const funcNum = picker.dataset.ckeditorfuncnum;
    if (funcNum && opener.CKEDITOR) {
      const image = images[0];
      opener.CKEDITOR.tools.callFunction(Number(funcNum), image.url, {
        id: image.id, alternative_text: image.alt, caption: image.caption,
      });
    } else {
      opener.postMessage({ type: "candid:images", target: picker.dataset.target || "", images: images },
        window.location.origin);
    }
    window.close();
  }

  function selected() {
    return items.filter((item) => item.getAttribute("aria-pressed") === "true")
      .map((item) => JSON.parse(item.dataset.image));
  }

  function updateCount() {
    const n = selected().length;
    count.textContent = n === 1 ? "1 image selected" : n + " images selected";
  }

  items.forEach((item) => {
    item.addEventListener("click", () => {
      if (mode === "multiple") {
        item.setAttribute("aria-pressed", item.getAttribute("aria-pressed") === "true" ? "false" : "true");
        updateCount();
      } else {
        send([JSON.parse(item.dataset.image)]);
      }
    });
  });
  picker.querySelector("[data-picker-done]").addEventListener("click", () => send(selected()));
  picker.querySelector("[data-picker-cancel]").addEventListener("click", () => window.close());
  if (mode === "multiple") updateCount();
  // An image just uploaded here is chosen at once when one image is wanted.
  const uploaded = items.find((item) => item.getAttribute("aria-pressed") === "true");
  if (uploaded && mode !== "multiple") uploaded.focus();
})();

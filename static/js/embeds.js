// A video's preview (blog/media/embeds.py) becomes its provider's player only when the reader presses it:
// until then the provider is not asked for anything. Without this script the preview is a link to the video.
(function () {
  "use strict";
  document.addEventListener("click", function (event) {
    const preview = event.target.closest && event.target.closest("a.embed-play[data-player]");
    if (!preview || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return;
    event.preventDefault();
    const player = document.createElement("iframe");
    player.src = preview.dataset.player;
    player.title = preview.closest("figure").querySelector("figcaption").textContent;
    player.allow = "autoplay; fullscreen; picture-in-picture; encrypted-media";
    player.allowFullscreen = true;
    player.referrerPolicy = "strict-origin-when-cross-origin";
    preview.replaceWith(player);
    player.focus();
  });
})();

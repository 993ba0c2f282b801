/* Progressive enhancement for threaded replies: "Reply" moves the comment form under the
   comment instead of reloading the page; without JavaScript the links still work
   (?replytocom=ID#respond). */
(function () {
  "use strict";
  var respond = document.getElementById("respond");
  if (!respond) return;
  // A refused comment comes back to #respond (which scrolls there without JavaScript); its reasons take the
  // focus once the page has settled at that fragment, so they are read out first.
  var errors = document.getElementById("comment-errors");
  if (errors) window.addEventListener("load", function () { errors.focus(); });
  var home = document.createComment("comment form home");
  respond.parentNode.insertBefore(home, respond);
  var form = document.getElementById("commentform");
  var parentField = form.querySelector("input[name=parent]");
  var title = document.getElementById("reply-title");
  var cancel = document.getElementById("cancel-comment-reply-link");
  // The page gives the title's words in its own language.
  var plainTitle = title.dataset.plain;

  function setTitle(text) { title.firstChild.nodeValue = text + " "; }

  document.addEventListener("click", function (event) {
    var link = event.target.closest(".comment-reply-link");
    if (!link) return;
    event.preventDefault();
    var body = document.getElementById("div-comment-" + link.dataset.comment);
    body.parentNode.insertBefore(respond, body.nextSibling);
    parentField.value = link.dataset.comment;
    setTitle(title.dataset.replyTo.replace("%(name)s", link.dataset.name));
    cancel.hidden = false;
    form.querySelector("textarea").focus();
  });

  cancel.addEventListener("click", function (event) {
    event.preventDefault();
    home.parentNode.insertBefore(respond, home.nextSibling);
    parentField.value = "";
    setTitle(plainTitle);
    cancel.hidden = true;
  });
})();

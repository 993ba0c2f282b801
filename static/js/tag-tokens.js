// Tags as tokens with suggestions, and a filter over the categories' tree (blog/admin/tagging.py).
// The tags' text box stays what is sent (names separated by commas); without this script it is all there is.
(function () {
  "use strict";
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();

  function start() {
    document.querySelectorAll(".tag-tokens").forEach(tokens);
    document.querySelectorAll(".category-tree").forEach(filterable);
  }

  function tokens(root) {
    const field = root.querySelector("input");
    const label = document.querySelector(`label[for="${field.id}"]`);
    const box = document.createElement("div");
    box.className = "tag-tokens-box";
    const list = document.createElement("ul");
    list.className = "tag-tokens-list";
    list.setAttribute("aria-label", "Tags of this post");
    const input = document.createElement("input");
    input.type = "text";
    input.id = `${field.id}_typing`;
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-describedby", `${field.id}_tokens_help`);
    const suggestions = document.createElement("ul");
    suggestions.className = "tag-suggestions";
    suggestions.id = `${field.id}_suggestions`;
    suggestions.setAttribute("role", "listbox");
    suggestions.hidden = true;
    input.setAttribute("aria-controls", suggestions.id);
    const status = document.createElement("p");
    status.className = "writing-desk-status";
    status.setAttribute("role", "status");
    box.append(list, input, suggestions);
    field.type = "hidden";
    field.before(box);
    root.append(status);
    if (label) label.htmlFor = input.id;

    const names = () => field.value.split(",").map((name) => name.trim()).filter(Boolean);
    const same = (a, b) => a.toLowerCase() === b.toLowerCase();

    function render() {
      list.replaceChildren(...names().map((name) => {
        const item = document.createElement("li");
        item.className = "tag-token";
        item.append(name);
        const remove = document.createElement("button");
        remove.type = "button";
        remove.textContent = "×";
        remove.setAttribute("aria-label", `Remove the tag ${name}`);
        remove.addEventListener("click", () => { removeTag(name); input.focus(); });
        item.append(remove);
        return item;
      }));
    }

    function addTag(name) {
      name = name.replace(/,/g, " ").replace(/\s+/g, " ").trim();
      if (!name) return;
      if (!names().some((existing) => same(existing, name))) {
        field.value = [...names(), name].join(", ");
        status.textContent = `Tag ${name} added.`;
        render();
      }
      input.value = "";
      close();
    }

    function removeTag(name) {
      field.value = names().filter((existing) => existing !== name).join(", ");
      status.textContent = `Tag ${name} removed.`;
      render();
    }

    // --- Suggestions -----------------------------------------------------------
    let active = -1;
    let timer = null;
    let asked = 0;

    function close() {
      suggestions.hidden = true;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      active = -1;
    }

    function highlight(index) {
      const options = Array.from(suggestions.children);
      active = options.length ? (index + options.length) % options.length : -1;
      options.forEach((option, i) => option.setAttribute("aria-selected", String(i === active)));
      if (active >= 0) input.setAttribute("aria-activedescendant", options[active].id);
    }

    async function suggest() {
      const query = input.value.trim();
      if (!query) return close();
      const ask = ++asked;
      const url = new URL(root.dataset.suggestionsUrl, window.location.href);
      url.searchParams.set("q", query);
      let found = [];
      try {
        found = (await (await fetch(url, { credentials: "same-origin" })).json()).tags;
      } catch (error) {
        return close();
      }
      if (ask !== asked) return; // a later keystroke asked again
      const taken = names();
      found = found.filter((tag) => !taken.some((name) => same(name, tag.name)));
      suggestions.replaceChildren(...found.map((tag, i) => {
        const option = document.createElement("li");
        option.id = `${suggestions.id}_${i}`;
        option.setAttribute("role", "option");
        option.dataset.name = tag.name;
        option.append(tag.name, " ");
        const count = document.createElement("span");
        count.className = "tag-suggestion-count";
        count.textContent = tag.posts === 1 ? "(1 post)" : `(${tag.posts} posts)`;
        option.append(count);
        option.addEventListener("mousedown", (event) => { event.preventDefault(); addTag(tag.name); });
        return option;
      }));
      suggestions.hidden = !found.length;
      input.setAttribute("aria-expanded", String(Boolean(found.length)));
      active = -1;
    }

    input.addEventListener("input", () => {
      if (input.value.includes(",")) {
        input.value.split(",").slice(0, -1).forEach(addTag);
        input.value = input.value.split(",").at(-1);
      }
      clearTimeout(timer);
      timer = setTimeout(suggest, 200);
    });
    input.addEventListener("keydown", (event) => {
      const open = !suggestions.hidden;
      if (event.key === "ArrowDown" && open) { event.preventDefault(); highlight(active + 1); }
      else if (event.key === "ArrowUp" && open) { event.preventDefault(); highlight(active - 1); }
      else if (event.key === "Escape" && open) { event.preventDefault(); close(); }
      else if (event.key === "Enter" || event.key === "Tab" && input.value.trim()) {
        if (!input.value.trim() && event.key === "Enter") { event.preventDefault(); return; } // never sends the form
        event.preventDefault();
        addTag(active >= 0 ? suggestions.children[active].dataset.name : input.value);
      } else if (event.key === "Backspace" && !input.value && names().length) {
        removeTag(names().at(-1));
      }
    });
    input.addEventListener("blur", () => { if (input.value.trim()) addTag(input.value); close(); });
    render();
  }

  function filterable(root) {
    const filter = root.querySelector(".category-tree-filter");
    const search = filter.querySelector("input");
    filter.hidden = false;
    search.addEventListener("input", () => {
      const wanted = search.value.trim().toLowerCase();
      root.querySelectorAll(".category-tree-list li").forEach((item) => {
        item.hidden = Boolean(wanted) && !item.textContent.toLowerCase().includes(wanted) &&
          !item.querySelector("input").checked;
      });
    });
  }
})();

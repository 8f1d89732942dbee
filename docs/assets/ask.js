/* The "Ask a question" page: sends the question to the question search (ask-engine.js:
   the site's API under `mappa-kb serve`, else the same engine in the browser) and shows
   each answer with its link and source.

   Answer text is only ever set with textContent, never as HTML. When no engine can answer
   (the site opened from disk, or a browser that cannot run it) the page says so and offers
   the site's built-in search for the same words. */
(function () {
  "use strict";

  var MAX_LENGTH = 300;

  function siteRoot() {
    // Material writes its settings, including the path to the site root, into #__config.
    var base = ".";
    var config = document.getElementById("__config");
    if (config) {
      try {
        base = JSON.parse(config.textContent).base || ".";
      } catch (error) {
        base = ".";
      }
    }
    return new URL(base.replace(/\/?$/, "/"), window.location.href);
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function sameSiteUrl(relative, root) {
    // Only links inside this site are shown; anything else is dropped, not rendered.
    try {
      var url = new URL(relative, root);
      if (url.origin === root.origin && (url.protocol === "http:" || url.protocol === "https:" || url.protocol === "file:")) {
        return url.href;
      }
    } catch (error) {
      return null;
    }
    return null;
  }

  function searchLink(question, root) {
    // `?q=` on a page opens Material's own search with those words.
    var link = element("a", "md-button", "Search this site for \u201c" + question + "\u201d");
    var home = root.protocol === "file:" ? "index.html" : "";  // no folder index on disk
    link.href = new URL(home + "?q=" + encodeURIComponent(question), root).href;
    return link;
  }

  function showUnavailable(status, results, question, root) {
    results.replaceChildren();
    status.replaceChildren(
      element("p", null,
        "The question search is not available here. The site\u2019s own search can still " +
        "look for the same words."),
      searchLink(question, root)
    );
  }

  function showAnswers(data, status, results, question, root) {
    results.replaceChildren();
    var answers = Array.isArray(data.answers) ? data.answers : [];
    var said = [];
    if (data.corrected) said.push("Showing answers for \u201c" + data.corrected + "\u201d.");
    said.push(answers.length === 0
      ? "No answer found. Try other words, or search the site."
      : answers.length + (answers.length === 1 ? " answer." : " answers, best first."));
    status.replaceChildren(element("p", null, said.join(" ")));
    if (answers.length === 0) {
      status.appendChild(searchLink(question, root));
      return;
    }
    var list = element("ol", "kb-ask__list");
    answers.forEach(function (answer) {
      var item = element("li", "kb-answer");
      var heading = element("h2", "kb-answer__title");
      var href = sameSiteUrl(String(answer.url || ""), root);
      if (href) {
        var link = element("a", null, String(answer.title || ""));
        link.href = href;
        heading.appendChild(link);
      } else {
        heading.textContent = String(answer.title || "");
      }
      item.appendChild(heading);
      item.appendChild(element("p", "kb-answer__text", String(answer.text || "")));
      item.appendChild(element("p", "kb-answer__source", "Source: " + String(answer.source || "")));
      list.appendChild(item);
    });
    results.appendChild(list);
  }

  function ask(question, status, results, root) {
    status.replaceChildren(element("p", null, "Looking for answers\u2026"));
    // The engine (assets/ask-engine.js): the site's API, or the same engine in this
    // browser on a plain static host; a question asked while it loads waits for it.
    return window.kbQuestionSearch.answer(question, root, 5)
      .then(function (data) { showAnswers(data, status, results, question, root); })
      .catch(function () { showUnavailable(status, results, question, root); });
  }

  function init() {
    var form = document.getElementById("kb-ask-form");
    if (!form || form.dataset.ready) return;
    form.dataset.ready = "true";
    var input = document.getElementById("kb-ask-input");
    var status = document.getElementById("kb-ask-status");
    var results = document.getElementById("kb-ask-results");
    var root = siteRoot();

    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var question = input.value.trim().slice(0, MAX_LENGTH);
      if (!question) {
        status.replaceChildren(element("p", null, "Type a question first."));
        input.focus();
        return;
      }
      var address = new URL(window.location.href);
      address.searchParams.set("question", question);
      window.history.replaceState(null, "", address.href);
      ask(question, status, results, root);
    });

    // A link to this page with ?question= asks straight away. Not ?q=: Material opens its
    // own search box over the page for that one, hiding the answers.
    var given = new URL(window.location.href).searchParams.get("question");
    if (given) {
      input.value = given.slice(0, MAX_LENGTH);
      ask(input.value.trim(), status, results, root);
    }
  }

  // Material's instant navigation swaps pages without reloading scripts: document$
  // announces each new page. Without it, wait for the document as usual.
  // Both are wired up: init() runs once per page (the form remembers), and a page
  // opened from disk may never hear from document$.
  if (typeof window.document$ !== "undefined" && window.document$.subscribe) {
    window.document$.subscribe(init);
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();

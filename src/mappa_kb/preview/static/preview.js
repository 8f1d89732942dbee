/* Live preview, for `mappa-kb serve --watch` only: the server adds this file to the pages
   it serves, and a built site never has it. It asks the server for news (a request held
   open until something changes), reloads the page when the page itself changed, and
   shows the content's problems in a banner until they are fixed. A file rather than an
   inline script, so the Content-Security-Policy ('self' scripts only) still holds. */
(function () {
  "use strict";
  if (window.kbPreview) {
    return; // already running in this tab (Material's instant navigation keeps scripts)
  }
  window.kbPreview = true;
  var EVENTS = "/__preview/events";
  var RETRY_MS = 1000;
  var SCROLL_KEY = "kb-preview-scroll";
  var MOST_SHOWN = 8; // the rest are one `mappa-kb check` away
  var script = document.currentScript;
  var session = script ? script.getAttribute("data-session") : "";
  var since = script ? Number(script.getAttribute("data-version")) || 0 : 0;
  var banner = null;

  // This page's URL as the server names pages: "glossary/sexual-risk-order/".
  function here() {
    return location.pathname.replace(/^\//, "").replace(/index\.html$/, "");
  }

  function reload() {
    sessionStorage.setItem(SCROLL_KEY, JSON.stringify({ page: here(), y: window.scrollY }));
    location.reload();
  }

  // Back where the author was reading, not at the top of the page.
  function restoreScroll() {
    var saved = null;
    try {
      saved = JSON.parse(sessionStorage.getItem(SCROLL_KEY) || "null");
    } catch (error) {
      saved = null;
    }
    sessionStorage.removeItem(SCROLL_KEY);
    if (saved && saved.page === here()) {
      window.scrollTo(0, saved.y);
    }
  }

  function problemItem(problem) {
    var item = document.createElement("li");
    var where = document.createElement("code");
    where.textContent = problem.line ? problem.file + ", line " + problem.line : problem.file;
    item.appendChild(where);
    if (problem.field) {
      item.appendChild(document.createTextNode(", field "));
      var field = document.createElement("code");
      field.textContent = problem.field;
      item.appendChild(field);
    }
    item.appendChild(document.createTextNode(": " + problem.message));
    return item;
  }

  // role="alert": a screen reader announces the problems when they appear.
  function showProblems(problems) {
    if (!problems.length) {
      if (banner) {
        banner.remove();
        banner = null;
      }
      return;
    }
    if (!banner) {
      banner = document.createElement("div");
      banner.className = "kb-preview-problems";
      banner.setAttribute("role", "alert");
      banner.setAttribute("data-kb-preview", "problems");
    }
    var title = document.createElement("p");
    title.className = "kb-preview-problems__title";
    var count = problems.length === 1 ? "this problem" : "these " + problems.length + " problems";
    title.textContent =
      "Not up to date: fix " + count + " and save. The site shows the last version that built.";
    var list = document.createElement("ul");
    problems.slice(0, MOST_SHOWN).forEach(function (problem) {
      list.appendChild(problemItem(problem));
    });
    if (problems.length > MOST_SHOWN) {
      var more = document.createElement("li");
      more.textContent =
        "and " + (problems.length - MOST_SHOWN) + " more: `mappa-kb check` lists them all.";
      list.appendChild(more);
    }
    banner.replaceChildren(title, list);
    if (!banner.isConnected) {
      document.body.appendChild(banner);
    }
  }

  function concerns(news) {
    return news.everything || news.changed.indexOf(here()) !== -1;
  }

  function ask(wait) {
    var url = EVENTS + "?since=" + since + (wait ? "&wait=true" : "");
    fetch(url, { cache: "no-store" })
      .then(function (response) {
        if (!response.ok) {
          throw new Error("preview events: " + response.status);
        }
        return response.json();
      })
      .then(function (news) {
        if (news.session !== session || (news.version > since && concerns(news))) {
          reload();
          return;
        }
        since = news.version;
        showProblems(news.problems);
        ask(true);
      })
      .catch(function () {
        // The server is restarting, or gone: ask again a little later.
        setTimeout(function () {
          ask(true);
        }, RETRY_MS);
      });
  }

  restoreScroll();
  ask(false);
})();

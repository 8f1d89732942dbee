/* The "Ask a question" page: the answer first, then what else helps.

   A question goes to an answering engine (answerQuestion, below: the one place that
   knows how; the engine is the site's API or the same code in the browser, chosen by
   ask-engine.js) and comes back as the answer JSON, version 1: the same for the API
   (/api/ask, described at /openapi.json), the in-browser engine and
   `mappa-kb ask --json`. The page shows:

   - "What you can do" first, when the question is about danger, a worry, a victim or a
     child (`help`: 999 and helplines, with tel: links);
   - the best answer, shaped as it reads (`shape`): a figure large with its area, dates
     and what it counts; a comparison side by side with the difference; a definition's
     plain summary, with the staff definition one click away; a list as a list;
   - one "Read more" link, and its sources folded away, each linked to the Sources page;
   - at most four other places, a line each, one per page;
   - or, plainly, that the site does not cover it (`not_covered`, `scope`).

   Only "N answers found" is announced (the status region); focus then moves to the
   results heading. Text from the engine is only ever set with textContent, and links
   only ever lead inside this site (or to a phone number). */
(function () {
  "use strict";

  var MAX_LENGTH = 300;
  var OTHERS = 4;  // other places shown after the best answer

  /* How a question reaches an answering engine: the one place that knows. It resolves to
     the answer JSON for `question`, or rejects, with plain words as the message, when no
     engine can answer. The engine is chosen by ask-engine.js: the site's API when
     `mappa-kb serve` runs beside the pages, else the same Python engine in this browser
     (a Web Worker), so the page works on any static host. */
  function answerQuestion(question, root) {
    var engine = window.kbQuestionSearch;
    if (!engine || typeof engine.answer !== "function") {
      return Promise.reject(new Error("The question search did not load."));
    }
    return engine.answer(question, root, OTHERS + 1);
  }

  /* ---- small helpers ---------------------------------------------------------------- */

  function siteRoot() {  // one definition, in ask-engine.js
    return window.kbQuestionSearch.siteRoot();
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function text(value) {
    return value === undefined || value === null ? "" : String(value);
  }

  function list(value) {
    return Array.isArray(value) ? value : [];
  }

  function sameSiteUrl(relative, root) {
    // Only links inside this site are shown; anything else is dropped, not rendered.
    try {
      var url = new URL(text(relative), root);
      if (url.origin === root.origin && /^(https?|file):$/.test(url.protocol)) return url.href;
    } catch (error) {
      return null;
    }
    return null;
  }

  function pageOf(href) {
    return href ? href.split("#")[0] : "";
  }

  function link(label, href, className) {
    var node = element("a", className, label);
    node.href = href;
    return node;
  }

  function hidden(words) {
    return element("span", "kb-visually-hidden", words);
  }

  var MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
    "September", "October", "November", "December"];

  function longDate(iso) {  // "2026-11-29" -> "29 November 2026"
    var parts = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text(iso));
    return parts ? Number(parts[3]) + " " + MONTHS[Number(parts[2]) - 1] + " " + parts[1] : text(iso);
  }

  function capitalised(words) {
    return words.charAt(0).toUpperCase() + words.slice(1);
  }

  function searchLink(question, root) {
    // `?q=` on a page opens Material's page finder with those words.
    var home = root.protocol === "file:" ? "index.html" : "";  // no folder index on disk
    var href = new URL(home + "?q=" + encodeURIComponent(question), root).href;
    return link("Find pages with the words \u201c" + question + "\u201d", href, "md-button");
  }

  /* ---- the parts of an answer ------------------------------------------------------- */

  // The engine's text as a reader takes it in: each run of sentences (the engine puts
  // "…" where it left some out) a paragraph; a list as a list ("Lead-in: • one • two");
  // and rows of a table cut to their first cell ("Category 1: … Category 2: …") as a
  // list too.
  var ROW = /^[^.:;\u2022]{1,60}: \S/;

  function prose(words, className) {
    var box = element("div", className);
    var runs = text(words).split(/\s*\u2026(?:\s+|$)/).map(function (run) { return run.trim(); })
      .filter(Boolean);
    var rows = null;
    runs.forEach(function (run, index) {
      var row = ROW.test(run) && run.indexOf("\u2022") === -1 &&
        (ROW.test(runs[index - 1] || "") || ROW.test(runs[index + 1] || ""));
      if (row) {
        if (!rows) rows = box.appendChild(element("ul", "kb-rows"));
        rows.appendChild(element("li", null, run));
        return;
      }
      rows = null;
      var parts = run.split(/\s*\u2022\s+/);
      var lead = parts.shift().trim();
      if (lead) box.appendChild(element("p", null, lead));
      if (parts.length) {
        var items = box.appendChild(element("ul"));
        parts.forEach(function (part) { items.appendChild(element("li", null, part.trim())); });
      }
    });
    return box;
  }

  function place(figure) {
    return figure ? text(figure.area) + ", reporting year " + text(figure.year) : "";
  }

  // A number large, reading on into what it counts: "697 people managed at Level 2 ...".
  function figureBlock(answer) {
    var box = element("div", "kb-figure");
    var figures = list(answer.figures);
    var statement = element("p", "kb-figure__statement");
    statement.appendChild(element("span", "kb-figure__value", answer.value));
    if (answer.counts) statement.appendChild(element("span", "kb-figure__counts", " " + answer.counts));
    box.appendChild(statement);
    if (figures.length) box.appendChild(element("p", "kb-figure__where", place(figures[0])));
    return box;
  }

  // A sum: the total large, what it adds up, and how. A share: the percentage large,
  // then the sentence saying of what (it gives the parts too).
  function workedBlock(answer, shape) {
    if (shape === "sum") {
      var box = figureBlock(answer);
      if (answer.working) box.appendChild(element("p", "kb-figure__working", "Worked out: " + text(answer.working)));
      return box;
    }
    var share = element("div", "kb-figure");
    share.appendChild(element("p", "kb-figure__statement kb-figure__value", answer.value));
    share.appendChild(prose(answer.text, "kb-figure__sentence"));
    var figures = list(answer.figures);
    if (figures.length) share.appendChild(element("p", "kb-figure__where", place(figures[0])));
    return share;
  }

  // Both areas side by side, then the difference.
  function comparisonBlock(answer) {
    var box = element("div", "kb-compare");
    var figures = list(answer.figures);
    if (answer.counts) box.appendChild(element("p", "kb-compare__counts", capitalised(text(answer.counts))));
    var sides = element("dl", "kb-compare__sides");
    figures.forEach(function (figure) {
      var side = element("div", "kb-compare__side");
      side.appendChild(element("dt", null, figure.area));
      side.appendChild(element("dd", "kb-figure__value", figure.shown));
      sides.appendChild(side);
    });
    box.appendChild(sides);
    var difference = element("p", "kb-compare__difference", "Difference: ");
    difference.appendChild(element("strong", null, answer.value));
    var same = /^0(\.0+)?(\s|$)/.test(text(answer.value));
    difference.appendChild(document.createTextNode(
      same ? ". They are the same." : figures.length ? ". " + text(figures[0].area) + " is higher." : "."));
    box.appendChild(difference);
    if (figures.length) box.appendChild(element("p", "kb-figure__where", "Reporting year " + text(figures[0].year)));
    return box;
  }

  // The plain summary first; the staff definition one click away.
  function definitionBlock(answer) {
    var box = element("div", "kb-definition");
    box.appendChild(prose(answer.summary, "kb-best__text"));
    if (answer.definition) {
      var more = element("details", "kb-definition__staff");
      more.appendChild(element("summary", null, "The definition for staff"));
      more.appendChild(prose(answer.definition));
      box.appendChild(more);
    }
    return box;
  }

  function body(answer, shape) {
    if (shape === "comparison" && list(answer.figures).length > 1 && answer.value) return comparisonBlock(answer);
    if ((shape === "sum" || shape === "share") && answer.value) return workedBlock(answer, shape);
    if (shape === "figure" && answer.value) return figureBlock(answer);
    if (shape === "definition" && answer.summary) return definitionBlock(answer);
    return prose(answer.text, "kb-best__text");
  }

  function sources(cited, root) {
    var all = list(cited);
    if (!all.length) return null;
    var box = element("details", "kb-sources");
    box.appendChild(element("summary", null, all.length === 1 ? "Source" : "Sources (" + all.length + ")"));
    var items = element("ul", "kb-sources__list");
    all.forEach(function (source) {
      var item = element("li");
      var href = source.url ? sameSiteUrl(source.url, root) : null;
      item.appendChild(href ? link(text(source.title), href) : element("span", null, source.title));
      if (source.section) item.appendChild(document.createTextNode(", " + text(source.section)));
      items.appendChild(item);
    });
    box.appendChild(items);
    return box;
  }

  function bestAnswer(answer, shape, root) {
    var box = element("div", "kb-best");
    box.dataset.shape = shape;
    var title = text(answer.title);
    box.appendChild(element("h3", "kb-best__title", title));
    box.appendChild(body(answer, shape));
    var href = sameSiteUrl(answer.url, root);
    if (href) {
      var more = element("p", "kb-best__more");
      var read = link("Read more", href);
      read.appendChild(hidden(": " + title));
      more.appendChild(read);
      box.appendChild(more);
    }
    var cited = sources(answer.sources, root);
    if (cited) box.appendChild(cited);
    return box;
  }

  // "What you can do": who to contact, with the number as a tel: link.
  function helpCard(lines, root) {
    var card = element("aside", "kb-help");
    card.setAttribute("aria-labelledby", "kb-help-heading");
    var heading = element("h3", "kb-help__heading", "What you can do");
    heading.id = "kb-help-heading";
    card.appendChild(heading);
    var items = element("ul", "kb-help__lines");
    var cited = [];
    var checked = "";
    lines.forEach(function (line) {
      var item = element("li");
      item.dataset.help = text(line.id);
      var name = text(line.name);
      var href = line.url ? sameSiteUrl(line.url, root) : null;
      item.appendChild(href ? link(name, href, "kb-help__name") : element("strong", "kb-help__name", name));
      var tel = /^tel:\+?[0-9]+$/.test(text(line.tel)) ? text(line.tel) : null;
      if (tel) {
        item.appendChild(document.createTextNode(": "));
        item.appendChild(link("call " + text(line.phone), tel, "kb-help__call"));
        item.appendChild(document.createTextNode(". "));
      } else {
        item.appendChild(document.createTextNode(". "));
      }
      item.appendChild(document.createTextNode(text(line.text)));
      items.appendChild(item);
      list(line.sources).forEach(function (source) {
        if (!cited.some(function (c) { return c.title === source.title && c.section === source.section; })) cited.push(source);
      });
      if (text(line.reviewed) > checked) checked = text(line.reviewed);
    });
    card.appendChild(items);
    var where = sources(cited, root);
    if (where) {
      if (checked) where.appendChild(element("p", "kb-help__checked", "Last checked on " + longDate(checked) + "."));
      card.appendChild(where);
    }
    return card;
  }

  function otherPlaces(answers, root, heading) {
    var box = element("div", "kb-others");
    box.appendChild(element("h3", "kb-others__heading", heading));
    var items = element("ul", "kb-others__list");
    answers.forEach(function (answer) {
      var item = element("li");
      item.appendChild(link(text(answer.title), answer.href));
      items.appendChild(item);
    });
    box.appendChild(items);
    return box;
  }

  /* ---- the whole result ------------------------------------------------------------- */

  function show(data, question, status, results, root) {
    var answers = list(data.answers);
    var lines = list(data.help);
    var notCovered = Boolean(data.not_covered) || !answers.length;
    var section = element("section", "kb-results");
    section.setAttribute("aria-labelledby", "kb-ask-results-heading");
    var heading = element("h2", "kb-results__heading", notCovered ? "Not covered by this site" : "Answer");
    heading.id = "kb-ask-results-heading";
    heading.tabIndex = -1;
    section.appendChild(heading);
    if (data.corrected) {
      section.appendChild(element("p", "kb-results__note", "Answers for \u201c" + text(data.corrected) + "\u201d."));
    }
    if (data.scope || notCovered) {
      section.appendChild(element("p", "kb-results__scope", data.scope ||
        "Nothing on this site answers that. Try other words."));
    }
    if (lines.length) section.appendChild(helpCard(lines, root));

    // One line a page: the engine gives one answer a page; a page the card already
    // links to is not listed again.
    var seen = {};
    lines.forEach(function (line) {
      var href = line.url ? sameSiteUrl(line.url, root) : null;
      if (href) seen[pageOf(href)] = true;
    });
    var shown = 0;
    var rest = answers;
    if (!notCovered) {
      section.appendChild(bestAnswer(answers[0], text(data.shape), root));
      seen[pageOf(sameSiteUrl(answers[0].url, root))] = true;
      shown = 1;
      rest = answers.slice(1);
    }
    var others = [];
    rest.forEach(function (answer) {
      var href = sameSiteUrl(answer.url, root);
      if (!href || seen[pageOf(href)] || others.length >= OTHERS) return;
      seen[pageOf(href)] = true;
      others.push({ title: answer.title, href: href });
    });
    if (others.length) {
      section.appendChild(otherPlaces(others, root, notCovered ? "Nearby on this site" : "Also on this site"));
    }
    if (!answers.length) section.appendChild(searchLink(question, root));
    results.replaceChildren(section);

    var count = shown + (notCovered ? 0 : others.length);
    say(status, count === 0 ? "No answer found" : count === 1 ? "1 answer found" : count + " answers found");
    reach(heading);
  }

  // Focus on the results heading, so a keyboard or screen reader user reads on from the
  // answer; and, when it would start low on the screen (a phone, under the form), bring
  // it to the top, so the answer is what is seen first.
  function reach(heading) {
    if (heading.getBoundingClientRect().top > window.innerHeight / 2) {
      heading.scrollIntoView({ block: "start" });
    }
    heading.focus({ preventScroll: true });
  }

  function showUnavailable(question, status, results, root, error) {
    var section = element("section", "kb-results");
    section.setAttribute("aria-labelledby", "kb-ask-results-heading");
    var heading = element("h2", "kb-results__heading", "The question search is not available");
    heading.id = "kb-ask-results-heading";
    heading.tabIndex = -1;
    section.appendChild(heading);
    var why = error && typeof error.message === "string" && error.message ? error.message + " " : "";
    section.appendChild(element("p", null, why + "Find a page can still look for the same words."));
    section.appendChild(searchLink(question, root));
    results.replaceChildren(section);
    say(status, "The question search is not available here.");
    reach(heading);
  }

  // The status region says one short thing; emptied first, so the same words asked
  // again are announced again.
  function say(status, words) {
    status.textContent = "";
    window.setTimeout(function () { status.textContent = words; }, 50);
  }

  function ask(question, status, results, root) {
    results.replaceChildren(element("p", "kb-results__waiting", "Looking for the answer\u2026"));
    return answerQuestion(question, root)
      .then(function (data) {
        if (!data || typeof data !== "object" || !Array.isArray(data.answers)) throw new Error("not an answer");
        show(data, question, status, results, root);
      })
      .catch(function (error) { showUnavailable(question, status, results, root, error); });
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
        say(status, "Type a question first.");
        input.focus();
        return;
      }
      var address = new URL(window.location.href);
      address.searchParams.set("question", question);
      window.history.replaceState(null, "", address.href);
      ask(question, status, results, root);
    });

    // A link to this page with ?question= (the home page's box, "Ask this as a
    // question" in Find a page) asks straight away. Not ?q=: Material opens its own
    // search over the page for that one, hiding the answers.
    var given = new URL(window.location.href).searchParams.get("question");
    if (given && given.trim()) {
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

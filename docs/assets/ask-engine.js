/* Which engine answers the Ask page's questions, and getting it ready.

   When the site is served by `mappa-kb serve`, its API answers (/api/ask). On a plain
   static host there is no API: the same engine then runs in the reader's browser, in a
   Web Worker (assets/ask-worker.js) so the page never freezes while it loads or works.
   Both give the same answer JSON.

   window.kbQuestionSearch:
     prepare(root)           choose the engine and start loading it (the Ask page calls
                             this as it opens; the question box calls it on focus)
     answer(question, root, k)
                             a promise of the answer JSON; a question asked while the
                             in-browser engine loads is answered as soon as it is ready;
                             rejects (with plain words as the message) when no engine can
     state()                 {engine, ready, progress, timings, message}, for tests

   While the in-browser engine loads, a line under the question box says how far it
   has got ("Getting the question search ready: 3 of 14 MB"). It is not a live region:
   the page announces answers, not download progress. */
(function () {
  "use strict";

  var WORKER = "assets/ask-worker.js";
  var MANIFEST = "assets/engine/manifest.json";
  var MB = 1024 * 1024;

  var chosen = null;        // promise of "api" | "browser" | "none"
  var worker = null;
  var pending = {};         // question id -> {resolve, reject}
  var nextId = 1;
  var info = { engine: null, ready: false, progress: null, timings: null, message: null };

  function url(path, root) {
    return new URL(path, root).href;
  }

  function line() {
    var found = document.getElementById("kb-ask-engine");
    if (found) return found;
    var form = document.getElementById("kb-ask-form");
    if (!form) return null;
    var created = document.createElement("p");
    created.id = "kb-ask-engine";
    created.className = "kb-ask__engine";
    form.insertAdjacentElement("afterend", created);
    return created;
  }

  function say(words) {
    var where = line();
    if (where) where.textContent = words;
  }

  function megabytes(bytes) {
    return bytes < 10 * MB ? (bytes / MB).toFixed(1).replace(/\.0$/, "") : String(Math.round(bytes / MB));
  }

  function apiAnswers(root) {
    // The API answers HEAD like GET, without the body: a JSON 200 means it is there.
    var probe = new URL("api/ask", root);
    probe.searchParams.set("q", "MAPPA");
    probe.searchParams.set("k", "1");
    return fetch(probe.href, { method: "HEAD", cache: "no-store" }).then(
      function (response) {
        var type = response.headers.get("content-type") || "";
        return response.ok && type.indexOf("application/json") !== -1;
      },
      function () { return false; }
    );
  }

  function settle(id, how, value) {
    var waiting = pending[id];
    if (!waiting) return;
    delete pending[id];
    waiting[how](value);
  }

  function failAll(message) {
    Object.keys(pending).forEach(function (id) { settle(id, "reject", new Error(message)); });
  }

  function startWorker(root) {
    try {
      worker = new Worker(url(WORKER, root), { type: "module" });
    } catch (error) {
      info.message = "The question search cannot run in this browser.";
      say(info.message);
      return false;
    }
    worker.onmessage = function (event) {
      var data = event.data || {};
      if (data.type === "progress") {
        info.progress = { received: data.received, total: data.total };
        if (info.ready) return;
        say(data.received < data.total
          ? "Getting the question search ready: " + megabytes(data.received) + " of " + megabytes(data.total) + " MB"
          : "Getting the question search ready: starting it\u2026");  // all here: Python starts
      } else if (data.type === "ready") {
        if (window.performance && performance.mark) performance.mark("kb-engine-ready");
        info.ready = true;
        info.timings = data.timings;
        say("The question search is ready. It runs in your browser: what you type is not sent anywhere.");
      } else if (data.type === "warm") {
        info.warmMs = data.ms;  // the engine's caches are full: every question is quick
      } else if (data.type === "failed") {
        info.message = data.message;
        if (data.missing) {
          info.engine = "none";  // a site built without it: the page says so when asked
          var where = line();
          if (where) where.remove();
        } else {
          say(data.message + " The site\u2019s own search still works.");
          if (window.console) window.console.warn("question search: " + data.detail);
        }
        failAll(data.message);
      } else if (data.type === "answer") {
        if (data.error) {
          settle(data.id, "reject", new Error(data.error));
        } else {
          info.lastAnswer = { ms: data.ms, fallback: data.fallback };
          settle(data.id, "resolve", JSON.parse(data.json));
        }
      }
    };
    worker.onerror = function (event) {
      event.preventDefault();
      info.message = "The question search could not start in this browser.";
      say(info.message + " The site\u2019s own search still works.");
      failAll(info.message);
    };
    if (window.performance && performance.mark) performance.mark("kb-engine-start");
    worker.postMessage({ type: "start", manifest: url(MANIFEST, root) });
    say("Getting the question search ready\u2026");
    return true;
  }

  function prepare(root) {
    if (chosen) return chosen;
    // Tests may ask for the in-browser engine where the API also answers.
    var wanted = window.kbQuestionSearchEngine;
    if (root.protocol === "file:" || typeof Worker === "undefined" || typeof WebAssembly === "undefined") {
      chosen = Promise.resolve("none");  // opened from disk, or a browser without workers
    } else if (wanted === "browser") {
      chosen = Promise.resolve("browser");
    } else {
      // No API: the worker starts at once, and says so if the site has no engine.
      chosen = apiAnswers(root).then(function (yes) { return yes ? "api" : "browser"; });
    }
    chosen = chosen.then(function (kind) {
      info.engine = kind;
      if (kind === "api") info.ready = true;
      if (kind === "browser" && !startWorker(root)) return "none";
      return kind;
    });
    return chosen;
  }

  function askApi(question, root, k) {
    var address = new URL("api/ask", root);
    address.searchParams.set("q", question);
    address.searchParams.set("k", String(k));
    return fetch(address.href, { headers: { Accept: "application/json" } }).then(function (response) {
      var type = response.headers.get("content-type") || "";
      if (!response.ok || type.indexOf("application/json") === -1) throw new Error("unavailable");
      return response.json();
    });
  }

  function answer(question, root, k) {
    return prepare(root).then(function (kind) {
      if (kind === "api") return askApi(question, root, k || 5);
      if (kind !== "browser") throw new Error(info.message || "unavailable");
      if (info.message) throw new Error(info.message);
      return new Promise(function (resolve, reject) {
        var id = nextId++;
        pending[id] = { resolve: resolve, reject: reject };
        worker.postMessage({ type: "ask", id: id, question: question, k: k || 5 });
      });
    });
  }

  // The site's root, from the settings Material writes into #__config (ask.js and
  // ask-offer.js use this one too: they load after this file on every page).
  function siteRoot() {
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

  window.kbQuestionSearch = {
    prepare: prepare,
    answer: answer,
    state: function () { return JSON.parse(JSON.stringify(info)); },
    siteRoot: siteRoot,
  };

  function init() {
    var input = document.getElementById("kb-ask-input");
    if (!input || input.dataset.engine) return;  // not here, or already watched
    input.dataset.engine = "watched";
    var root = siteRoot();
    if (document.getElementById("kb-ask-form")) prepare(root);  // the Ask page itself
    input.addEventListener("focus", function () { prepare(root); });
    if (info.engine === "browser") {  // back on the page (instant navigation): say so again
      say(info.ready ? "The question search is ready. It runs in your browser: what you type is not sent anywhere." : "Getting the question search ready\u2026");
    }
  }

  // Material's instant navigation swaps pages without reloading scripts (see ask.js).
  if (typeof window.document$ !== "undefined" && window.document$.subscribe) {
    window.document$.subscribe(init);
  }
  // This script comes after the page's content: on the Ask page the form is already
  // there, so loading starts now rather than once every other script has run.
  init();
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
})();

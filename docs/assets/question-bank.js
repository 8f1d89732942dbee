/* Lay adviser question bank: remember ticked questions in this browser only
   (localStorage, never sent anywhere), count them, print them, clear them; narrow the
   list by topic and by words. */
(function () {
  "use strict";
  var KEY = "mappa-kb:question-bank:v1";

  function load() {
    try {
      var saved = JSON.parse(window.localStorage.getItem(KEY) || "[]");
      return Array.isArray(saved) ? saved : [];
    } catch (error) {
      return []; // storage blocked or damaged: the page still works, ticks are not kept
    }
  }

  function save(ids) {
    try {
      window.localStorage.setItem(KEY, JSON.stringify(ids));
    } catch (error) {
      /* storage blocked (private mode, policy): ticks last until the page closes */
    }
  }

  function setUp() {
    var bank = document.querySelector(".kb-qbank");
    if (!bank) {
      leaveBank();
      return;
    }
    var boxes = Array.prototype.slice.call(bank.querySelectorAll("input[data-kb-question]"));
    var controls = document.querySelector(".kb-qbank__controls");
    var status = document.getElementById("kb-qbank-status");
    var saved = load();

    // Ids of questions no longer on the page stay saved, so a tick survives an edit
    // elsewhere on the site; they are simply not shown.
    boxes.forEach(function (box) {
      box.checked = saved.indexOf(box.value) !== -1;
    });

    function ticked() {
      return boxes.filter(function (box) { return box.checked; });
    }

    function update(announce) {
      var count = ticked().length;
      bank.classList.toggle("kb-qbank--some", count > 0);
      // Classes for the print stylesheet in browsers without CSS :has().
      boxes.forEach(function (box) {
        var item = box.closest("li");
        if (item) {
          item.classList.toggle("is-ticked", box.checked);
        }
      });
      bank.querySelectorAll(".kb-qbank__topic").forEach(function (topic) {
        topic.classList.toggle("has-ticked", !!topic.querySelector("input:checked"));
      });
      if (status && announce) {
        status.textContent = count === 0
          ? "No questions ticked. Printing gives the whole list."
          : count + (count === 1 ? " question" : " questions") + " ticked for your checklist.";
      }
    }

    bank.addEventListener("change", function (event) {
      var box = event.target;
      if (!(box instanceof HTMLInputElement) || !box.hasAttribute("data-kb-question")) {
        return;
      }
      var ids = load().filter(function (id) { return id !== box.value; });
      if (box.checked) {
        ids.push(box.value);
      }
      save(ids);
      update(true);
    });

    if (controls) {
      controls.hidden = false;
      controls.querySelector("[data-kb-print]").addEventListener("click", function () {
        window.print();
      });
      controls.querySelector("[data-kb-clear]").addEventListener("click", function () {
        try {
          window.localStorage.removeItem(KEY); // nothing left behind on a shared computer
        } catch (error) {
          /* storage blocked: there was nothing saved */
        }
        boxes.forEach(function (box) { box.checked = false; });
        update(true);
      });
      setUpFilter(bank, controls, boxes);
      keepClearOfControls(controls);
    }
    update(ticked().length > 0);
  }

  /* Topic and words: questions that do not match are hidden (a class, so that printing
     can still show ticked ones: see kb.css), and so is a topic left with none. How many
     are shown is announced once typing pauses, not at every key. */
  function setUpFilter(bank, controls, boxes) {
    var topic = controls.querySelector("[data-kb-topic]");
    var words = controls.querySelector("[data-kb-words]");
    var shown = document.getElementById("kb-qbank-shown");
    var pending = null;
    var items = boxes.map(function (box) {
      var item = box.closest("li");
      return { item: item, text: normalise(item ? item.textContent : "") };
    });

    function apply() {
      var wanted = topic.value;
      var terms = normalise(words.value).split(" ").filter(Boolean);
      var count = 0;
      items.forEach(function (entry) {
        var section = entry.item.closest(".kb-qbank__topic");
        var inTopic = !wanted || (section && section.getAttribute("data-kb-topic-id") === wanted);
        var match = inTopic && terms.every(function (term) {
          return entry.text.indexOf(term) !== -1;
        });
        entry.item.classList.toggle("is-filtered-out", !match);
        if (match) count += 1;
      });
      bank.querySelectorAll(".kb-qbank__topic").forEach(function (section) {
        section.classList.toggle("is-filtered-out",
          !section.querySelector("li:not(.is-filtered-out)"));
      });
      var filtered = wanted || terms.length;
      bank.classList.toggle("kb-qbank--filtered", !!filtered);
      if (!filtered) return "Showing all " + items.length + " questions.";
      if (count === 0) return "No questions match. Try fewer words, or All topics.";
      return "Showing " + count + " of " + items.length + " questions.";
    }

    function refresh(delay) {
      var message = apply();
      if (pending) window.clearTimeout(pending);
      pending = window.setTimeout(function () { shown.textContent = message; }, delay);
    }

    topic.addEventListener("change", function () { refresh(0); });
    words.addEventListener("input", function () { refresh(600); });
    // A search field's own Escape clears it: let the list show everything again.
    words.addEventListener("search", function () { refresh(0); });
    shown.textContent = apply();
  }

  function normalise(text) {
    return text.toLowerCase().replace(/[^a-z0-9]+/g, " ").trim();
  }

  /* The controls stay at the top of the screen while the list scrolls (kb.css). A box
     that takes focus must not end up under them (WCAG 2.4.11): the page's scroll padding
     grows by their height, measured here since it depends on the screen's width. */
  var measure = null;

  function keepClearOfControls(controls) {
    var root = document.documentElement;
    if (measure) window.removeEventListener("resize", measure);
    measure = function () {
      var sticky = window.getComputedStyle(controls).position === "sticky";
      root.style.setProperty("--kb-qbank-controls", sticky ? controls.offsetHeight + "px" : "0px");
    };
    measure();
    window.addEventListener("resize", measure);
    root.classList.add("kb-has-qbank");
  }

  function leaveBank() {
    // Instant navigation keeps <html>: another page must not keep the bank's padding.
    if (!document.querySelector(".kb-qbank")) {
      document.documentElement.classList.remove("kb-has-qbank");
    }
  }

  // Material's instant navigation replaces the page without reloading scripts, and
  // announces each new page on document$; without it, run once the page has loaded.
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(setUp);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUp);
  } else {
    setUp();
  }
})();

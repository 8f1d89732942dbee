/* Lay adviser question bank: remember ticked questions in this browser only
   (localStorage, never sent anywhere), count them, print them, clear them. */
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
    }
    update(ticked().length > 0);
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

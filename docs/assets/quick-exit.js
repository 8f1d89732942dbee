/* Quick exit: leave for a neutral site at once, as UK safeguarding sites do.
   location.replace() swaps this page out of the history, so Back does not return here.
   Pressing Escape twice within a second does the same as the button. */
(function () {
  "use strict";
  var WINDOW_MS = 1000;
  var lastEscape = 0;

  function exitUrl() {
    var link = document.querySelector("[data-kb-quick-exit]");
    return link ? link.href : "https://www.bbc.co.uk/weather";
  }

  function leave(event) {
    if (event) {
      event.preventDefault();
    }
    window.location.replace(exitUrl());
  }

  // Delegated, so it keeps working when Material's instant navigation swaps the page.
  document.addEventListener("click", function (event) {
    var target = event.target;
    if (target instanceof Element && target.closest("[data-kb-quick-exit]")) {
      leave(event);
    }
  });

  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape" && event.key !== "Esc") {
      return;
    }
    var now = Date.now();
    if (now - lastEscape <= WINDOW_MS) {
      lastEscape = 0;
      leave(null);
    } else {
      lastEscape = now;
    }
  });
})();

/* Quick exit: leave for a neutral site at once, as UK safeguarding sites do.

   The button is a plain link, so it works without script. With script:
   - location.replace() swaps this page for the neutral one in the browser's history,
     so Back from there does not show the page the reader was on (earlier pages of this
     site stay in the history: the About page says so, and how to clear it);
   - the page is blanked at once, before the other site has loaded;
   - pressing Shift three times in a row leaves too, as GOV.UK's "Exit this page" does.
     Shift on its own types nothing, so typing cannot set it off: a Shift used for a
     capital letter does not count, and any other key, or 5 seconds without a press,
     starts the count again. Each press is announced to screen readers. */
(function () {
  "use strict";
  var PRESSES = 3;
  var WAIT_MS = 5000;
  var count = 0;
  var shiftHeldForAnotherKey = false;
  var timer = null;
  var clearMessage = null;

  function button() {
    return document.querySelector("[data-kb-quick-exit]");
  }

  function exitUrl() {
    var link = button();
    return link ? link.href : "https://www.bbc.co.uk/weather";
  }

  // A polite live region, made once: Material's instant navigation keeps the header.
  function status() {
    var region = document.getElementById("kb-quick-exit-status");
    if (!region) {
      region = document.createElement("span");
      region.id = "kb-quick-exit-status";
      region.className = "kb-visually-hidden";
      region.setAttribute("role", "status");
      document.body.appendChild(region);
    }
    return region;
  }

  function say(text) {
    var region = status();
    region.textContent = text;
    if (clearMessage) window.clearTimeout(clearMessage);
    clearMessage = text ? window.setTimeout(function () { region.textContent = ""; }, WAIT_MS) : null;
  }

  function showCount() {
    var link = button();
    if (link) link.setAttribute("data-kb-presses", String(count));
  }

  function reset(announce) {
    if (timer) window.clearTimeout(timer);
    timer = null;
    if (count > 0 && announce) say("Quick exit cancelled.");
    count = 0;
    showCount();
  }

  function leave(event) {
    if (event) event.preventDefault();
    reset(false);
    // Hide the page while the other site loads: on a slow connection it would otherwise
    // stay on screen for a while.
    document.documentElement.classList.add("kb-leaving");
    window.location.replace(exitUrl());
  }

  // Delegated, so it keeps working when Material's instant navigation swaps the page.
  document.addEventListener("click", function (event) {
    var target = event.target;
    if (target instanceof Element && target.closest("[data-kb-quick-exit]")) {
      leave(event);
    }
  });

  // keyup, not keydown: Shift held for a capital fires one keyup for the letter (with
  // shiftKey set) and then one for Shift, which must not count.
  document.addEventListener("keyup", function (event) {
    if (event.key === "Shift" && !shiftHeldForAnotherKey) {
      count += 1;
      showCount();
      if (timer) window.clearTimeout(timer);
      if (count >= PRESSES) {
        leave(null);
        return;
      }
      var left = PRESSES - count;
      say("Shift: press " + left + " more time" + (left === 1 ? "" : "s") + " to leave this site.");
      timer = window.setTimeout(function () { reset(true); }, WAIT_MS);
    } else if (event.key !== "Shift") {
      reset(false);
    }
    shiftHeldForAnotherKey = event.key !== "Shift" && event.shiftKey;
  }, true);

  // Back to this page from the browser's cache: undo the blanking.
  window.addEventListener("pageshow", function () {
    document.documentElement.classList.remove("kb-leaving");
    reset(false);
  });
})();

/* Keyboard fixes to Material's pages: the menu button, tables that scroll sideways, and
   "Back to top" (below).

   Material's menu button on narrow screens (and at high zoom) is a <label> for a hidden
   checkbox: it works by mouse and touch, but a keyboard cannot reach or press it, so the
   navigation drawer is out of keyboard users' reach (WCAG 2.1.1). Make it a real button.
   `document$` is Material's stream of page loads, instant navigation included. */
(function () {
  "use strict";

  function menuButton() {
    var drawer = document.getElementById("__drawer");
    var button = document.querySelector('label.md-header__button[for="__drawer"]');
    if (!drawer || !button || button.hasAttribute("role")) return;
    button.setAttribute("role", "button");
    button.setAttribute("tabindex", "0");
    button.setAttribute("aria-label", "Menu");
    button.setAttribute("aria-expanded", String(drawer.checked));
    drawer.addEventListener("change", function () {
      button.setAttribute("aria-expanded", String(drawer.checked));
    });
    button.addEventListener("keydown", function (event) {
      if (event.key === "Enter" || event.key === " ") {
        event.preventDefault();
        event.stopPropagation(); // Material also clicks a focused label on Enter: once is enough
        drawer.click();
      }
    });
    // Escape closes an open menu and puts focus back on its button.
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && drawer.checked) {
        drawer.click();
        button.focus();
      }
    });
  }

  if (window.document$) window.document$.subscribe(menuButton);
  else document.addEventListener("DOMContentLoaded", menuButton);

  /* A table too wide for the screen scrolls sideways in its own box. A keyboard can only
     scroll a box that takes focus, and a box of figures has nothing else focusable in it
     (WCAG 2.1.1), so while it overflows it becomes a named, focusable region; when it
     fits, it is not a Tab stop for nothing. */
  var BOXES = ".kb-table-scroll, .md-typeset__scrollwrap";

  function scrollBoxes() {
    document.querySelectorAll(BOXES).forEach(function (box) {
      var scrolls = box.scrollWidth > box.clientWidth + 1;
      if (scrolls && !box.hasAttribute("tabindex")) {
        var caption = box.querySelector("caption");
        box.setAttribute("tabindex", "0");
        box.setAttribute("role", "region");
        box.setAttribute("aria-label", "Table, scrolls sideways" +
          (caption ? ": " + caption.textContent.trim() : ""));
      } else if (!scrolls && box.getAttribute("tabindex") === "0") {
        box.removeAttribute("tabindex");
        box.removeAttribute("role");
        box.removeAttribute("aria-label");
      }
    });
  }

  var resizing = null;
  window.addEventListener("resize", function () {
    window.clearTimeout(resizing);
    resizing = window.setTimeout(scrollBoxes, 200);
  });
  if (window.document$) window.document$.subscribe(scrollBoxes);
  else document.addEventListener("DOMContentLoaded", scrollBoxes);

  /* "Back to top" (overrides/main.html) works as a plain link without script. With it,
     move there here: left to the browser, Material's instant navigation replays every
     jump within the page a moment later, by clicking a copy of the link, and that
     replay takes focus away from a reader who has already pressed Tab. Focusing the
     target makes the next Tab start from the top of the page. Capture phase on the
     document, so this runs before Material's listener on the body, on every page. */
  document.addEventListener("click", function (event) {
    var link = event.target instanceof Element && event.target.closest(".kb-back-to-top a");
    var top = document.getElementById("top");
    if (!link || !top) return;
    event.preventDefault();
    event.stopPropagation();
    window.scrollTo(0, 0);
    top.focus({ preventScroll: true });
  }, true);
})();

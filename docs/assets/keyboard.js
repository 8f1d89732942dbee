/* Material's menu button on narrow screens (and at high zoom) is a <label> for a hidden
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
})();

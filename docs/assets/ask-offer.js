/* Find a page (Material's search box in the header) finds pages; the Ask page answers
   questions. When the words typed look like a question, this shows "Ask this as a
   question", a link to the Ask page with those words (partials/search.html holds the
   link, hidden and without an address until then). Material's arrow keys reach it
   first; Enter still opens the best page found, or asks when no page is found. */
(function () {
  "use strict";

  var MAX_LENGTH = 300;
  // Words a question starts with, as readers type them ("im worried ..." too).
  var STARTS = /^(what|whats|what's|who|whos|who's|whom|whose|how|hows|when|where|why|which|can|could|do|does|did|is|isnt|are|arent|was|were|will|would|should|must|may|might|if|im|i'm|i|my|tell|explain)$/i;

  function looksLikeQuestion(value) {
    var words = value.trim().split(/\s+/).filter(Boolean);
    if (!words.length) return false;
    if (/\?\s*$/.test(value) && words.length >= 2) return true;
    if (words.length >= 3 && STARTS.test(words[0])) return true;
    return words.length >= 5;
  }

  function siteRoot() {  // one definition, in ask-engine.js
    return window.kbQuestionSearch.siteRoot();
  }

  function init() {
    var input = document.querySelector(".md-search__input");
    var offer = document.querySelector("[data-kb-ask-offer]");
    if (!input || !offer || input.dataset.kbAskOffer) return;
    input.dataset.kbAskOffer = "true";
    var link = offer.querySelector("a");
    var root = siteRoot();

    function update() {
      var value = input.value.slice(0, MAX_LENGTH);
      if (looksLikeQuestion(value)) {
        var address = new URL("ask/", root);
        address.searchParams.set("question", value.trim());
        link.href = address.href;
        offer.hidden = false;
      } else {
        // No address while hidden: Material's Enter and arrow keys pass over it.
        link.removeAttribute("href");
        offer.hidden = true;
      }
    }
    input.addEventListener("input", update);
    input.addEventListener("keyup", update);  // Material sets the value from ?q= without input events
    input.addEventListener("focus", update);
    update();
  }

  // The header is not replaced by Material's instant navigation, but document$ is the
  // moment the page (and so the header) is ready; init() runs once either way.
  if (typeof window.document$ !== "undefined" && window.document$.subscribe) {
    window.document$.subscribe(init);
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();

// How much of the focused element a reader can see: sample points across each line box
// of the element and ask the browser what is painted on top at each; anything else there
// (the sticky header, a floating button) hides that point. With `settle`, first wait for
// running transitions (a closing overlay fades out over 250 ms): callers measure at once
// and settle only to confirm a problem, which keeps long tab walks fast. A visually hidden
// radio button (Material's palette switch) shows its focus on the label after it, which
// is measured instead. Returns null when only the page itself has focus.
async (settle) => {
  if (settle) {
    // Two frames first: Material opens and closes things from its own event handlers.
    await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
    const running = document.getAnimations().map((a) => a.finished.catch(() => null));
    await Promise.race([Promise.all(running), new Promise((done) => setTimeout(done, 1000))]);
  }
  let el = document.activeElement;
  if (!el || el === document.body || el === document.documentElement) return null;
  // Has focus come round to where the walk started? (Marks the start on the first call.)
  const again = !settle && window.__kbFirstStop === el;
  if (!settle && !window.__kbFirstStop) window.__kbFirstStop = el;
  const describe = (node) => {
    const id = node.id ? `#${node.id}` : "";
    const cls = typeof node.className === "string" && node.className
      ? "." + node.className.trim().split(/\s+/).join(".") : "";
    return `${node.tagName.toLowerCase()}${id}${cls}`;
  };
  const focused = describe(el);
  const box = el.getBoundingClientRect();
  if (box.width === 0 || box.height === 0) {
    const next = el.nextElementSibling;
    const labels = [...(el.labels || []), ...(next && next.tagName === "LABEL" ? [next] : [])];
    el = labels.find((label) => label.getClientRects().length) || el;
  }
  const header = document.querySelector(".md-header");
  const result = {
    again,
    element: focused,
    inHeader: !!header && header.contains(el),
    underHeader: 0,
    measured: describe(el),
    text: (el.innerText || el.value || el.getAttribute("aria-label") || "").trim().slice(0, 40),
    points: 0, shown: 0, coveredBy: [],
  };
  const rects = [...el.getClientRects()].filter((r) => r.width > 0 && r.height > 0);
  for (const rect of rects) {
    for (const fx of [0.1, 0.5, 0.9]) {
      for (const fy of [0.2, 0.5, 0.8]) {
        const x = rect.left + fx * rect.width, y = rect.top + fy * rect.height;
        if (x < 0 || y < 0 || x >= window.innerWidth || y >= window.innerHeight) continue;
        result.points += 1;
        const hit = document.elementFromPoint(x, y);
        // The element, its content, or an ancestor showing through it: visible.
        if (!hit || el === hit || el.contains(hit) || hit.contains(el)) result.shown += 1;
        else {
          result.coveredBy.push(describe(hit));
          if (header && header.contains(hit)) result.underHeader += 1;
        }
      }
    }
  }
  result.coveredBy = [...new Set(result.coveredBy)];
  return result;
}

// WCAG 2.5.8 Target Size (Minimum): every pointer target is at least 24 by 24 CSS px,
// unless it is inline in a sentence, or small but spaced so that a 24 px circle centred on
// it touches no other target and no other small target's circle. Returns the failures.
() => {
  const SIZE = 24;
  const selector = [
    "a[href]", "button", "input:not([type=hidden])", "select", "textarea", "summary",
    "label[for]", "[role=button]", "[role=link]", "[role=checkbox]", "[tabindex]:not([tabindex='-1'])",
  ].join(",");
  const describe = (node) => {
    const id = node.id ? `#${node.id}` : "";
    const cls = typeof node.className === "string" && node.className
      ? "." + node.className.trim().split(/\s+/).join(".") : "";
    const text = (node.innerText || node.getAttribute("aria-label") || "").trim().slice(0, 30);
    return `${node.tagName.toLowerCase()}${id}${cls} "${text}"`;
  };
  const shown = (el) => {
    // Not rendered at all, e.g. inside a closed <details> (its rect is still non-zero).
    if (el.checkVisibility && !el.checkVisibility()) return false;
    const style = getComputedStyle(el);
    if (style.visibility !== "visible" || style.pointerEvents === "none") return false;
    const rect = el.getBoundingClientRect();
    return rect.width > 0 && rect.height > 0;
  };
  // Inline in a sentence: laid out inline, next to text that is not part of the target.
  const inline = (el) => {
    if (getComputedStyle(el).display !== "inline") return false;
    let block = el.parentElement;
    while (block && getComputedStyle(block).display.startsWith("inline")) block = block.parentElement;
    if (!block) return false;
    const own = (el.innerText || "").trim().length;
    return (block.innerText || "").replace(/\s+/g, " ").trim().length > own + 1;
  };
  const targets = [...document.querySelectorAll(selector)].filter(shown).map((el) => {
    const r = el.getBoundingClientRect();
    const cx = r.left + r.width / 2 + window.scrollX, cy = r.top + r.height / 2 + window.scrollY;
    const box = { left: r.left + window.scrollX, top: r.top + window.scrollY, width: r.width, height: r.height };
    return { el, box, cx, cy, small: r.width < SIZE - 0.5 || r.height < SIZE - 0.5, inline: inline(el) };
  });
  const distanceToBox = (x, y, b) => {
    const dx = Math.max(b.left - x, 0, x - (b.left + b.width));
    const dy = Math.max(b.top - y, 0, y - (b.top + b.height));
    return Math.hypot(dx, dy);
  };
  const failures = [];
  for (const t of targets) {
    if (!t.small || t.inline) continue;
    const clash = targets.find((o) => {
      if (o === t || o.el.contains(t.el) || t.el.contains(o.el)) return false;
      if (o.small && !o.inline) return Math.hypot(o.cx - t.cx, o.cy - t.cy) < SIZE;
      return distanceToBox(t.cx, t.cy, o.box) < SIZE / 2;
    });
    if (clash) {
      failures.push({
        target: describe(t.el),
        size: [Math.round(t.box.width * 10) / 10, Math.round(t.box.height * 10) / 10],
        tooCloseTo: describe(clash.el),
      });
    }
  }
  return failures;
}

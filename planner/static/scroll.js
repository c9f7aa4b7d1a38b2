// A region that scrolls sideways must be reachable by keyboard (WCAG 2.1.1): every element
// that overflows its box gets a tab stop, and loses it again when it fits.
function markScrollers() {
  for (const el of document.querySelectorAll("main *")) {
    const style = getComputedStyle(el);
    const scrolls = ["auto", "scroll"].includes(style.overflowX) && el.scrollWidth > el.clientWidth;
    if (scrolls && !el.hasAttribute("tabindex")) {
      el.setAttribute("tabindex", "0");
      el.dataset.scrollStop = "";
    } else if (!scrolls && "scrollStop" in el.dataset) {
      el.removeAttribute("tabindex");
      delete el.dataset.scrollStop;
    }
  }
}
document.addEventListener("DOMContentLoaded", markScrollers);
window.addEventListener("resize", markScrollers);

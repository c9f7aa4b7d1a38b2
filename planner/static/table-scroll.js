// A table wider than its frame scrolls sideways inside it; without a sign a reader takes the
// columns cut off at the edge for all there is. The frame gets "scrolls" while its table does
// not fit (style.css then shows a hint and a shade at the edge that hides more), and "at-end"
// once the last column is in view.
function markFrame(frame) {
  const box = frame.querySelector(".table-scroll");
  if (!box) return;
  const scrolls = box.scrollWidth > box.clientWidth + 1;
  frame.classList.toggle("scrolls", scrolls);
  frame.classList.toggle("at-end", !scrolls || box.scrollLeft + box.clientWidth >= box.scrollWidth - 1);
}

function markFrames() {
  for (const frame of document.querySelectorAll(".scroll-frame")) markFrame(frame);
}

document.addEventListener("DOMContentLoaded", () => {
  for (const frame of document.querySelectorAll(".scroll-frame")) {
    const box = frame.querySelector(".table-scroll");
    if (box) box.addEventListener("scroll", () => markFrame(frame), { passive: true });
  }
  markFrames();
});
window.addEventListener("resize", markFrames);

// A table or timeline wider than its frame scrolls sideways inside it; without a sign a reader
// takes what is cut off at the edge for all there is. The frame gets "scrolls" while its content
// does not fit (style.css then shows a hint and a shade at the edge that hides more), and
// "at-end" once the last column or school year is in view.
const FRAMES = ".scroll-frame, .timeline-frame";
const BOXES = ".table-scroll, .timeline-scroll";

function markFrame(frame) {
  const box = frame.querySelector(BOXES);
  if (!box) return;
  const scrolls = box.scrollWidth > box.clientWidth + 1;
  frame.classList.toggle("scrolls", scrolls);
  frame.classList.toggle("at-end", !scrolls || box.scrollLeft + box.clientWidth >= box.scrollWidth - 1);
}

function markFrames() {
  for (const frame of document.querySelectorAll(FRAMES)) markFrame(frame);
}

document.addEventListener("DOMContentLoaded", () => {
  for (const frame of document.querySelectorAll(FRAMES)) {
    const box = frame.querySelector(BOXES);
    if (box) box.addEventListener("scroll", () => markFrame(frame), { passive: true });
  }
  markFrames();
});
window.addEventListener("resize", markFrames);

// A timeline wider than its frame scrolls sideways inside it; without a sign a reader takes the
// school years cut off at the edge for all there is. The frame gets "scrolls" while the drawing
// does not fit (style.css then shows a hint and a shade at the edge that hides more), and
// "at-end" once the last school year is in view.
function markTimeline(frame) {
  const box = frame.querySelector(".timeline-scroll");
  if (!box) return;
  const scrolls = box.scrollWidth > box.clientWidth + 1;
  frame.classList.toggle("scrolls", scrolls);
  frame.classList.toggle("at-end", !scrolls || box.scrollLeft + box.clientWidth >= box.scrollWidth - 1);
}

function markTimelines() {
  for (const frame of document.querySelectorAll(".timeline-frame")) markTimeline(frame);
}

document.addEventListener("DOMContentLoaded", () => {
  for (const frame of document.querySelectorAll(".timeline-frame")) {
    const box = frame.querySelector(".timeline-scroll");
    if (box) box.addEventListener("scroll", () => markTimeline(frame), { passive: true });
  }
  markTimelines();
});
window.addEventListener("resize", markTimelines);

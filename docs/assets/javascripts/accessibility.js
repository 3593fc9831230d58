// Two gaps axe-core finds in the themes' markup, closed after the page loads.

// Material's search box has role="dialog" but no accessible name (aria-dialog-name):
// name it after its input, which carries the localised label ("検索" / "Search").
document.querySelectorAll(".md-search[role=dialog]:not([aria-label])").forEach((dialog) => {
  const input = dialog.querySelector("input.md-search__input");
  if (input) dialog.setAttribute("aria-label", input.getAttribute("aria-label") || input.placeholder);
});

// Notebook code cells that scroll sideways must be reachable by keyboard
// (scrollable-region-focusable), as Material's own code blocks are.
document.querySelectorAll(".jupyter-wrapper .highlight-ipynb").forEach((cell) => {
  if (cell.scrollWidth > cell.clientWidth && !cell.hasAttribute("tabindex")) cell.setAttribute("tabindex", "0");
});

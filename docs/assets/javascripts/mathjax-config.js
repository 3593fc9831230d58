// MathJax 3 configuration for pymdownx.arithmatex (generic mode), as documented by Material.

// Without MathJax's menu, formulas are no longer tab stops: a display formula
// wider than the page scrolls sideways and must be reachable by keyboard
// (axe: scrollable-region-focusable), as Material's code blocks are.
function focusWideFormulas() {
  document.querySelectorAll("div.arithmatex").forEach((formula) => {
    if (formula.scrollWidth > formula.clientWidth) formula.setAttribute("tabindex", "0");
    else formula.removeAttribute("tabindex");
  });
}
window.addEventListener("resize", focusWideFormulas);

window.MathJax = {
  // Loaded by assets/mathjax/startup.js, component by component: the combined
  // tex-chtml.js would add its 426 kB menu (see hooks/local_mathjax.py)
  loader: {
    load: ["input/tex", "output/chtml", "a11y/assistive-mml"],
  },
  tex: {
    inlineMath: [["\\(", "\\)"]],
    displayMath: [["\\[", "\\]"]],
    processEscapes: true,
    processEnvironments: true,
  },
  options: {
    ignoreHtmlClass: ".*|",
    processHtmlClass: "arithmatex",
  },
  startup: {
    pageReady: () => MathJax.startup.defaultPageReady().then(focusWideFormulas),
  },
};

// Typeset again whenever Material swaps the page content (instant navigation);
// the first page load is typeset by MathJax's own startup, so skip that one
let firstPage = true;
document$.subscribe(() => {
  if (firstPage) {
    firstPage = false;
    return;
  }
  MathJax.startup.output.clearCache();
  MathJax.typesetClear();
  MathJax.texReset();
  MathJax.typesetPromise().then(focusWideFormulas);
});

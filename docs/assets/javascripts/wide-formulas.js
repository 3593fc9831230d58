// Formulas are typeset when the site is built (hooks/formulas.py); this page runs no MathJax.
// A display formula wider than the column scrolls sideways and must then be reachable by
// keyboard (axe: scrollable-region-focusable), as Material's code blocks are.
function focusWideFormulas() {
  document.querySelectorAll("div.arithmatex").forEach((formula) => {
    if (formula.scrollWidth > formula.clientWidth) formula.setAttribute("tabindex", "0");
    else formula.removeAttribute("tabindex");
  });
}
window.addEventListener("load", focusWideFormulas);
window.addEventListener("resize", focusWideFormulas);

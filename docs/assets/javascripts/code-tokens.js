// Code blocks arrive as plain text with their highlighted HTML in a <template> beside them
// (hooks/code_tokens.py: thousands of token elements made the page slow to start on a phone).
// Put each block's highlighting in when it comes within a screen of the viewport, and all of
// them before printing. The text does not change, so nothing moves.
(() => {
  const templates = () => document.querySelectorAll("template.code-tokens");
  const show = (template) => {
    if (!template || !template.isConnected) return; // gone: shown before printing
    const code = template.previousElementSibling;
    if (code && code.tagName === "CODE") {
      code.replaceChildren(template.content); // Material's block: <code> text, then the template
      template.remove();
    } else {
      template.parentElement.replaceChildren(template.content); // a notebook cell: <pre> text, template
    }
  };
  const observer = new IntersectionObserver(
    (entries) => {
      for (const entry of entries) {
        if (!entry.isIntersecting) continue;
        observer.unobserve(entry.target);
        show(entry.target.querySelector(":scope > template.code-tokens"));
      }
    },
    { rootMargin: "100% 0px" },
  );
  templates().forEach((template) => observer.observe(template.parentElement));
  window.addEventListener("beforeprint", () => templates().forEach(show));
})();

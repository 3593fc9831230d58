// Typeset the TeX formulas of pages with MathJax 3: CHTML output with its assistive MathML, and
// each page's style sheet. Run by hooks/formulas.py once per build, for the pages not yet cached:
//
//   node hooks/formulas.js < request.json > result.json
//
// request: {es5, scale, fontURL, pages: [[{tex, display}, ...], ...]}: es5 is MathJax's es5/
// folder (from django-static-mathjax), scale the size of formulas relative to the text around
// them, fontURL what the @font-face rules point to.
// result: {mathjax: version, pages: [{css, formulas: [{html} or {error}, ...]}, ...]}, in the
// request's order. A page's css is what MathJax in the browser put in its <style> for that
// page: the common rules, the @font-face rules, and the rules of the elements and characters
// its formulas use (adaptiveCSS), in the order it first needed them.
"use strict";

const fs = require("fs");
const path = require("path");

const request = JSON.parse(fs.readFileSync(0, "utf8"));

// An error in a formula throws instead of becoming a red error box in the page
function fail(jax, error) {
  throw error;
}

require(path.join(request.es5, "node-main.js"))
  .init({
    loader: {
      paths: { mathjax: request.es5 },
      // The components the pages loaded in the browser before issue 14 (mathjax-config.js)
      load: ["adaptors/liteDOM", "input/tex", "output/chtml", "a11y/assistive-mml"],
    },
    tex: {
      // input/tex's packages (autoload fetches the others on first use), without
      // noundefined: an unknown macro is an error, not red text in the page
      packages: { "[-]": ["noundefined"] },
      formatError: fail,
    },
    chtml: { fontURL: request.fontURL, adaptiveCSS: true },
    startup: { typeset: false },
  })
  .then(async (MathJax) => {
    const adaptor = MathJax.startup.adaptor;
    const output = MathJax.startup.output;
    // What the browser measured on these pages: its text font's ex-height made formulas 119.5%
    const metrics = { em: 16, ex: 8, containerWidth: 1280, scale: request.scale };
    const pages = [];
    for (const formulas of request.pages) {
      output.clearCache(); // the style sheet below is this page's alone
      const results = [];
      for (const { tex, display } of formulas) {
        MathJax.texReset();
        try {
          const node = await MathJax.tex2chtmlPromise(tex, { display, ...metrics });
          const error = adaptor.tags(node, "mjx-merror")[0];
          if (error) throw new Error(adaptor.getAttribute(error, "data-mjx-error") || adaptor.textContent(error));
          results.push({ html: adaptor.outerHTML(node) });
        } catch (error) {
          results.push({ error: String(error.message || error) });
        }
      }
      const css = adaptor.textContent(output.styleSheet(MathJax.startup.document));
      pages.push({ css, formulas: results });
    }
    process.stdout.write(JSON.stringify({ mathjax: MathJax.version, pages }));
  })
  .catch((error) => {
    process.stderr.write(`MathJax failed to start: ${error.stack || error}\n`);
    process.exit(1);
  });

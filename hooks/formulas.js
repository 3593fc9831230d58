// Typeset the TeX formulas of pages with MathJax 3: SVG output with its assistive MathML, and
// the style sheet of that output. Run by hooks/formulas.py once per build, for the pages not
// yet cached:
//
//   node hooks/formulas.js < request.json > result.json
//
// request: {es5, pages: [[{tex, display}, ...], ...]}: es5 is MathJax's es5/ folder (from
// django-static-mathjax).
// result: {mathjax: version, pages: [{css, formulas: [{html} or {error}, ...]}, ...]}, in the
// request's order. A page's css is the style sheet MathJax's SVG output puts in a page (the
// same for every page: the glyphs are paths in each formula, no font is loaded).
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
      // The components the pages loaded in the browser before issue 14 (mathjax-config.js), but
      // SVG output instead of CHTML: CHTML needs MathJax's web fonts, which on a phone's network
      // came late (largest paint after 2.5 s) and moved the text when they arrived
      load: ["adaptors/liteDOM", "input/tex", "output/svg", "a11y/assistive-mml"],
    },
    tex: {
      // input/tex's packages (autoload fetches the others on first use), without
      // noundefined: an unknown macro is an error, not red text in the page
      packages: { "[-]": ["noundefined"] },
      formatError: fail,
    },
    // Each glyph a <path> where it is used: no shared <defs> and <use> elements, whose copies the
    // browser must style and lay out one by one; gzip takes the repeated paths out of the bytes.
    // Sizes are in ex of the text around a formula, so its x-height matches the reader's font
    // (what matchFontHeight did for CHTML in the browser): no scale to set.
    svg: { fontCache: "none" },
    // Characters MathJax has no glyph for (the Japanese words in a few formulas) are <text> in the
    // page's serif font at 88.4% (MathJax's x-height over a usual font's); the build cannot
    // measure them, so each is placed as wide as a Japanese character at that size is
    liteAdaptor: { cjkCharWidth: 0.884 },
    startup: { typeset: false },
  })
  .then(async (MathJax) => {
    const adaptor = MathJax.startup.adaptor;
    const output = MathJax.startup.output;
    // What the browser measured; SVG output uses only the line width, for long formulas
    const metrics = { em: 16, ex: 8, containerWidth: 1280, scale: 1 };
    const pages = [];
    for (const formulas of request.pages) {
      const results = [];
      for (const { tex, display } of formulas) {
        MathJax.texReset();
        try {
          const node = await MathJax.tex2svgPromise(tex, { display, ...metrics });
          const html = adaptor.outerHTML(node);
          if (html.includes('data-mml-node="merror"')) {
            throw new Error((/data-mjx-error="([^"]*)"/.exec(html) || [, "MathJax error"])[1]);
          }
          results.push({ html });
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

// The colour scheme toggle in the header, as Material's palette component works, minus what
// restyled every page when it started (hooks/theme_startup.py takes the form from Material):
// Material added a <meta name="color-scheme"> and then set it, and Chromium restyles the whole
// page for each; here the meta is written only when the scheme needs it (dark), and transitions
// are turned off only while a reader switches.
(() => {
  const form = document.querySelector("form[data-palette]");
  if (!form) return;
  const inputs = [...form.querySelectorAll("input")];
  const root = document.documentElement;
  const SWITCHING = "md-reader-switching"; // Material's no-transition rule hangs on it (hooks/theme_startup.py)
  const metaNamed = (name) => document.head.querySelector(`meta[name="${name}"]`);
  const addMeta = (name) => document.head.appendChild(Object.assign(document.createElement("meta"), { name }));

  // The page's colours: the attributes Material's stylesheet reads, the visible toggle, the
  // choice kept for the next page (read there by Material's inline script before the body shows).
  // Material's rule turns transitions off under the class: the page changes colour at once.
  // (hooks/theme_startup.py sets the scheme before the page is drawn; this finds it set.)
  function apply(index) {
    const input = inputs[index];
    const color = {};
    for (const key of ["media", "scheme", "primary", "accent"]) color[key] = input.getAttribute(`data-md-color-${key}`);
    const changed = Object.keys(color).filter((key) => document.body.getAttribute(`data-md-color-${key}`) !== color[key]);
    // Only colours transition ("media" is for this script)
    const recolours = changed.some((key) => key !== "media");
    if (recolours) root.classList.add(SWITCHING);
    for (const key of changed) document.body.setAttribute(`data-md-color-${key}`, color[key]);
    inputs.forEach((other, i) => {
      const label = other.nextElementSibling;
      if (label instanceof HTMLElement && label.hidden !== (i !== index)) label.hidden = i !== index;
    });
    __md_set("__palette", { index, color });
    // Scrollbars and form controls follow the scheme; a light page needs no meta (the default).
    // Writing it restyles the page and runs colour transitions in Chromium, colours changed or not.
    const scheme = getComputedStyle(document.body).colorScheme;
    const meta = metaNamed("color-scheme");
    if (meta ? meta.content !== scheme : scheme !== "normal" && scheme !== "light") {
      root.classList.add(SWITCHING);
      (meta || addMeta("color-scheme")).content = scheme;
    }
    // Restyle now, under the class: a timer could fire before the browser restyles, and the
    // transitions would run then (they did, on a loaded machine)
    if (root.classList.contains(SWITCHING)) {
      getComputedStyle(document.body).colorScheme;
      root.classList.remove(SWITCHING);
    }
  }

  // The browser's toolbar takes the header's colour, once the page is drawn
  function themeColor() {
    const header = document.querySelector("[data-md-component=header]");
    const rgb = getComputedStyle(header).backgroundColor.match(/\d+/g).slice(0, 3);
    (metaNamed("theme-color") || addMeta("theme-color")).content =
      "#" + rgb.map((value) => (+value).toString(16).padStart(2, "0")).join("");
  }

  // The reader's earlier choice, else the scheme their system prefers
  const saved = __md_get("__palette");
  let current = saved ? saved.index : inputs.findIndex((input) => matchMedia(input.getAttribute("data-md-color-media")).matches);
  current = Math.max(0, Math.min(current, inputs.length - 1));
  apply(current);
  window.addEventListener("load", themeColor);

  // Each toggle is the label of the next scheme's radio button
  form.addEventListener("change", (event) => {
    current = inputs.indexOf(event.target);
    apply(current);
    themeColor();
  });
  // Enter on the focused toggle switches too, as in Material
  form.addEventListener("keydown", (event) => {
    if (event.key !== "Enter") return;
    const next = inputs[(current + 1) % inputs.length];
    next.click();
    next.focus();
  });
})();

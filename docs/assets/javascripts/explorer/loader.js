// Loads the function explorer (functions.js, then explorer.js; data-src, set by
// hooks/explorer.py) only when a reader scrolls within a screen of it, after the page's text.
(() => {
  const sources = document.currentScript.dataset.src.split(" ");
  const boxes = document.querySelectorAll("div.explorer[data-explorer]");
  const load = () =>
    sources.reduce(
      (previous, src) =>
        previous.then(
          () =>
            new Promise((resolve, reject) => {
              const script = document.createElement("script");
              script.src = src;
              script.onload = resolve;
              script.onerror = () => reject(new Error(`explorer script not loaded from ${src}`));
              document.head.appendChild(script);
            }),
        ),
      Promise.resolve(),
    );
  const observer = new IntersectionObserver(
    (entries) => {
      if (entries.some((entry) => entry.isIntersecting)) {
        observer.disconnect();
        load();
      }
    },
    { rootMargin: "100% 0px" },
  );
  boxes.forEach((box) => observer.observe(box));
})();

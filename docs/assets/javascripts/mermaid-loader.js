// Stands in for Mermaid (2.5 MB) until a diagram comes near the viewport.
// Material calls mermaid.initialize() and mermaid.render() for every diagram as
// soon as the page loads; here both wait, and the real library is loaded (from
// this site: data-src, set by hooks/mermaid.py) only when a reader scrolls
// within a screen of a diagram. Readers who never get there never download it.
(() => {
  const src = document.currentScript.dataset.src;
  let options;
  let loaded;
  const near = new Promise((resolve) => {
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) {
          observer.disconnect();
          resolve();
        }
      },
      { rootMargin: "100% 0px" },
    );
    document.querySelectorAll("pre.mermaid").forEach((diagram) => observer.observe(diagram));
  });
  const load = () =>
    (loaded ??= new Promise((resolve, reject) => {
      const script = document.createElement("script");
      script.src = src;
      script.onload = () => {
        window.mermaid.initialize(options); // the real library has replaced this stand-in
        resolve(window.mermaid);
      };
      script.onerror = () => reject(new Error(`Mermaid not loaded from ${src}`));
      document.head.appendChild(script);
    }));
  window.mermaid = {
    initialize: (given) => {
      options = given;
    },
    render: async (id, text) => {
      await near;
      return (await load()).render(id, text);
    },
  };
})();

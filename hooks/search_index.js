// Holds Material's request for the search index until the page has loaded, or until the
// reader reaches for the page (a key, a tap, a click, focus), whichever comes first, so
// that its download does not compete with the page's own first paint (issue 14).
// Material's bundle sends it with XMLHttpRequest while the bundle runs: hooks/search_index.py
// writes this script into each page right before the bundle. Only that request is held.
(() => {
  const INDEX = /\/search\/search_index\.json$/;
  const { open, send } = XMLHttpRequest.prototype;
  const index = new WeakSet();
  const held = [];
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    for (const [request, args] of held.splice(0)) send.apply(request, args);
  };
  XMLHttpRequest.prototype.open = function (method, url, ...rest) {
    if (INDEX.test(new URL(url, document.baseURI).pathname)) index.add(this);
    else index.delete(this);
    return open.call(this, method, url, ...rest);
  };
  XMLHttpRequest.prototype.send = function (...args) {
    if (!released && index.has(this)) held.push([this, args]);
    else send.apply(this, args);
  };
  // Material opens search on a click or tap, and on "/", "s" and "f" from anywhere
  for (const type of ["keydown", "pointerdown", "focusin"]) {
    addEventListener(type, release, { capture: true, once: true });
  }
  // Safari has no requestIdleCallback
  const idle = window.requestIdleCallback ?? ((callback) => setTimeout(callback, 1));
  const loaded = () => idle(release, { timeout: 1000 });
  if (document.readyState === "complete") loaded();
  else addEventListener("load", loaded, { once: true });
})();

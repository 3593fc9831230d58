// The function explorer: f and f' of the page's function, redrawn as the reader moves its
// parameters, pans and zooms; a point with its tangent and readout; shading where f' is 0
// (dead) or below 1% of its largest value in view (saturated). Settings come from the page
// (data-explorer, written by hooks/explorer.py from functions.toml); the math from
// functions.js. The view is kept in the URL's query (?alpha=0.2&xmin=-4&xmax=4&x=1), so a
// link shows the same view. Softmax gets logits, a temperature and bars instead.
(() => {
  "use strict";
  const SVG = "http://www.w3.org/2000/svg";
  const C0 = "#1f77b4"; // matplotlib's first two colours, as the build-time figure
  const C1 = "#ff7f0e";
  const SAMPLES = 600;
  const { functions: F, softmax } = window.ActivationFunctions;

  const style = document.createElement("style");
  style.textContent = `
.explorer{margin:1em 0;padding:.6em .8em;border:1px solid var(--md-default-fg-color--lightest);border-radius:.2rem}
.explorer__help{font-size:.75rem;margin:0 0 .4em;color:var(--md-default-fg-color--light)}
.explorer__controls{display:flex;flex-wrap:wrap;gap:.4em 1em;align-items:center;font-size:.75rem}
.explorer__controls label{display:inline-flex;gap:.3em;align-items:center}
.explorer input[type=number]{width:6.5em;font:inherit;color:var(--md-default-fg-color);background:var(--md-default-bg-color);border:1px solid var(--md-default-fg-color--light);border-radius:.1rem;padding:.1em .2em}
.explorer select,.explorer button{font:inherit;color:var(--md-default-fg-color);background:var(--md-default-bg-color);border:1px solid var(--md-default-fg-color--light);border-radius:.1rem;padding:.1em .4em}
.explorer input[type=range]{width:9em;accent-color:var(--md-primary-fg-color)}
.explorer [aria-invalid=true]{outline:2px solid #d32f2f}
.explorer svg{display:block;width:100%;touch-action:none;user-select:none;cursor:grab;margin:.4em 0}
.explorer svg:focus-visible{outline:2px solid var(--md-accent-fg-color)}
.explorer text{fill:var(--md-default-fg-color);font-size:12px;font-family:var(--md-text-font-family,sans-serif)}
.explorer .grid{stroke:var(--md-default-fg-color--lightest)}
.explorer .axis{stroke:var(--md-default-fg-color--light)}
.explorer .dead{fill:#d32f2f;opacity:.16}
.explorer .saturated{fill:#9e9e9e;opacity:.22}
.explorer__readout{font-family:var(--md-code-font-family,monospace);font-size:.75rem;margin:.2em 0;min-height:1.5em}
/* as specific as Material's .md-typeset ul:not([hidden]) {display:flow-root}, and more */
.md-typeset .explorer__legend:not([hidden]){display:flex;flex-wrap:wrap;gap:.3em 1.2em;font-size:.7rem;margin:0!important;padding:0;list-style:none}
.explorer__legend li{display:inline-flex;gap:.3em;align-items:center;margin:0!important}
.explorer__swatch{display:inline-block;flex:none;width:1.6em;height:.8em;margin-right:.3em}
.explorer__bars{display:grid;grid-template-columns:auto 1fr auto;gap:.3em .6em;align-items:center;font-size:.75rem}
.explorer__bar{height:1em;background:${C0};min-width:1px}`;
  document.head.appendChild(style);

  const el = (tag, attributes = {}, parent = null, ns = null) => {
    const node = ns ? document.createElementNS(ns, tag) : document.createElement(tag);
    for (const [k, v] of Object.entries(attributes)) node.setAttribute(k, v);
    if (parent) parent.appendChild(node);
    return node;
  };
  const fmt = (v) => {
    if (!Number.isFinite(v)) return String(v);
    if (v === 0) return "0";
    const a = Math.abs(v);
    return a >= 1e5 || a < 1e-4 ? v.toExponential(4) : String(Number(v.toPrecision(6)));
  };
  const query = new URLSearchParams(location.search);
  // The URL follows after the reader pauses (150 ms): replaceState costs more than a redraw
  const pending = {};
  let timer = 0;
  const writeQuery = (entries) => {
    Object.assign(pending, entries);
    clearTimeout(timer);
    timer = setTimeout(() => {
      const q = new URLSearchParams(location.search);
      for (const [k, v] of Object.entries(pending)) q.set(k, v);
      history.replaceState(null, "", `${location.pathname}?${q}${location.hash}`);
    }, 150);
  };
  let uid = 0;

  // --- one explorer per box ---------------------------------------------------------
  const explore = (box, settings) => {
    const T = settings.text;
    const id = `explorer-${++uid}`;
    const fn = F[settings.name];
    box.setAttribute("role", "group");
    box.setAttribute("aria-label", T.region);
    el("p", { class: "explorer__help", id: `${id}-help` }, box).textContent = T.help;
    const controls = el("div", { class: "explorer__controls" }, box);
    const params = {};
    const inputs = {};

    const valid = (p, v) => {
      if (!Number.isFinite(v)) return false;
      if (p.min !== null && (p.minClosed ? v < p.min : v <= p.min)) return false;
      if (p.max !== null && (p.maxClosed ? v > p.max : v >= p.max)) return false;
      return true;
    };
    const bounds = (p) =>
      `${p.minClosed ? "[" : "("}${p.min ?? "-∞"}, ${p.max ?? "∞"}${p.maxClosed ? "]" : ")"}`;

    for (const p of settings.params) {
      const fromUrl = query.get(p.name);
      if (p.choices) {
        const label = el("label", {}, controls);
        label.append(`${p.label} `);
        const select = el("select", { name: p.name }, label);
        p.choices.forEach((choice, i) => {
          const option = el("option", { value: String(i) }, select);
          option.textContent = typeof choice === "string" ? `"${choice}"` : choice ? "True" : "False";
        });
        let index = p.choices.findIndex((c) => String(c) === fromUrl);
        if (index < 0) index = p.choices.findIndex((c) => c === p.default);
        select.value = String(index);
        params[p.name] = p.choices[index];
        select.addEventListener("input", () => {
          params[p.name] = p.choices[Number(select.value)];
          writeQuery({ [p.name]: String(params[p.name]) });
          draw();
        });
        inputs[p.name] = select;
        continue;
      }
      const label = el("label", { for: `${id}-${p.name}` }, controls);
      label.textContent = p.label;
      const step = (p.sliderMax - p.sliderMin) / 200;
      const slider = el("input", { type: "range", id: `${id}-${p.name}`, min: p.sliderMin, max: p.sliderMax,
        step: String(step) }, controls);
      const number = el("input", { type: "number", step: "any", "aria-label": `${p.label} (${bounds(p)})`,
        name: p.name }, controls);
      if (p.min !== null) number.min = p.min;
      if (p.max !== null) number.max = p.max;
      let value = fromUrl === null ? p.default : Number(fromUrl);
      if (!valid(p, value)) value = p.default;
      params[p.name] = value;
      slider.value = String(value);
      number.value = String(value);
      const set = (v, source) => {
        const ok = valid(p, v) && (p.name !== "max_val" || v > params.min_val) && (p.name !== "min_val" || v < params.max_val);
        number.setAttribute("aria-invalid", String(!ok));
        number.title = ok ? "" : T.invalid.replace("{why}", bounds(p));
        if (!ok) return;
        params[p.name] = v;
        if (source !== slider) slider.value = String(v);
        if (source !== number) number.value = String(Number(v.toPrecision(12)));
        writeQuery({ [p.name]: String(v) });
        draw();
      };
      slider.addEventListener("input", () => set(Number(slider.value), slider));
      number.addEventListener("input", () => number.value !== "" && set(Number(number.value), number));
      inputs[p.name] = number;
    }

    // x-range and point
    const num = (q, fallback) => (Number.isFinite(Number(q)) && q !== null && q !== "" ? Number(q) : fallback);
    const view = { min: num(query.get("xmin"), -5), max: num(query.get("xmax"), 5) };
    if (!(view.min < view.max)) Object.assign(view, { min: -5, max: 5 });
    let point = num(query.get("x"), 1);
    const rangeInputs = ["xmin", "xmax"].map((key) => {
      const label = el("label", {}, controls);
      label.append(T[key] + " ");
      const input = el("input", { type: "number", step: "any", name: key }, label);
      input.addEventListener("change", () => {
        const a = Number(rangeInputs[0].value);
        const b = Number(rangeInputs[1].value);
        const ok = Number.isFinite(a) && Number.isFinite(b) && a < b;
        rangeInputs.forEach((i) => i.setAttribute("aria-invalid", String(!ok)));
        if (ok) setView(a, b);
      });
      return input;
    });
    const reset = el("button", { type: "button" }, controls);
    reset.textContent = T.reset;
    reset.addEventListener("click", () => setView(-5, 5));

    const svg = el("svg", { role: "slider", tabindex: "0", "aria-label": T.point,
      "aria-describedby": `${id}-help`, "aria-orientation": "horizontal" }, box, SVG);
    const clip = el("clipPath", { id: `${id}-clip` }, el("defs", {}, svg, SVG), SVG);
    const clipRect = el("rect", {}, clip, SVG);
    const gridLayer = el("g", {}, svg, SVG);
    const shade = el("g", { "clip-path": `url(#${id}-clip)` }, svg, SVG);
    const plot = el("g", { "clip-path": `url(#${id}-clip)` }, svg, SVG);
    const pathF = el("path", { fill: "none", stroke: C0, "stroke-width": 2 }, plot, SVG);
    const pathDf = el("path", { fill: "none", stroke: C1, "stroke-width": 2, "stroke-dasharray": "6 4" }, plot, SVG);
    const tangent = el("line", { stroke: "var(--md-default-fg-color--light)", "stroke-width": 1.2,
      "stroke-dasharray": "2 3" }, plot, SVG);
    const dotF = el("circle", { r: 4.5, fill: C0 }, plot, SVG);
    const dotDf = el("circle", { r: 4, fill: C1 }, plot, SVG);
    const readout = el("p", { class: "explorer__readout" }, box);
    const legend = el("ul", { class: "explorer__legend" }, box);
    const entries = [
      [`${settings.name}(x)`, `background:linear-gradient(${C0},${C0}) center/100% 2px no-repeat`],
      [`${settings.name}'(x)`, `background:repeating-linear-gradient(90deg,${C1} 0 6px,transparent 6px 10px) center/100% 2px no-repeat`],
      [T.tangent, "border-top:2px dotted var(--md-default-fg-color--light);height:0"],
      [T.dead, "background:#d32f2f;opacity:.35"],
      [T.saturated, "background:#9e9e9e;opacity:.45"],
    ];
    for (const [text, css] of entries) {
      const li = el("li", {}, legend);
      el("span", { class: "explorer__swatch", style: css, "aria-hidden": "true" }, li);
      li.append(text);
    }

    let W = 640;
    let H = 360;
    const M = { l: 46, r: 10, t: 10, b: 24 };
    let ys = { min: -1, max: 1 };
    const sx = (x) => M.l + ((x - view.min) / (view.max - view.min)) * (W - M.l - M.r);
    const sy = (y) => H - M.b - ((y - ys.min) / (ys.max - ys.min)) * (H - M.t - M.b);
    const xAt = (px) => view.min + ((px - M.l) / (W - M.l - M.r)) * (view.max - view.min);
    const ticks = (lo, hi, n) => {
      const raw = (hi - lo) / n;
      const mag = 10 ** Math.floor(Math.log10(raw));
      const step = [1, 2, 5, 10].map((m) => m * mag).find((s) => s >= raw) || raw;
      const out = [];
      for (let t = Math.ceil(lo / step) * step; t <= hi + step * 1e-9; t += step) out.push(Math.abs(t) < step * 1e-9 ? 0 : t);
      return out;
    };
    const xs = new Float64Array(SAMPLES + 1);
    const fs = new Float64Array(SAMPLES + 1);
    const ds = new Float64Array(SAMPLES + 1);

    const draw = () => {
      const t0 = performance.now();
      W = Math.max(280, svg.clientWidth || box.clientWidth || 640);
      H = Math.round(Math.min(400, Math.max(240, W * 0.56)));
      svg.setAttribute("viewBox", `0 0 ${W} ${H}`);
      svg.setAttribute("height", H);
      clipRect.setAttribute("x", M.l);
      clipRect.setAttribute("y", M.t);
      clipRect.setAttribute("width", W - M.l - M.r);
      clipRect.setAttribute("height", H - M.t - M.b);
      let lo = Infinity;
      let hi = -Infinity;
      let dmax = 0;
      for (let i = 0; i <= SAMPLES; i++) {
        const x = view.min + ((view.max - view.min) * i) / SAMPLES;
        xs[i] = x;
        fs[i] = fn.f(x, params);
        ds[i] = fn.df(x, params);
        for (const v of [fs[i], ds[i]]) {
          if (Number.isFinite(v)) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
          }
        }
        if (Number.isFinite(ds[i])) dmax = Math.max(dmax, Math.abs(ds[i]));
      }
      if (!(lo < hi)) {
        lo = (Number.isFinite(lo) ? lo : 0) - 1;
        hi = lo + 2;
      }
      const pad = (hi - lo) * 0.08;
      ys = { min: lo - pad, max: hi + pad };
      // grid, axes and tick labels
      const parts = [];
      for (const t of ticks(view.min, view.max, W / 90)) {
        parts.push(`<line class="grid" x1="${sx(t)}" x2="${sx(t)}" y1="${M.t}" y2="${H - M.b}"/>`,
          `<text x="${sx(t)}" y="${H - 6}" text-anchor="middle">${fmt(t)}</text>`);
      }
      for (const t of ticks(ys.min, ys.max, H / 60)) {
        parts.push(`<line class="grid" x1="${M.l}" x2="${W - M.r}" y1="${sy(t)}" y2="${sy(t)}"/>`,
          `<text x="${M.l - 4}" y="${sy(t) + 4}" text-anchor="end">${fmt(t)}</text>`);
      }
      if (view.min < 0 && view.max > 0) parts.push(`<line class="axis" x1="${sx(0)}" x2="${sx(0)}" y1="${M.t}" y2="${H - M.b}"/>`);
      if (ys.min < 0 && ys.max > 0) parts.push(`<line class="axis" x1="${M.l}" x2="${W - M.r}" y1="${sy(0)}" y2="${sy(0)}"/>`);
      gridLayer.innerHTML = parts.join("");
      // dead and saturated runs
      const runs = [];
      const kind = (d) => (d === 0 ? "dead" : Math.abs(d) < 0.01 * dmax ? "saturated" : "");
      let start = 0;
      for (let i = 1; i <= SAMPLES + 1; i++) {
        if (i > SAMPLES || kind(ds[i]) !== kind(ds[start])) {
          const k = kind(ds[start]);
          if (k) {
            const a = sx(start === 0 ? xs[0] : (xs[start - 1] + xs[start]) / 2);
            const b = sx(i > SAMPLES ? xs[SAMPLES] : (xs[i - 1] + xs[i]) / 2);
            runs.push(`<rect class="${k}" x="${a}" y="${M.t}" width="${b - a}" height="${H - M.t - M.b}"/>`);
          }
          start = i;
        }
      }
      shade.innerHTML = runs.join("");
      const path = (values) => {
        let d = "";
        let pen = "M";
        for (let i = 0; i <= SAMPLES; i++) {
          if (!Number.isFinite(values[i])) {
            pen = "M";
            continue;
          }
          d += `${pen}${sx(xs[i]).toFixed(1)} ${sy(values[i]).toFixed(1)}`;
          pen = "L";
        }
        return d;
      };
      pathF.setAttribute("d", path(fs));
      pathDf.setAttribute("d", path(ds));
      rangeInputs[0].value = String(Number(view.min.toPrecision(8)));
      rangeInputs[1].value = String(Number(view.max.toPrecision(8)));
      drawPoint();
      performance.measure("explorer-draw", { start: t0 });
    };

    const drawPoint = () => {
      const y = fn.f(point, params);
      const d = fn.df(point, params);
      const visible = point >= view.min && point <= view.max;
      for (const [dot, v] of [[dotF, y], [dotDf, d]]) {
        dot.setAttribute("cx", sx(point));
        dot.setAttribute("cy", Number.isFinite(v) ? sy(v) : -100);
        dot.style.display = visible ? "" : "none";
      }
      // The tangent ends where it leaves the plot: clipped or not, its box would cover the
      // readout below, and axe could then not tell the readout's contrast
      let [x1, x2] = [view.min, view.max];
      if (d !== 0) {
        const [xa, xb] = [point + (ys.min - y) / d, point + (ys.max - y) / d];
        [x1, x2] = [Math.max(x1, Math.min(xa, xb)), Math.min(x2, Math.max(xa, xb))];
      }
      tangent.style.display = x1 < x2 ? "" : "none";
      tangent.setAttribute("x1", sx(x1));
      tangent.setAttribute("x2", sx(x2));
      tangent.setAttribute("y1", sy(y + d * (x1 - point)));
      tangent.setAttribute("y2", sy(y + d * (x2 - point)));
      const text = `x = ${fmt(point)}, ${settings.name}(x) = ${fmt(y)}, ${settings.name}'(x) = ${fmt(d)}`;
      readout.textContent = text;
      svg.setAttribute("aria-valuenow", String(point));
      svg.setAttribute("aria-valuemin", String(view.min));
      svg.setAttribute("aria-valuemax", String(view.max));
      svg.setAttribute("aria-valuetext", text);
    };

    const setView = (a, b) => {
      view.min = a;
      view.max = b;
      writeQuery({ xmin: fmt(a), xmax: fmt(b) });
      draw();
    };
    const setPoint = (x) => {
      point = x;
      writeQuery({ x: fmt(x) });
      drawPoint();
    };
    const zoom = (factor, around) => {
      const a = around - (around - view.min) * factor;
      const b = around + (view.max - around) * factor;
      if (b - a > 1e-9 && b - a < 1e7) setView(a, b);
    };
    const pixel = (event) => {
      const box = svg.getBoundingClientRect();
      return ((event.clientX - box.left) / box.width) * W;
    };
    let drag = null;
    svg.addEventListener("pointerdown", (event) => {
      drag = { px: pixel(event), min: view.min, max: view.max };
      svg.setPointerCapture(event.pointerId);
      svg.style.cursor = "grabbing";
    });
    svg.addEventListener("pointermove", (event) => {
      if (drag) {
        const shift = ((pixel(event) - drag.px) / (W - M.l - M.r)) * (drag.max - drag.min);
        if (shift !== 0) setView(drag.min - shift, drag.max - shift);
      } else {
        setPoint(xAt(pixel(event)));
      }
    });
    const stop = () => {
      drag = null;
      svg.style.cursor = "";
    };
    svg.addEventListener("pointerup", stop);
    svg.addEventListener("pointercancel", stop);
    svg.addEventListener("wheel", (event) => {
      event.preventDefault();
      zoom(Math.exp(Math.sign(event.deltaY) * Math.min(Math.abs(event.deltaY), 300) / 500), xAt(pixel(event)));
    }, { passive: false });
    svg.addEventListener("keydown", (event) => {
      const width = view.max - view.min;
      const moves = { ArrowRight: width / 100, ArrowUp: width / 100, ArrowLeft: -width / 100,
        ArrowDown: -width / 100, PageUp: width / 10, PageDown: -width / 10 };
      if (event.key in moves) setPoint(Math.min(view.max, Math.max(view.min, point + moves[event.key])));
      else if (event.key === "Home") setPoint(view.min);
      else if (event.key === "End") setPoint(view.max);
      else if (event.key === "+" || event.key === "=") zoom(1 / 1.25, point);
      else if (event.key === "-") zoom(1.25, point);
      else return;
      event.preventDefault();
    });
    new ResizeObserver(() => draw()).observe(box);
    draw();
  };

  // --- softmax: logits, a temperature, probabilities as bars -----------------------
  const exploreSoftmax = (box, settings) => {
    const T = settings.text;
    const id = `explorer-${++uid}`;
    box.setAttribute("role", "group");
    box.setAttribute("aria-label", T.region);
    const fromUrl = (query.get("logits") || "").split(",").map(Number);
    const logits = fromUrl.length >= 2 && fromUrl.length <= 8 && fromUrl.every(Number.isFinite)
      ? fromUrl : [2, 1, 0.1, -1];
    let temperature = Number(query.get("T"));
    if (!(temperature > 0 && Number.isFinite(temperature))) temperature = 1;
    const fieldset = el("fieldset", { class: "explorer__controls" }, box);
    el("legend", {}, fieldset).textContent = T.logits;
    const inputs = logits.map((v, i) => {
      const label = el("label", {}, fieldset);
      label.append(T.logit.replace("{i}", i + 1) + " ");
      const input = el("input", { type: "number", step: "0.1", value: String(v), name: `logit${i + 1}` }, label);
      input.addEventListener("input", () => {
        const x = Number(input.value);
        const ok = input.value !== "" && Number.isFinite(x);
        input.setAttribute("aria-invalid", String(!ok));
        if (!ok) return;
        logits[i] = x;
        update();
      });
      return input;
    });
    const controls = el("div", { class: "explorer__controls" }, box);
    el("label", { for: `${id}-t` }, controls).textContent = T.temperature;
    const slider = el("input", { type: "range", id: `${id}-t`, min: "0.05", max: "5", step: "0.05",
      value: String(temperature) }, controls);
    const number = el("input", { type: "number", min: "0", step: "any", value: String(temperature),
      "aria-label": `${T.temperature} (0, ∞)`, name: "T" }, controls);
    const set = (v, source) => {
      const ok = v > 0 && Number.isFinite(v);
      number.setAttribute("aria-invalid", String(!ok));
      if (!ok) return;
      temperature = v;
      if (source !== slider) slider.value = String(v);
      if (source !== number) number.value = String(v);
      update();
    };
    slider.addEventListener("input", () => set(Number(slider.value), slider));
    number.addEventListener("input", () => number.value !== "" && set(Number(number.value), number));
    el("p", { class: "explorer__help" }, box).textContent = T.probabilities;
    const bars = el("div", { class: "explorer__bars" }, box);
    const rows = logits.map((_, i) => {
      el("span", {}, bars).textContent = `p${i + 1}`;
      const bar = el("div", { class: "explorer__bar", role: "presentation" }, el("div", {}, bars));
      const value = el("span", { class: "explorer__readout" }, bars);
      return { bar, value };
    });
    const update = (write = true) => {
      const t0 = performance.now();
      const p = softmax(logits.map((x) => x / temperature));
      p.forEach((v, i) => {
        rows[i].bar.style.width = `${(v * 100).toFixed(2)}%`;
        rows[i].value.textContent = v.toFixed(4);
      });
      if (write) writeQuery({ logits: logits.join(","), T: String(temperature) });
      performance.measure("explorer-draw", { start: t0 });
    };
    update(false);
    void inputs;
  };

  document.querySelectorAll("div.explorer[data-explorer]").forEach((box) => {
    const settings = JSON.parse(box.dataset.explorer);
    (settings.vector ? exploreSoftmax : explore)(box, settings);
  });
})();

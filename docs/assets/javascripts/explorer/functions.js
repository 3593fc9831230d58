// The activation functions and their derivatives, in JavaScript, for the explorer on each
// function page (explorer.js). Each is written in the same numerically safe form as its
// Python snippet (snippets/<name>.py), step for step, and gives the same value at the kinks;
// tests/test_explorer_math.py holds every function and parameter setting to the snippets at
// 1e-12 relative in Chromium. A classic script without dependencies: it sets
// window.ActivationFunctions = {name: {f(x, p), df(x, p)}}, p = the registry's parameters.
(() => {
  "use strict";
  const MAX = Number.MAX_VALUE;
  const clip = (x, lo, hi) => (x < lo ? lo : x > hi ? hi : x); // NaN stays NaN
  const max0 = (x) => (x > 0 || Number.isNaN(x) ? x : 0); // np.maximum(x, 0.0)
  const min0 = (x) => (x < 0 || Number.isNaN(x) ? x : 0); // np.minimum(x, 0.0)
  const copysign = (y, x) => ((x < 0 || Object.is(x, -0)) === (y < 0 || Object.is(y, -0)) ? y : -y);
  const sigmoid = (z) => 1 / (Math.exp(-z) + 1); // exp(-z) = inf gives 0: the right limit
  const keepNaN = (x, value) => (Number.isNaN(x) ? x : value);
  // np.logaddexp(0, x): log(1 + e^x) without overflow
  const logaddexp0 = (x) => {
    if (x === 0) return Math.LN2;
    const tmp = 0 - x;
    if (tmp > 0) return Math.log1p(Math.exp(x));
    if (tmp <= 0) return x + Math.log1p(Math.exp(-x));
    return NaN;
  };

  // erfc(x), W. J. Cody's rational approximations (Math. Comp. 23, 1969; as in his CALERF):
  // relative error near float64 rounding over the whole line, the far tail included.
  // exp(-y^2) is taken as exp(-h^2) exp(-(y - h)(y + h)), h = y rounded down to 1/16,
  // so the rounding of y^2 (which grows with y) does not reach the result.
  const A = [3.1611237438705656, 113.864154151050156, 377.485237685302021, 3209.37758913846947,
    0.185777706184603153];
  const B = [23.6012909523441209, 244.024637934444173, 1282.61652607737228, 2844.23683343917062];
  const C = [0.564188496988670089, 8.88314979438837594, 66.1191906371416295, 298.635138197400131,
    881.95222124176909, 1712.04761263407058, 2051.07837782607147, 1230.33935479799725,
    2.15311535474403846e-8];
  const D = [15.7449261107098347, 117.693950891312499, 537.181101862009858, 1621.38957456669019,
    3290.79923573345963, 4362.61909014324716, 3439.36767414372164, 1230.33935480374942];
  const P = [0.305326634961232344, 0.360344899949804439, 0.125781726111229246, 0.0160837851487422766,
    6.58749161529837803e-4, 0.0163153871373020978];
  const Q = [2.56852019228982242, 1.87295284992346047, 0.527905102951428412, 0.0605183413124413191,
    0.00233520497626869185];
  const SQRPI = 0.56418958354775628695; // 1 / sqrt(pi)
  const erfc = (x) => {
    if (Number.isNaN(x)) return x;
    const y = Math.abs(x);
    let result;
    if (y <= 0.46875) {
      const ysq = y > 1.11e-16 ? y * y : 0;
      let num = A[4] * ysq;
      let den = ysq;
      for (let i = 0; i < 3; i++) {
        num = (num + A[i]) * ysq;
        den = (den + B[i]) * ysq;
      }
      return 1 - (x * (num + A[3])) / (den + B[3]);
    }
    if (y <= 4) {
      let num = C[8] * y;
      let den = y;
      for (let i = 0; i < 7; i++) {
        num = (num + C[i]) * y;
        den = (den + D[i]) * y;
      }
      result = (num + C[7]) / (den + D[7]);
    } else if (y >= 27.3) {
      result = 0; // below the smallest float64
    } else {
      const ysq = 1 / (y * y);
      let num = P[5] * ysq;
      let den = ysq;
      for (let i = 0; i < 4; i++) {
        num = (num + P[i]) * ysq;
        den = (den + Q[i]) * ysq;
      }
      result = (ysq * (num + P[4])) / (den + Q[4]);
      result = (SQRPI - result) / y;
    }
    if (result !== 0) {
      const h = Math.trunc(y * 16) / 16;
      const del = (y - h) * (y + h);
      result = Math.exp(-h * h) * Math.exp(-del) * result;
    }
    return x < 0 ? 2 - result : result;
  };

  const SQRT_2_OVER_PI = 0.7978845608028654;
  const SQRT_2PI = Math.sqrt(2 * Math.PI);
  const SELU_ALPHA = 1.6732632423543772;
  const SELU_SCALE = 1.0507009873554805;
  const geluU = (x) => ((x * x * 0.044715 + 1) * x) * SQRT_2_OVER_PI;
  const tanhForm = (a) => a === true || a === "tanh";
  const softplus = (x) => Math.log1p(Math.exp(x)); // mish's own, as snippets/mish.py

  const F = {
    identity: { f: (x) => x, df: (x) => keepNaN(x, 1) },
    step: { f: (x) => keepNaN(x, x > 0 ? 1 : 0), df: (x) => keepNaN(x, 0) },
    sigmoid: {
      f: sigmoid,
      df: (z) => {
        const e = Math.exp(-Math.abs(z));
        const d = e + 1;
        return e / (d * d);
      },
    },
    tanh: {
      f: Math.tanh,
      df: (z) => {
        let e = Math.exp(-Math.abs(z));
        e *= e; // e^(-2|x|) as (e^-|x|)^2
        const d = e + 1;
        return (e * 4) / (d * d);
      },
    },
    softsign: {
      f: (x) => {
        const c = clip(x, -MAX, MAX);
        return c / (Math.abs(c) + 1);
      },
      df: (x) => {
        const r = 1 / (Math.abs(x) + 1);
        return r * r;
      },
    },
    log_sigmoid: { f: (x) => -logaddexp0(-x), df: (x) => 1 / (1 + Math.exp(x)) },
    hardtanh: {
      f: (x, p) => clip(x, p.min_val, p.max_val),
      df: (x, p) => keepNaN(x, x > p.min_val && x < p.max_val ? 1 : 0),
    },
    hard_sigmoid: {
      f: (x) => clip(x + 3, 0, 6) / 6,
      df: (x) => keepNaN(x, Math.abs(x) < 3 ? 1 / 6 : 0),
    },
    relu: { f: max0, df: (x) => keepNaN(x, x > 0 ? 1 : 0) },
    leaky_relu: {
      f: (x, p) => {
        if (p.alpha === 0) return max0(x);
        const y = x * p.alpha;
        return Number.isNaN(x) ? x : y > x ? y : x;
      },
      df: (x, p) => keepNaN(x, Math.max(Math.sign(x), p.alpha)),
    },
    prelu: {
      f: (x, p) => {
        if (x > 0) return x;
        if (p.alpha === 0 && x < 0) return 0;
        return p.alpha * x;
      },
      df: (x, p) => keepNaN(x, x > 0 ? 1 : p.alpha),
    },
    relu6: { f: (x) => clip(x, 0, 6), df: (x) => keepNaN(x, x > 0 && x < 6 ? 1 : 0) },
    elu: {
      f: (x, p) => copysign(Math.expm1(min0(x)) * p.alpha + max0(x), x),
      df: (x, p) => (x > 0 ? 1 : Math.exp(min0(x)) * p.alpha),
    },
    celu: {
      f: (x, p) => (x >= 0 ? x : Math.expm1(min0(x) / p.alpha) * p.alpha),
      df: (x, p) => (x > 0 ? 1 : Math.exp(min0(x) / p.alpha)),
    },
    selu: {
      f: (x) => copysign(Math.expm1(min0(x)) * SELU_ALPHA + max0(x), x) * SELU_SCALE,
      df: (x) => (x > 0 ? 1 : Math.exp(min0(x)) * SELU_ALPHA) * SELU_SCALE,
    },
    gelu: {
      f: (x, p) => {
        if (x === -Infinity) return 0;
        if (tanhForm(p.approximate)) return sigmoid(geluU(x) * 2) * x; // 0.5 (1 + tanh u) = sigmoid(2u)
        return erfc(x / -Math.SQRT2) * 0.5 * x;
      },
      df: (x, p) => {
        const c = clip(x, -1e4, 1e4); // beyond, the term with x is exactly 0
        if (tanhForm(p.approximate)) {
          const t = (c * c * (3 * 0.044715) + 1) * c * (2 * SQRT_2_OVER_PI); // 2x u'(x)
          const s = 0.5 / Math.cosh(geluU(x));
          return t * (s * s) + sigmoid(geluU(x) * 2);
        }
        const t = (Math.exp(c * c * -0.5) / SQRT_2PI) * c;
        return erfc(x / -Math.SQRT2) * 0.5 + t;
      },
    },
    silu: { f: (x) => (x === -Infinity ? 0 : sigmoid(x) * x), df: (x) => {
      const c = clip(x, -MAX, MAX);
      return (sigmoid(-c) * c + 1) * sigmoid(c);
    } },
    hard_swish: {
      f: (x) => ((clip(x, -3, 3) + 3) / 6) * (x > -3 || Number.isNaN(x) ? x : -3),
      df: (x) => (x <= -3 ? 0 : x >= 3 ? 1 : (clip(x, -3, 3) * 2 + 3) / 6),
    },
    softplus: { f: logaddexp0, df: sigmoid },
    mish: {
      f: (x) => (x === -Infinity ? 0 : Math.tanh(softplus(x)) * x),
      df: (x) => {
        const r = 1 / Math.cosh(softplus(x)); // sech^2 = 1 - tanh^2, without cancellation
        return r * r * sigmoid(x) * clip(x, -MAX, MAX) + Math.tanh(softplus(x));
      },
    },
  };

  // softmax of a vector, shifted by its largest entry (snippets/softmax.py)
  const softmax = (xs) => {
    const m = xs.reduce((a, b) => (b > a || Number.isNaN(b) ? b : a), -Infinity);
    const shift = m === -Infinity ? 0 : m;
    const e = xs.map((x) => Math.exp(x - shift));
    const sum = e.reduce((a, b) => a + b, 0);
    return e.map((v) => v / sum);
  };

  window.ActivationFunctions = { functions: F, softmax, erfc };
})();

// Deterministic benchmark data, identical in every system (bench/native/bench.cpp and
// bench/peers/torch_bench.py carry the same generator). Definitions: bench/WORKLOADS.md.

/** mulberry32(seed): returns next() → uniform float64 in [0, 1) from a uint32 state. */
export function mulberry32(seed) {
  let a = seed >>> 0;
  return function next() {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** uniform(seed, n, lo, hi)[i] = lo + (hi - lo) * next(), stored as float32. */
export function uniform(seed, n, lo = -1, hi = 1) {
  const next = mulberry32(seed);
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) out[i] = lo + (hi - lo) * next();
  return out;
}

/** W1: A = uniform(1, n*n), B = uniform(2, n*n), row-major [n, n]. */
export function w1Data(n) {
  return { A: uniform(1, n * n), B: uniform(2, n * n) };
}

/** W2: MLP 784 → 128 → 10, batch 64. Weights row-major [in, out]; scaling done in float64. */
export function w2Data() {
  const X = uniform(10, 64 * 784, 0, 1);
  const u = uniform(11, 64, 0, 1);
  const labels = Array.from(u, (v) => Math.min(9, Math.floor(10 * v)));
  const W1 = Float32Array.from(uniform(12, 784 * 128), (v) => v / Math.sqrt(784));
  const W2 = Float32Array.from(uniform(13, 128 * 10), (v) => v / Math.sqrt(128));
  return { X, labels, W1, b1: new Float32Array(128), W2, b2: new Float32Array(10) };
}

/** W3: x, w, b of 1e6 elements each. */
export function w3Data(n = 1000000) {
  return { x: uniform(20, n), w: uniform(21, n), b: uniform(22, n) };
}

/** W5: two moons (100 points; X [100, 2], y [100, 1] in ±1) and the parameters of 2→16→16→1. */
export function w5Data() {
  const r = uniform(30, 300, 0, 1);
  const X = new Float32Array(200);
  const y = new Float32Array(100);
  for (let i = 0; i < 100; i++) {
    const th = Math.PI * r[3 * i];
    const nx = 0.2 * (r[3 * i + 1] - 0.5);
    const ny = 0.2 * (r[3 * i + 2] - 0.5);
    if (i < 50) {
      X[2 * i] = Math.cos(th) + nx;
      X[2 * i + 1] = Math.sin(th) + ny;
      y[i] = 1;
    } else {
      X[2 * i] = 1 - Math.cos(th) + nx;
      X[2 * i + 1] = 0.5 - Math.sin(th) + ny;
      y[i] = -1;
    }
  }
  const p = uniform(31, 2 * 16 + 16 * 16 + 16, -1, 1);
  return {
    X,
    y,
    W1: p.slice(0, 32), // [2, 16]
    b1: new Float32Array(16),
    W2: p.slice(32, 288), // [16, 16]
    b2: new Float32Array(16),
    W3: p.slice(288, 304), // [16, 1]
    b3: new Float32Array(1),
  };
}

/** Sum in float64 (for printing check values of whole arrays). */
export function sum64(a) {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i];
  return s;
}

// float32 matmul in the wasm build (the SIMD128 kernel of engine/kernels/gemm_wasm.cpp, Eigen for
// matrix-vector shapes) against a float64 reference computed here: every size 1..70 in each
// dimension, a grid around the kernel's 2x16 tile and its 64/256/512 cache blocks, operands that
// are transposed, strided, expanded or sliced, batched matmul with broadcasting, and mm's backward.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { init } from '../../dist/index.js';

const tl = await init();

function mulberry32(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), seed | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rng = mulberry32(7);
const randomInt = (lo, hi) => lo + Math.floor(rng() * (hi - lo + 1));
const randomValues = (n) => Float32Array.from({ length: n }, () => rng() * 2 - 1);

// a (m, k) @ b (k, n), both dense row-major, in float64; bound = sum_p |a_ip b_pj|.
function reference(a, b, m, k, n) {
  const c = new Float64Array(m * n), bound = new Float64Array(m * n);
  for (let i = 0; i < m; i++)
    for (let p = 0; p < k; p++) {
      const x = a[i * k + p];
      for (let j = 0; j < n; j++) {
        const y = x * b[p * n + j];
        c[i * n + j] += y;
        bound[i * n + j] += Math.abs(y);
      }
    }
  return { c, bound };
}

// A float32 dot product of length k is within (k + 2) u sum|a_i b_i| of the exact value in any
// summation order (u = 2^-24): tight enough that a wrong or missing term fails it.
function checkProduct(got, a, b, m, k, n, what) {
  assert.equal(got.length, m * n, `${what}: ${got.length} values, expected ${m * n}`);
  const { c, bound } = reference(a, b, m, k, n);
  for (let i = 0; i < m * n; i++) {
    const tol = (k + 2) * 2 ** -24 * bound[i];
    if (!(Math.abs(got[i] - c[i]) <= tol))
      assert.fail(`${what}: C[${Math.floor(i / n)}][${i % n}] = ${got[i]}, expected ${c[i]} (tolerance ${tol})`);
  }
}

const transposeOf = (x, rows, cols) => {
  const t = new Float32Array(rows * cols);
  for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) t[j * rows + i] = x[i * cols + j];
  return t;
};

// A (rows, cols) tensor holding the dense row-major values x, stored in the given layout:
//   row     contiguous
//   col     transposed storage, .t() (column stride 1)
//   rowgap  rows further apart than cols (select of a (rows, 2, cols) tensor)
//   step    neither stride 1 (select of a (rows, cols, 3) tensor: column stride 3)
const layouts = ['row', 'col', 'rowgap', 'step'];
function stored(x, rows, cols, layout) {
  if (layout === 'row') return tl.tensor(x).reshape(rows, cols);
  if (layout === 'col') return tl.tensor(transposeOf(x, rows, cols)).reshape(cols, rows).t();
  if (layout === 'rowgap') {
    const s = randomValues(rows * 2 * cols);
    for (let i = 0; i < rows; i++) s.set(x.subarray(i * cols, (i + 1) * cols), (2 * i + 1) * cols);
    return tl.tensor(s).reshape(rows, 2, cols).select(1, 1);
  }
  const s = randomValues(rows * cols * 3);
  for (let i = 0; i < rows * cols; i++) s[3 * i + 1] = x[i];
  return tl.tensor(s).reshape(rows, cols, 3).select(2, 1);
}

function checkMm(m, k, n, la, lb) {
  const a = randomValues(m * k), b = randomValues(k * n);
  const got = tl.tidy(() => stored(a, m, k, la).mm(stored(b, k, n, lb)).data());
  checkProduct(got, a, b, m, k, n, `(${m}x${k} ${la}) @ (${k}x${n} ${lb})`);
}

test('mm: every size 1..70 in each dimension, the others random, layouts rotating', () => {
  let c = 0;
  for (let s = 1; s <= 70; s++) {
    const r = () => randomInt(1, 70);
    for (const [m, k, n] of [[s, r(), r()], [r(), s, r()], [r(), r(), s]]) {
      checkMm(m, k, n, layouts[c % 4], layouts[Math.floor(c / 4) % 4]);
      c++;
    }
  }
});

test('mm: a grid of sizes around the 2x16 tile edges, layouts rotating', () => {
  const sizes = [1, 2, 3, 5, 8, 15, 16, 17, 31, 33, 47, 64, 65, 70];
  let c = 0;
  for (const m of sizes)
    for (const k of sizes)
      for (const n of sizes) {
        checkMm(m, k, n, layouts[c % 4], layouts[Math.floor(c / 4) % 4]);
        c++;
      }
});

test('mm: sizes across the cache blocks (64 rows, 256 deep, 512 columns), every layout pair', () => {
  for (const [m, k, n] of [[130, 257, 33], [3, 600, 20], [70, 300, 530], [66, 513, 17]])
    for (const la of layouts) for (const lb of layouts) checkMm(m, k, n, la, lb);
});

test('mm: expanded operands (stride 0)', () => {
  for (const [m, k, n] of [[9, 20, 33], [64, 70, 16], [2, 1, 40]]) {
    const row = randomValues(k), col = randomValues(k), b = randomValues(k * n), a = randomValues(m * k);
    const aExp = new Float32Array(m * k), bExp = new Float32Array(k * n);
    for (let i = 0; i < m; i++) aExp.set(row, i * k);
    for (let p = 0; p < k; p++) bExp.fill(col[p], p * n, (p + 1) * n);
    const got1 = tl.tidy(() => tl.tensor(row).reshape(1, k).expand(m, k).mm(tl.tensor(b).reshape(k, n)).data());
    checkProduct(got1, aExp, b, m, k, n, `expanded rows (${m}x${k}) @ (${k}x${n})`);
    const got2 = tl.tidy(() => tl.tensor(a).reshape(m, k).mm(tl.tensor(col).reshape(k, 1).expand(k, n)).data());
    checkProduct(got2, a, bExp, m, k, n, `(${m}x${k}) @ expanded columns (${k}x${n})`);
  }
});

test('matmul: batched with broadcasting, transposed batches, folded batch, vectors', () => {
  // (2, 1, m, k) @ (3, k, n) -> (2, 3, m, n); b's batches stored transposed.
  const [m, k, n] = [19, 37, 21];
  const a = [0, 1].map(() => randomValues(m * k)), b = [0, 1, 2].map(() => randomValues(k * n));
  const got = tl.tidy(() => {
    const ta = tl.tensor(Float32Array.from(a.flatMap((x) => [...x]))).reshape(2, 1, m, k);
    const bt = Float32Array.from(b.flatMap((x) => [...transposeOf(x, k, n)]));
    return ta.matmul(tl.tensor(bt).reshape(3, n, k).transpose(1, 2)).data();
  });
  for (let i = 0; i < 2; i++)
    for (let j = 0; j < 3; j++)
      checkProduct(got.subarray((i * 3 + j) * m * n, (i * 3 + j + 1) * m * n), a[i], b[j], m, k, n, `batch [${i}, ${j}]`);

  // bmm of transposed views: (4, k, m)^T @ (4, k, n)
  const x = [0, 1, 2, 3].map(() => randomValues(m * k)), y = [0, 1, 2, 3].map(() => randomValues(k * n));
  const got2 = tl.tidy(() => {
    const xt = tl.tensor(Float32Array.from(x.flatMap((v) => [...transposeOf(v, m, k)]))).reshape(4, k, m);
    return xt.transpose(1, 2).bmm(tl.tensor(Float32Array.from(y.flatMap((v) => [...v]))).reshape(4, k, n)).data();
  });
  for (let i = 0; i < 4; i++) checkProduct(got2.subarray(i * m * n, (i + 1) * m * n), x[i], y[i], m, k, n, `bmm batch ${i}`);

  // (4, 5, k) @ (k, n): the batch folds into the rows of one mm.
  const f = randomValues(20 * k), w = randomValues(k * n);
  checkProduct(tl.tidy(() => tl.tensor(f).reshape(4, 5, k).matmul(tl.tensor(w).reshape(k, n)).data()), f, w, 20, k, n, 'folded');

  // Matrix @ vector and vector @ matrix.
  const v = randomValues(k);
  checkProduct(tl.tidy(() => tl.tensor(f).reshape(20, k).matmul(tl.tensor(v)).data()), f, v, 20, k, 1, 'matrix @ vector');
  checkProduct(tl.tidy(() => tl.tensor(v).matmul(tl.tensor(w).reshape(k, n)).data()), v, w, 1, k, n, 'vector @ matrix');
});

test('mm backward: grad_a = g @ b^T, grad_b = a^T @ g (the transposed products of training)', () => {
  for (const [m, k, n] of [[64, 78, 13], [33, 17, 70]]) {
    const a = randomValues(m * k), b = randomValues(k * n), g = randomValues(m * n);
    const [ga, gb] = tl.tidy(() => {
      const ta = tl.tensor(a, { requiresGrad: true }), tb = tl.tensor(b, { requiresGrad: true });
      ta.reshape(m, k).mm(tb.reshape(k, n)).mul(tl.tensor(g).reshape(m, n)).sum().backward();
      return [ta.grad.data(), tb.grad.data()];
    });
    checkProduct(ga, g, transposeOf(b, k, n), m, n, k, `grad_a of (${m}x${k}) @ (${k}x${n})`);
    checkProduct(gb, transposeOf(a, m, k), g, k, m, n, `grad_b of (${m}x${k}) @ (${k}x${n})`);
  }
});

test('mm of sliced views (with steps), through tl.run', () => {
  const src = [
    'import torch',
    'a = torch.sin(torch.arange(0., 70. * 80.).reshape(70, 80) * 0.37)',
    'b = torch.cos(torch.arange(0., 90. * 100.).reshape(90, 100) * 0.11)',
    'c = a[1::2, 3:48] @ b[5:50, ::3]',
    'd = a[::3, 1:70:2].t() @ b[:24, 7:40]',
    '',
  ].join('\n');
  const r = tl.run(src);
  assert.ok(r.tensors, JSON.stringify(r).slice(0, 300));
  const A = Float32Array.from(r.tensors.a.data), B = Float32Array.from(r.tensors.b.data);
  // x[r0:r1:rs, c0:c1:cs] of a (rows, cols) row-major matrix, dense.
  const slice = (x, cols, [r0, r1, rs], [c0, c1, cs]) => {
    const out = [];
    for (let i = r0; i < r1; i += rs) for (let j = c0; j < c1; j += cs) out.push(x[i * cols + j]);
    return Float32Array.from(out);
  };
  const as = slice(A, 80, [1, 70, 2], [3, 48, 1]), bs = slice(B, 100, [5, 50, 1], [0, 100, 3]);
  assert.deepEqual(r.tensors.c.shape, [35, 34]);
  checkProduct(Float32Array.from(r.tensors.c.data), as, bs, 35, 45, 34, 'a[1::2, 3:48] @ b[5:50, ::3]');
  const at = transposeOf(slice(A, 80, [0, 70, 3], [1, 70, 2]), 24, 35), bd = slice(B, 100, [0, 24, 1], [7, 40, 1]);
  assert.deepEqual(r.tensors.d.shape, [35, 33]);
  checkProduct(Float32Array.from(r.tensors.d.data), at, bd, 35, 24, 33, 'a[::3, 1:70:2].t() @ b[:24, 7:40]');
});

test('float64 mm (Eigen) is unchanged', () => {
  const [m, k, n] = [23, 40, 31];
  const a = Float64Array.from(randomValues(m * k)), b = Float64Array.from(randomValues(k * n));
  const got = tl.tidy(() => tl.tensor(a, { dtype: 'float64' }).reshape(m, k).mm(tl.tensor(b, { dtype: 'float64' }).reshape(k, n)).data());
  assert.ok(got instanceof Float64Array);
  const { c, bound } = reference(a, b, m, k, n);
  got.forEach((x, i) => assert.ok(Math.abs(x - c[i]) <= (k + 2) * 2 ** -53 * bound[i], `C[${i}] = ${x} vs ${c[i]}`));
});

// tensorlens wasm in Node, through the JS API (dist/index.js): W1–W5 of bench/WORKLOADS.md, and
// W4 also as a PyTorch-syntax script through tl.run (reported as "W4-run", parse included).
//   node bench/node/bench_wasm.mjs [--only W1,W4] [--target-ms 100] [--warmup 2] [--reps 7] ...
// Each iteration runs inside tl.tidy, which frees its temporaries. Memory (tl.memory()) is
// sampled after every timed repetition: heapBytes is the wasm memory size, which only grows, so
// its last sample is the workload's peak.
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import { w1Data, w2Data, w3Data, w5Data, sum64 } from '../common/data.mjs';
import { parseArgs, measure, runJobs, emitFailure } from '../common/protocol.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const system = 'wasm';
const opt = parseArgs();

// Float32Array [rows*cols] → rows of subarrays (tl.tensor takes nested arrays or a flat 1-D array).
const rows = (a, r, c) => Array.from({ length: r }, (_, i) => a.subarray(i * c, (i + 1) * c));

let tl;

// A memory tracker for one workload: peaks of tl.memory() over its repetitions.
function memTracker() {
  const m0 = tl.memory();
  const peak = { heapBytes: m0.heapBytes, tensorBytes: m0.tensorBytes };
  return {
    sample() {
      const m = tl.memory();
      peak.heapBytes = Math.max(peak.heapBytes, m.heapBytes);
      peak.tensorBytes = Math.max(peak.tensorBytes, m.tensorBytes);
    },
    report() {
      this.sample();
      const m = tl.memory();
      return {
        memory: {
          heapBytesStart: m0.heapBytes,
          heapBytesPeak: peak.heapBytes,
          tensorBytesPeak: peak.tensorBytes,
          liveTensorsDelta: m.liveTensors - m0.liveTensors,
          engineTensorsDelta: m.engineTensors - m0.engineTensors,
        },
      };
    },
  };
}

// d loss / d w without touching .grad (torch.autograd.grad); falls back to backward + .grad.
function gradOf(loss, w) {
  if (tl.autograd && typeof tl.autograd.grad === 'function') return tl.autograd.grad([loss], [w])[0];
  loss.backward();
  const g = w.grad;
  w.grad = null;
  return g;
}

// p -= lr * p.grad; p.grad.zero_() under no_grad (the same in every system).
function sgd(ps, lr) {
  tl.noGrad(() => {
    for (const p of ps) {
      const g = p.grad;
      p.sub_(g.mul(lr));
      g.zero_();
    }
  });
}

const table = {
  W1(n) {
    const mem = memTracker();
    const d = w1Data(n);
    const A = tl.tensor(rows(d.A, n, n));
    const B = tl.tensor(rows(d.B, n, n));
    const checks = tl.tidy(() => ({ sum_C: sum64(A.mm(B).data()) }));
    const runK = (k) =>
      tl.tidy(() => {
        let C = null;
        for (let i = 0; i < k; i++) {
          if (C) C.dispose();
          C = A.mm(B);
        }
        return C.data()[0];
      });
    const r = measure(runK, opt, () => mem.sample());
    A.dispose();
    B.dispose();
    return { ...r, checks, ...mem.report() };
  },

  W2() {
    const mem = memTracker();
    const d = w2Data();
    const X = tl.tensor(rows(d.X, 64, 784));
    const labels = tl.tensor(d.labels, { dtype: 'int64' });
    const fresh = () => [
      tl.tensor(rows(d.W1, 784, 128), { requiresGrad: true }),
      tl.tensor(d.b1, { requiresGrad: true }),
      tl.tensor(rows(d.W2, 128, 10), { requiresGrad: true }),
      tl.tensor(d.b2, { requiresGrad: true }),
    ];
    const step = (ps) =>
      tl.tidy(() => {
        const [W1, b1, W2, b2] = ps;
        const logits = X.mm(W1).add(b1).relu().mm(W2).add(b2);
        const loss = tl.F.cross_entropy(logits, labels); // mean over the batch
        loss.backward();
        sgd(ps, 0.01);
        return loss;
      });
    let ps = fresh();
    const checks = {};
    for (let i = 0; i < 10; i++) {
      const loss = step(ps);
      if (i === 0) checks.initial_loss = loss.item();
      if (i === 9) checks.loss_step10 = loss.item();
      loss.dispose();
    }
    ps.forEach((p) => p.dispose());
    ps = fresh();
    const runK = (k) => {
      let v = 0;
      for (let i = 0; i < k; i++) {
        const loss = step(ps);
        if (i === k - 1) v = loss.item();
        loss.dispose();
      }
      return v;
    };
    const r = measure(runK, opt, () => mem.sample());
    [...ps, X, labels].forEach((t) => t.dispose());
    return { ...r, checks, ...mem.report() };
  },

  W3() {
    const mem = memTracker();
    const d = w3Data();
    const x = tl.tensor(d.x);
    const w = tl.tensor(d.w, { requiresGrad: true });
    const b = tl.tensor(d.b);
    const once = (withGrad) =>
      tl.tidy(() => {
        const loss = x.mul(w).add(b).tanh().mul(x).sum();
        const gw = gradOf(loss, w);
        return [loss.item(), withGrad ? sum64(gw.data()) : 0];
      });
    const [loss, gsum] = once(true);
    const checks = { loss, grad_w_sum: gsum };
    const runK = (k) => {
      let v = 0;
      for (let i = 0; i < k; i++) v = once(false)[0];
      return v;
    };
    const r = measure(runK, opt, () => mem.sample());
    [x, w, b].forEach((t) => t.dispose());
    return { ...r, checks, ...mem.report() };
  },

  W4() {
    const mem = memTracker();
    const p = tl.tensor(0.5, { requiresGrad: true });
    const once = (withY) =>
      tl.tidy(() => {
        let y = p;
        for (let i = 0; i < 5000; i++) y = y.mul(1.0001).add(0.0001);
        y.backward();
        const g = p.grad.item();
        p.grad = null; // like PyTorch's p.grad = None
        return [withY ? y.item() : 0, g];
      });
    const [y, g] = once(true);
    const checks = { y, dy_dp: g };
    const runK = (k) => {
      let v = 0;
      for (let i = 0; i < k; i++) v = once(false)[1];
      return v;
    };
    const r = measure(runK, opt, () => mem.sample());
    p.dispose();
    return { ...r, checks, ...mem.report() };
  },

  // W4 as a script: the whole tl.run call (parse + interpret + backward + JSON result).
  'W4-run'() {
    const mem = memTracker();
    const src =
      'import torch\np = torch.tensor(0.5, requires_grad=True)\ny = p\nfor i in range(5000):\n' +
      '    y = y * 1.0001 + 0.0001\ny.backward()\n';
    const out0 = tl.run(src);
    const checks = { y: out0.tensors?.y?.data?.[0], dy_dp: out0.tensors?.p?.grad?.[0] };
    const runK = (k) => {
      let out = null;
      for (let i = 0; i < k; i++) out = tl.run(src);
      return out.tensors.p.grad[0];
    };
    const r = measure(runK, opt, () => mem.sample());
    return { ...r, checks, ...mem.report() };
  },

  W5() {
    const mem = memTracker();
    const d = w5Data();
    const X = tl.tensor(rows(d.X, 100, 2));
    const Y = tl.tensor(rows(d.y, 100, 1));
    // 1 - y*score as -(y*score) + 1 (exact in float32): the JS API has no rsub, and
    // tl.sub(1, t) is refused as in PyTorch. One more graph node than PyTorch's rsub.
    const oneMinus = (t) => t.neg().add(1);
    const fresh = () => [
      tl.tensor(rows(d.W1, 2, 16), { requiresGrad: true }),
      tl.tensor(d.b1, { requiresGrad: true }),
      tl.tensor(rows(d.W2, 16, 16), { requiresGrad: true }),
      tl.tensor(d.b2, { requiresGrad: true }),
      tl.tensor(rows(d.W3, 16, 1), { requiresGrad: true }),
      tl.tensor(d.b3, { requiresGrad: true }),
    ];
    // Returns [loss, score (detached)]; both escape the tidy scope and must be disposed.
    const step = (ps) =>
      tl.tidy(() => {
        const [W1, b1, W2, b2, W3, b3] = ps;
        const h1 = X.mm(W1).add(b1).relu();
        const h2 = h1.mm(W2).add(b2).relu();
        const score = h2.mm(W3).add(b3); // (100, 1)
        const dataLoss = oneMinus(Y.mul(score)).relu().mean();
        let reg = null;
        for (const q of ps) reg = reg ? reg.add(q.mul(q).sum()) : q.mul(q).sum();
        const loss = dataLoss.add(reg.mul(1e-4));
        loss.backward();
        sgd(ps, 0.1);
        return [loss, score.detach()];
      });
    let ps = fresh();
    const checks = {};
    for (let i = 0; i < 100; i++) {
      const [loss, score] = step(ps);
      if (i === 99) {
        checks.loss_step100 = loss.item();
        const s = score.data();
        let ok = 0;
        for (let j = 0; j < 100; j++) ok += d.y[j] > 0 === s[j] > 0 ? 1 : 0;
        checks.accuracy_step100 = ok / 100;
      }
      loss.dispose();
      score.dispose();
    }
    ps.forEach((q) => q.dispose());
    ps = fresh();
    const runK = (k) => {
      let v = 0;
      for (let i = 0; i < k; i++) {
        const [loss, score] = step(ps);
        if (i === k - 1) v = loss.item();
        loss.dispose();
        score.dispose();
      }
      return v;
    };
    const r = measure(runK, opt, () => mem.sample());
    [...ps, X, Y].forEach((t) => t.dispose());
    return { ...r, checks, ...mem.report() };
  },
};

const dist = path.join(root, 'dist/index.js');
if (!existsSync(dist)) {
  emitFailure(system, 'dist/index.js not found: build the wasm package first (npm run build:wasm)');
  process.exit(0);
}
let info;
try {
  const t0 = performance.now();
  const mod = await import(pathToFileURL(dist).href);
  tl = await mod.init();
  const wasmJs = path.join(root, 'dist/tensorlens_wasm.js');
  info = {
    node: process.version,
    initMs: performance.now() - t0,
    moduleBytes: existsSync(wasmJs) ? statSync(wasmJs).size : null,
    heapBytesAfterInit: tl.memory().heapBytes,
  };
} catch (e) {
  emitFailure(system, `loading dist/index.js failed: ${e?.message ?? e}`);
  process.exit(0);
}
await runJobs(system, info, opt, table);

// TensorFlow.js 4.22 peer of the tensorlens benchmark (W1–W5, bench/WORKLOADS.md).
//   node bench/node/bench_tfjs.mjs --backend wasm|cpu [--only W1,W4] [--target-ms 100] ...
// wasm: @tensorflow/tfjs-backend-wasm with SIMD, one thread (Node has no wasm threads in
// tfjs 4.22; setThreadsCount(1) makes it explicit). cpu: the plain-JS backend of @tensorflow/tfjs.
// Training uses tf.train.sgd(...).minimize (vanilla SGD: p -= lr * grad) and tf.valueAndGrad —
// TF.js has no persistent .grad, so "zero grads" is implicit.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as tf from '@tensorflow/tfjs';
import { setWasmPaths, setThreadsCount, getThreadsCount } from '@tensorflow/tfjs-backend-wasm';
import { w1Data, w2Data, w3Data, w5Data } from '../common/data.mjs';
import { parseArgs, measure, runJobs, emitFailure } from '../common/protocol.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const argv = process.argv.slice(2);
const bi = argv.indexOf('--backend');
const backend = bi >= 0 ? argv[bi + 1] : 'wasm';
const system = `tfjs-${backend}`;
const opt = parseArgs(argv);

// k training steps; returns the last loss (read back, so the work is complete).
function runSteps(step, ps, k) {
  let loss = null;
  for (let i = 0; i < k; i++) {
    if (loss) loss.dispose();
    loss = step(ps);
  }
  const v = loss.dataSync()[0];
  loss.dispose();
  return v;
}

async function setup() {
  if (backend === 'wasm') {
    setWasmPaths(path.join(root, 'node_modules/@tensorflow/tfjs-backend-wasm/dist') + '/');
    setThreadsCount(1);
  }
  const ok = await tf.setBackend(backend);
  if (!ok) throw new Error(`tf.setBackend('${backend}') failed`);
  await tf.ready();
  const info = { tfjs: tf.version.tfjs, backend: tf.getBackend(), node: process.version };
  if (backend === 'wasm') {
    info.simd = await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT');
    info.threads = getThreadsCount();
  }
  return info;
}

// Memory of one workload, sampled after every timed repetition (as bench_wasm.mjs does with
// tl.memory()): tensorBytes = tf.memory().numBytes (bytes held by live tensors); heapBytes = the
// wasm backend's module memory (HEAPU8 length: it only grows, so the last sample is the peak;
// null on the cpu backend, whose tensors live in the JS heap).
function memTracker() {
  const heap = () => (backend === 'wasm' ? tf.backend().wasm?.HEAPU8?.length ?? null : null);
  const m0 = tf.memory();
  const peak = { heapBytes: heap(), tensorBytes: m0.numBytes };
  const start = { ...peak };
  const sample = () => {
    const h = heap();
    if (h != null) peak.heapBytes = Math.max(peak.heapBytes ?? 0, h);
    peak.tensorBytes = Math.max(peak.tensorBytes, tf.memory().numBytes);
  };
  return {
    sample,
    report: () => (sample(), { memory: { heapBytesStart: start.heapBytes, heapBytesPeak: peak.heapBytes, tensorBytesStart: start.tensorBytes, tensorBytesPeak: peak.tensorBytes } }),
  };
}

// Variables are made inside tf.tidy (else their initial tensors leak: bench/WORKLOADS.md).
const variables = (arrays) => tf.tidy(() => arrays.map(([a, shape]) => tf.variable(tf.tensor(a, shape))));

const table = {
  W1(n) {
    const n0 = tf.memory().numTensors;
    const mem = memTracker();
    const { A: a, B: b } = w1Data(n);
    const A = tf.tensor2d(a, [n, n]);
    const B = tf.tensor2d(b, [n, n]);
    const checks = tf.tidy(() => ({ sum_C: sum64(tf.matMul(A, B).dataSync()) }));
    const runK = (k) => {
      let C = null;
      for (let i = 0; i < k; i++) {
        if (C) C.dispose();
        C = tf.matMul(A, B);
      }
      const v = C.dataSync()[0];
      C.dispose();
      return v;
    };
    const r = measure(runK, opt, () => mem.sample());
    A.dispose();
    B.dispose();
    return { ...r, checks, leakedTensors: tf.memory().numTensors - n0, ...mem.report() };
  },

  W2() {
    const n0 = tf.memory().numTensors;
    const mem = memTracker();
    const d = w2Data();
    const X = tf.tensor2d(d.X, [64, 784]);
    const Y = tf.tidy(() => tf.oneHot(tf.tensor1d(d.labels, 'int32'), 10).toFloat());
    const fresh = () => variables([[d.W1, [784, 128]], [d.b1, [128]], [d.W2, [128, 10]], [d.b2, [10]]]);
    const optimizer = tf.train.sgd(0.01);
    const step = (ps) => {
      const [W1, b1, W2, b2] = ps;
      const loss = optimizer.minimize(() => {
        const logits = tf.relu(X.matMul(W1).add(b1)).matMul(W2).add(b2);
        return tf.losses.softmaxCrossEntropy(Y, logits); // mean over the batch
      }, true, ps);
      return loss;
    };
    let ps = fresh();
    const checks = {};
    for (let i = 0; i < 10; i++) {
      const loss = step(ps);
      if (i === 0) checks.initial_loss = loss.dataSync()[0];
      if (i === 9) checks.loss_step10 = loss.dataSync()[0];
      loss.dispose();
    }
    ps.forEach((p) => p.dispose());
    ps = fresh();
    const runK = (k) => runSteps(step, ps, k);
    const r = measure(runK, opt, () => mem.sample());
    ps.forEach((p) => p.dispose());
    X.dispose();
    Y.dispose();
    optimizer.dispose();
    return { ...r, checks, leakedTensors: tf.memory().numTensors - n0, ...mem.report() };
  },

  W3() {
    const n0 = tf.memory().numTensors;
    const mem = memTracker();
    const d = w3Data();
    const x = tf.tensor1d(d.x);
    const w = tf.tensor1d(d.w);
    const b = tf.tensor1d(d.b);
    const vg = tf.valueAndGrad((w) => tf.tanh(x.mul(w).add(b)).mul(x).sum());
    const checks = tf.tidy(() => {
      const { value, grad } = vg(w);
      return { loss: value.dataSync()[0], grad_w_sum: sum64(grad.dataSync()) };
    });
    const runK = (k) => {
      let v = 0;
      for (let i = 0; i < k; i++) {
        v = tf.tidy(() => {
          const { value } = vg(w);
          return i === k - 1 ? value.dataSync()[0] : 0;
        });
      }
      return v;
    };
    const r = measure(runK, opt, () => mem.sample());
    [x, w, b].forEach((t) => t.dispose());
    return { ...r, checks, leakedTensors: tf.memory().numTensors - n0, ...mem.report() };
  },

  W4() {
    const n0 = tf.memory().numTensors;
    const mem = memTracker();
    // Constants made once (kinder to TF.js than numbers, which become a new tensor per op).
    const p = tf.scalar(0.5);
    const c1 = tf.scalar(1.0001);
    const c2 = tf.scalar(0.0001);
    const vg = tf.valueAndGrad((p) => {
      let y = p;
      for (let i = 0; i < 5000; i++) y = y.mul(c1).add(c2);
      return y;
    });
    const once = () => tf.tidy(() => {
      const { value, grad } = vg(p);
      return [value.dataSync()[0], grad.dataSync()[0]];
    });
    const [y, g] = once();
    const checks = { y, dy_dp: g };
    const runK = (k) => {
      let v = 0;
      for (let i = 0; i < k; i++) v = once()[1];
      return v;
    };
    const r = measure(runK, opt, () => mem.sample());
    [p, c1, c2].forEach((t) => t.dispose());
    return { ...r, checks, leakedTensors: tf.memory().numTensors - n0, ...mem.report() };
  },

  W5() {
    const n0 = tf.memory().numTensors;
    const mem = memTracker();
    const d = w5Data();
    const X = tf.tensor2d(d.X, [100, 2]);
    const y = tf.tensor2d(d.y, [100, 1]);
    const one = tf.scalar(1);
    const alpha = tf.scalar(1e-4);
    const fresh = () =>
      variables([[d.W1, [2, 16]], [d.b1, [16]], [d.W2, [16, 16]], [d.b2, [16]], [d.W3, [16, 1]], [d.b3, [1]]]);
    const optimizer = tf.train.sgd(0.1);
    const forward = ([W1, b1, W2, b2, W3, b3]) => {
      const h1 = tf.relu(X.matMul(W1).add(b1));
      const h2 = tf.relu(h1.matMul(W2).add(b2));
      return h2.matMul(W3).add(b3); // (100, 1)
    };
    const lossOf = (ps) => {
      const score = forward(ps);
      const dataLoss = tf.relu(one.sub(y.mul(score))).mean();
      let reg = null;
      for (const q of ps) reg = reg ? reg.add(q.mul(q).sum()) : q.mul(q).sum();
      return dataLoss.add(alpha.mul(reg));
    };
    const step = (ps) => optimizer.minimize(() => lossOf(ps), true, ps);
    let ps = fresh();
    const checks = {};
    for (let i = 0; i < 100; i++) {
      if (i === 99) {
        checks.accuracy_step100 = tf.tidy(() => {
          const s = forward(ps);
          return tf.equal(y.greater(0), s.greater(0)).toFloat().mean().dataSync()[0];
        });
      }
      const loss = step(ps);
      if (i === 99) checks.loss_step100 = loss.dataSync()[0];
      loss.dispose();
    }
    ps.forEach((q) => q.dispose());
    ps = fresh();
    const runK = (k) => runSteps(step, ps, k);
    const r = measure(runK, opt, () => mem.sample());
    ps.forEach((q) => q.dispose());
    [X, y, one, alpha].forEach((t) => t.dispose());
    optimizer.dispose();
    return { ...r, checks, leakedTensors: tf.memory().numTensors - n0, ...mem.report() };
  },
};

function sum64(a) {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i];
  return s;
}

let info;
try {
  info = await setup();
} catch (e) {
  emitFailure(system, `backend setup failed: ${e?.message ?? e}`);
  process.exit(0);
}
await runJobs(system, info, opt, table);

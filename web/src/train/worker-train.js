// The worker's training-mode handlers: one persistent engine session (tl.session) holds the
// dataset, the model and the optimizer; each request runs a chunk of Python in it (see program.js).
import { stepChunk, evalChunk, gridChunk } from './program.js';

export const errorData = (e) => ({
  message: String(e && e.message ? e.message : e),
  line: Number(e && e.line) || 0,
  col: Number(e && e.col) || 0,
  name: (e && e.name) || 'Error',
  type: (e && typeof e.type === 'string') ? e.type : '', // PyTorch's exception type ('RuntimeError', ...)
  stdout: e && typeof e.stdout === 'string' ? e.stdout : '', // tl.run: what the script printed before the error
});

// ---- training mode: one persistent session (tl.session) holds the dataset, the model and the optimizer ----
let train = null; // {s, task, split, res, params: [names]}

const needTrain = () => {
  if (!train) throw Object.assign(new Error('no training session (the engine was restarted); press Reset'), { name: 'NoSession' });
  return train;
};
export const toNum = (v) => (typeof v === 'string' ? Number(v.replace('inf', 'Infinity')) : Number(v));
const flat = (t) => (t ? Float64Array.from(t.data, toNum) : null);

/** "0.weight" -> "model[0].weight", "layers.0.weight" -> "model.layers[0].weight". */
const paramExpr = (name) => 'model' + name.split('.').map((p) => (/^\d+$/.test(p) ? `[${p}]` : `.${p}`)).join('');

/** Accuracy of outputs (rows of `cols` logits, or one logit when cols is 1) against int labels. */
function accuracy(out, cols, labels) {
  if (!out || !labels) return null;
  let ok = 0;
  for (let i = 0; i < labels.length; i++) {
    let cls;
    if (cols === 1) cls = out[i] > 0 ? 1 : 0;
    else {
      cls = 0;
      for (let c = 1; c < cols; c++) if (out[i * cols + c] > out[i * cols + cls]) cls = c;
    }
    if (cls === labels[i]) ok++;
  }
  return ok / labels.length;
}

/** Probability of class 1 per grid point (softmax over the outputs, or a sigmoid of one logit). */
function classOneProb(out, cols) {
  const n = out.length / cols, p = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    if (cols === 1) { p[i] = 1 / (1 + Math.exp(-out[i])); continue; }
    let m = -Infinity;
    for (let c = 0; c < cols; c++) m = Math.max(m, out[i * cols + c]);
    let z = 0;
    for (let c = 0; c < cols; c++) z += Math.exp(out[i * cols + c] - m);
    p[i] = Math.exp(out[i * cols + 1] - m) / z;
  }
  return p;
}

function evaluate(tr) {
  execOwn(tr.s, tr.evalSource, 'evaluating the model');
  const out = tr.s.tensor('tl_out'), grid = tr.s.tensor('tl_grid_out');
  const cols = out.shape.length === 2 ? out.shape[1] : 1;
  const r = { testLoss: null, acc: null, testAcc: null };
  if (tr.split) r.testLoss = toNum(tr.s.tensor('test_loss').data[0]);
  if (tr.task === 'classification') {
    r.acc = accuracy(flat(out), cols, tr.labels);
    if (tr.split) r.testAcc = accuracy(flat(tr.s.tensor('tl_test_out')), cols, tr.testLabels);
    r.grid = classOneProb(flat(grid), grid.shape.length === 2 ? grid.shape[1] : 1);
  } else {
    r.grid = Float32Array.from(flat(grid));
  }
  return r;
}

function bounds(task, X, Y) {
  const ext = (vals) => {
    let lo = Infinity, hi = -Infinity;
    for (const v of vals) { if (v < lo) lo = v; if (v > hi) hi = v; }
    const pad = Math.max(0.1, (hi - lo) * 0.08);
    return [lo - pad, hi + pad];
  };
  if (task === 'regression') {
    const [x0, x1] = ext(X), [y0, y1] = ext(Y);
    return { x0, x1, y0, y1 };
  }
  const xs = X.filter((_, i) => i % 2 === 0), ys = X.filter((_, i) => i % 2 === 1);
  let [x0, x1] = ext(xs), [y0, y1] = ext(ys);
  // Square data units, so circles look round.
  const w = x1 - x0, h = y1 - y0;
  if (w > h) { y0 -= (w - h) / 2; y1 += (w - h) / 2; } else { x0 -= (h - w) / 2; x1 += (h - w) / 2; }
  return { x0, x1, y0, y1 };
}

/** Runs one of training mode's own chunks: its errors have no position in the user's code. */
function execOwn(s, source, what) {
  try {
    return s.exec(source);
  } catch (e) {
    throw Object.assign(new Error(`${what}: ${errorData(e).message}`), { line: 0, col: 0 });
  }
}

/** The model's parameters (values and grads, by qualified name) and the loss, as the run's tensors. */
function paramTensors(tr) {
  const tensors = {};
  // Never bind a parameter itself to a variable: binding renames a tensor in the engine's graphs.
  for (const p of tr.params) {
    tr.s.exec(`tl_value = ${paramExpr(p)}.detach()\ntl_grad = ${paramExpr(p)}.grad\n`);
    const v = tr.s.tensor('tl_value'), g = tr.s.tensor('tl_grad');
    tensors[p] = { ...v, requires_grad: true, grad: g ? g.data : null };
  }
  tr.s.exec('tl_value = None\ntl_grad = None\n');
  tensors.loss = tr.s.tensor('loss');
  return tensors;
}

export const trainHandlers = {
  /** Builds the session: dataset, the user's model code, the grid. Errors in the model code keep their line. */
  trainSetup(tl, { prelude, code, task, split, res }) {
    const evalSource = evalChunk({ split });
    if (train) { train.s.dispose(); train = null; }
    const s = tl.session();
    try {
      try {
        s.exec(prelude);
      } catch (e) {
        throw Object.assign(new Error(`the dataset failed: ${errorData(e).message}`), { line: 0 });
      }
      const { stdout } = s.exec(code);
      try {
        s.exec('tl_check = (model, opt, loss_fn)\n');
      } catch (e) {
        throw new Error(`the model code must define model, opt and loss_fn (${errorData(e).message})`);
      }
      const X = flat(s.tensor('X')), Y = flat(s.tensor('y'));
      const b = bounds(task, X, Y);
      execOwn(s, gridChunk(task, b, res), 'evaluating the model on the grid');
      const names = s.exec('for tl_item in model.named_parameters():\n    print(tl_item[0])\n').stdout.split('\n').filter(Boolean);
      // The loss at step 0 (eval mode: no dropout draws, so the random stream stays PyTorch's).
      execOwn(s, 'model.eval()\nloss = loss_fn(model(X), y)\nmodel.train()\n', 'computing loss_fn(model(X), y)');
      const tr = { s, task, split, res, params: names, evalSource, labels: task === 'classification' ? Y : null, testLabels: split && task === 'classification' ? flat(s.tensor('y_test')) : null };
      const loss = toNum(s.tensor('loss').data[0]);
      const ev = evaluate(tr);
      train = tr;
      const tensors = paramTensors(tr);
      return {
        tensors,
        stdout, bounds: b, params: names, loss, ...ev,
        X, y: Y, Xtest: split ? flat(s.tensor('X_test')) : null, ytest: split ? flat(s.tensor('y_test')) : null,
      };
    } catch (e) {
      s.dispose();
      throw e;
    }
  },
  trainSteps(tl, { k }) {
    const tr = needTrain();
    execOwn(tr.s, stepChunk(Math.max(1, Math.min(50, Math.trunc(k) || 1))), 'in a training step');
    const losses = Array.from(tr.s.tensor('tl_losses').data, toNum);
    // The parameters after the chunk: the time-travel scrubber's snapshot of this step.
    return { losses, ...evaluate(tr), tensors: paramTensors(tr) };
  },
  /** Runs one statement in the session (the optimizer re-created with a new learning rate). */
  trainExec(tl, { source }) {
    execOwn(needTrain().s, source, 'changing the learning rate');
    return true;
  },
  /** The graph of a session variable, and the full values and grads of the model's parameters. */
  trainInspect(tl, { var: name }) {
    const tr = needTrain();
    let graph = null, graphError = null;
    try {
      graph = tr.s.graph(name || 'loss');
    } catch (e) {
      graphError = errorData(e);
    }
    return { graph, graphError, tensors: paramTensors(tr) };
  },
  trainDispose() {
    if (train) train.s.dispose();
    train = null;
    return true;
  },
};


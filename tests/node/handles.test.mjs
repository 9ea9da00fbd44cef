// Handles and memory of the npm module (issue 14): in-place ops return their own wrapper, .grad
// is one stable wrapper, liveTensors is exact (also after the garbage collector frees tensors),
// tidy refuses async work, unknown options are errors, and freed large buffers are reused.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import v8 from 'node:v8';
import vm from 'node:vm';
import { init, TensorlensError } from '../../dist/index.js';

const tl = await init();
v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc');
const live = () => tl.memory().liveTensors;
const settle = async () => {
  // FinalizationRegistry callbacks run as tasks after a collection.
  for (let k = 0; k < 5; k++) {
    gc();
    await new Promise((r) => setTimeout(r, 10));
  }
};

test('in-place methods return the same wrapper and make no handle', () => {
  tl.tidy(() => {
    const x = tl.tensor([1, 2, 3]);
    const before = live();
    assert.equal(x.addInPlace(1), x);
    assert.equal(x.add_(1, { alpha: 2 }), x);
    assert.equal(x.mulInPlace(x), x);
    assert.equal(x.zero_(), x);
    assert.equal(x.fill_(2), x);
    assert.equal(x.requires_grad_(true), x);
    assert.equal(live(), before);
    assert.deepEqual(x.toArray(), [2, 2, 2]);
    assert.equal(x.requiresGrad, true);
    x.requiresGrad = false;
    assert.equal(x.requiresGrad, false);
    assert.equal(live(), before);
  });
});

test('.grad is one stable wrapper while the gradient is the same tensor', () => {
  const w = tl.tensor([1, 2], { requiresGrad: true });
  tl.tidy(() => w.mul(w).sum().backward());
  const g = w.grad;
  assert.equal(w.grad, g);
  const before = live();
  for (let i = 0; i < 100; i++) assert.equal(w.grad, g);
  assert.equal(live(), before);
  tl.tidy(() => w.mul(3).sum().backward());  // accumulates into the same gradient tensor
  assert.equal(w.grad, g);
  assert.deepEqual(g.toArray(), [5, 7]);
  w.grad = null;              // cleared: the old wrapper goes, and reading gives null
  assert.equal(g.isDisposed, true);
  assert.equal(w.grad, null);
  assert.equal(live(), before - 1);
  tl.tidy(() => w.sum().backward());
  const g2 = w.grad;
  assert.deepEqual(g2.toArray(), [1, 1]);
  w.dispose();                // the gradient's wrapper goes with its tensor
  assert.equal(g2.isDisposed, true);
  assert.equal(live(), before - 2);
});

test("the README's SGD line leaves no extra live handles", () => {
  const a = tl.tensor([[1, 2], [3, 4]], { requiresGrad: true });
  const b = tl.tensor([[5, 6], [7, 8]], { requiresGrad: true });
  tl.tidy(() => a.mm(b).relu().add(a).sum().backward());
  a.grad;  // the gradient's one wrapper
  const before = live();
  for (let i = 0; i < 10; i++) assert.equal(tl.noGrad(() => a.subInPlace(a.grad, { alpha: 0.1 })), a);
  assert.equal(live(), before);
  tl.tidy(() => tl.noGrad(() => a.subInPlace(a.grad.mul(0.1))));  // the engine caches the 0-d tensor of 0.1
  const engine = tl.memory().engineTensors;
  for (let i = 0; i < 10; i++) tl.tidy(() => tl.noGrad(() => a.subInPlace(a.grad.mul(0.1))));
  assert.equal(live(), before);
  assert.equal(tl.memory().engineTensors, engine);
  a.dispose();
  b.dispose();
});

test('a tidy returning an in-place result keeps nothing per iteration', () => {
  const w = tl.tensor([1, 2, 3]);
  const before = live();
  for (let i = 0; i < 1000; i++) assert.equal(tl.tidy(() => w.addInPlace(w.mul(0))), w);
  assert.equal(live(), before);
  w.dispose();
});

test('liveTensors is exact after the garbage collector frees forgotten tensors', async () => {
  await settle();
  const base = live();
  const engineBase = tl.memory().engineTensors;
  (() => { for (let i = 0; i < 1000; i++) tl.tensor([i]); })();
  assert.equal(live(), base + 1000);
  await settle();
  assert.equal(live(), base);
  assert.equal(tl.memory().engineTensors, engineBase);
});

test('tidy rejects async functions and Promise results at once', async () => {
  const before = live();
  assert.throws(() => tl.tidy(async () => tl.ones(2)), (e) => e instanceof TensorlensError && /synchronous/.test(e.message));
  let made = null;
  assert.throws(() => tl.tidy(() => { made = tl.ones(2); return Promise.resolve(made); }),
    (e) => e instanceof TensorlensError && /Promise/.test(e.message));
  assert.equal(made.isDisposed, true);  // what it made synchronously is freed
  assert.equal(live(), before);
  assert.throws(() => tl.tidy(null), TensorlensError);
});

test('unknown option keys are TensorlensErrors', () => {
  const bad = [
    () => tl.tensor([1, 2], { requiresgrad: true }),
    () => tl.tensor([1, 2], { dtyp: 'float64' }),
    () => tl.tensor([1, 2, 3, 4], [2, 2]),        // TF.js-style shape argument
    () => tl.tensor([1, 2], 'float32'),
    () => tl.ones(2).sum({ dimm: 0 }),
    () => tl.ones(2, { dtyp: 'float64' }),
    () => tl.ones(2).backward(null, { retain_graph: true, bogus: 1 }),
    () => tl.graph('import torch\nx = torch.ones(2)\n', { vr: 'x' }),
    () => tl.nn.Linear(2, 3, { biass: false }),
    () => tl.optim.SGD(tl.nn.Linear(2, 1).parameters(), { lr: 0.1, momentun: 0.9 }),
    () => tl.nn.Linear(2, 1).zeroGrad({ set_to_none: true }),
  ];
  for (const f of bad) assert.throws(f, (e) => e instanceof TensorlensError, String(f));
  assert.throws(() => tl.ones(2).sum().backward({ retainGraf: true }), /unknown option 'retainGraf'/);
  tl.tidy(() => {  // backward's options alone, as PyTorch's keywords
    const w = tl.ones(2, { requiresGrad: true });
    const y = w.mul(w).sum();
    y.backward({ retainGraph: true });
    y.backward({ gradient: tl.tensor(2) });
    assert.deepEqual(w.grad.toArray(), [6, 6]);
  });
  assert.throws(() => tl.tensor([1], { requiresgrad: true }), /unknown option 'requiresgrad'/);
  assert.throws(() => tl.tensor([1, 2, 3, 4], [2, 2]), /shape argument is not supported/);
});

test('freed 1024x1024 float32 tensors are reused: 10 rounds stay within one round of heap', () => {
  // 50 x 4 MiB per round: more than the engine's buffer pool keeps (16 per size class), so most
  // blocks go back to malloc and must be found again by the next round.
  const perRound = 50, roundBytes = perRound * 4 * 1024 * 1024;
  const { heapBytes: heap0, tensorBytes: bytes0 } = tl.memory();
  const heaps = [];
  for (let r = 0; r < 10; r++) {
    const ts = [];
    for (let i = 0; i < perRound; i++) ts.push(tl.ones(1024, 1024));
    for (const t of ts) t.dispose();
    assert.equal(tl.memory().tensorBytes, bytes0);
    heaps.push(tl.memory().heapBytes);
  }
  // The first round grows the heap by about its own size (wasm memory grows in steps).
  assert.ok(heaps[0] - heap0 <= 1.25 * roundBytes, `first round grew the heap ${(heaps[0] - heap0) / 2 ** 20} MiB`);
  assert.equal(heaps[9], heaps[0], `heap after each round (MiB): ${heaps.map((h) => h / 2 ** 20)}`);
});

test('a 100,000-step training loop without tidy (dispose what each step makes) keeps liveTensors and the heap flat', () => {
  tl.manualSeed(0);
  const model = tl.nn.Sequential(tl.nn.Linear(2, 8), tl.nn.Tanh(), tl.nn.Linear(8, 1));
  const opt = tl.optim.SGD(model.parameters(), { lr: 0.05, momentum: 0.9 });
  const lossFn = tl.nn.MSELoss();
  const x = tl.tensor([[0, 0], [0, 1], [1, 0], [1, 1]]);
  const y = tl.tensor([[0], [1], [1], [0]]);
  const step = () => {
    opt.zeroGrad();
    const out = model.call(x);
    const loss = lossFn.call(out, y);
    loss.backward();
    opt.step();
    const v = loss.item();
    out.dispose();
    loss.dispose();
    return v;
  };
  const first = step();
  for (let i = 0; i < 1000; i++) step();
  const m0 = tl.memory();
  let last;
  for (let i = 0; i < 99000; i++) last = step();
  const m1 = tl.memory();
  assert.ok(last < first / 10, `loss ${first} -> ${last}`);
  assert.equal(m1.liveTensors, m0.liveTensors);
  assert.equal(m1.engineTensors, m0.engineTensors);
  assert.equal(m1.tensorBytes, m0.tensorBytes);
  assert.equal(m1.heapBytes, m0.heapBytes);
  for (const t of [x, y]) t.dispose();
  opt.dispose();
  model.dispose();
});

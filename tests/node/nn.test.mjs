// tl.nn + tl.optim in JS against PyTorch: the scripts of gen_nn_golden.py written with the JS API
// give PyTorch 1.13's losses (goldens/nn_training.json), and the module API behaves like torch.nn.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { inspect } from 'node:util';
import { init, TensorlensError } from '../../dist/index.js';

const tl = await init();
const { nn, optim } = tl;
const golden = JSON.parse(readFileSync(new URL('./goldens/nn_training.json', import.meta.url), 'utf8'));
// float32 training: a step may round differently from PyTorch in the last bit (measured: <= 1.2e-7)
const near = (got, want, what, rtol = 1e-5) => {
  assert.equal(got.length, want.length, `${what}: length`);
  got.forEach((g, k) => assert.ok(Math.abs(g - want[k]) <= rtol * Math.max(1, Math.abs(want[k])), `${what}[${k}]: ${g} vs PyTorch ${want[k]}`));
};

// X (32, 4), y (32,) classes, t (32, 1): the formulas of gen_nn_golden.py's data()
function data() {
  return tl.tidy(() => {
    const i = tl.arange(32);
    const X = tl.stack([tl.sin(i.mul(0.3)), tl.cos(i.mul(0.7)), i.div(31).mul(2).sub(1), tl.sin(i.mul(1.1)).mul(0.5)], 1);
    const y = tl.tensor(Array.from({ length: 32 }, (_, k) => (k * 7 + 3) % 3), { dtype: 'int64' });
    const t = X.index(':, 0').mul(X.index(':, 1')).sub(X.index(':, 2').mul(0.5)).unsqueeze(1);
    return { X, y, t };
  });
}

test('classifier: Linear, LayerNorm, Tanh, ReLU, CrossEntropyLoss, AdamW + StepLR give PyTorch\'s losses', () => {
  tl.manualSeed(0);
  const { X, y } = data();
  const model = nn.Sequential(nn.Linear(4, 16), nn.LayerNorm([16]), nn.Tanh(), nn.Linear(16, 16), nn.ReLU(), nn.Linear(16, 3));
  const opt = optim.AdamW(model.parameters(), { lr: 0.01, weightDecay: 0.05 });
  const sched = optim.lr_scheduler.StepLR(opt, 10, { gamma: 0.5 });
  const lossFn = nn.CrossEntropyLoss();
  const losses = [];
  for (let s = 0; s < 40; s++) {
    tl.tidy(() => {
      opt.zeroGrad();
      const loss = lossFn.call(model.call(X), y);
      loss.backward();
      opt.step();
      sched.step();
      losses.push(loss.item());
    });
  }
  near(losses, golden.classifier.losses, 'loss');
  assert.equal(opt.lr, golden.classifier.lr);
  model.eval();
  assert.equal(model.training, false);
  const acc = tl.tidy(() => tl.noGrad(() => model.call(X).argmax(1).eq(y).float().mean().item()));
  assert.ok(Math.abs(acc - golden.classifier.accuracy) < 1e-6, `accuracy ${acc} vs ${golden.classifier.accuracy}`);
});

test('regression: Sigmoid, MSELoss, SGD with Nesterov momentum give PyTorch\'s losses and weights', () => {
  tl.manualSeed(1);
  const { X, t } = data();
  const model = nn.Sequential(nn.Linear(4, 8), nn.Sigmoid(), nn.Linear(8, 1));
  const opt = optim.SGD(model.parameters(), { lr: 0.1, momentum: 0.9, nesterov: true });
  const lossFn = nn.MSELoss();
  const losses = [];
  for (let s = 0; s < 40; s++) {
    opt.zeroGrad();
    const out = model.forward(X);
    const loss = lossFn.forward(out, t);
    loss.backward();
    opt.step();
    losses.push(loss.item());
    out.dispose();
    loss.dispose();
  }
  near(losses, golden.regression.losses, 'loss');
  near(Array.from(model.at(0).weight.data()), golden.regression.weight0, 'weight');
});

test('Embedding + BCEWithLogitsLoss with Adam(betas) give PyTorch\'s losses', () => {
  tl.manualSeed(2);
  const idx = tl.tensor([0, 3, 1, 4, 2, 4, 0, 1], { dtype: 'int64' });
  const target = tl.tensor([1, 0, 1, 0, 1, 0, 1, 1]);
  const emb = nn.Embedding(5, 6);
  const head = nn.Linear(6, 1);
  const opt = optim.Adam([...emb.parameters(), ...head.parameters()], { lr: 0.05, betas: [0.8, 0.99] });
  const lossFn = nn.BCEWithLogitsLoss();
  const losses = [];
  for (let s = 0; s < 30; s++) {
    losses.push(tl.tidy(() => {
      opt.zeroGrad();
      const loss = lossFn.call(head.call(emb.call(idx)).squeeze(1), target);
      loss.backward();
      opt.step();
      return loss.item();
    }));
  }
  near(losses, golden.embedding.losses, 'loss');
});

test('module API: parameters are stable wrappers, named, zeroGrad, train/eval, repr, errors', () => {
  tl.manualSeed(0);
  const model = nn.Sequential(nn.Linear(2, 3), nn.Dropout(0.5), nn.Linear(3, 1, { bias: false }));
  const ps = model.parameters();
  assert.equal(ps.length, 3);
  assert.ok(ps.every((p, k) => p === model.parameters()[k]));
  assert.deepEqual(model.namedParameters().map(([n, p]) => [n, p.shape]), [['0.weight', [3, 2]], ['0.bias', [3]], ['2.weight', [1, 3]]]);
  assert.equal(model.at(-1).bias, null);
  assert.deepEqual(model.at(0).weight.shape, [3, 2]);
  assert.equal(model.length, 3);
  assert.equal(String(model), 'Sequential(\n  (0): Linear(in_features=2, out_features=3, bias=True)\n  (1): Dropout(p=0.5, inplace=False)\n  (2): Linear(in_features=3, out_features=1, bias=False)\n)');
  assert.equal(inspect(nn.ReLU()), 'ReLU()');
  assert.equal(model.training, true);
  const x = tl.ones(4, 2);
  tl.tidy(() => model.call(x).sum().backward());
  assert.ok(ps.every((p) => p.grad !== null));
  const g0 = ps[0].grad;
  model.zeroGrad();
  assert.equal(ps[0].grad, g0);  // zeroed in place: the same gradient tensor
  assert.ok(g0.toArray().flat().every((v) => v === 0));
  model.zeroGrad({ setToNone: true });
  assert.equal(ps[0].grad, null);
  // eval: Dropout is the identity, two calls agree
  model.eval();
  const [a, b] = [model.call(x), model.call(x)];
  assert.deepEqual(a.toArray(), b.toArray());
  assert.throws(() => nn.Linear(2), (e) => e instanceof TensorlensError && /in_features|out_features|missing/.test(e.message));
  assert.throws(() => nn.MSELoss({ reduction: 'avg' }).call(x, x), TensorlensError);
  assert.throws(() => model.call([1, 2]), TensorlensError);
  assert.throws(() => optim.SGD(ps), /lr/);
  const opt = optim.SGD(ps, { lr: 0.1 });
  opt.lr = 0.05;
  assert.equal(opt.lr, 0.05);
  model.dispose();
  assert.throws(() => model.call(x), /disposed/);
  assert.ok(ps[0].isDisposed);
  opt.dispose();
});

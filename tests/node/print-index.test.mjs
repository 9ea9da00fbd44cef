// t.print() / toString() / util.inspect in PyTorch's format, and x.index() / x.setIndex(): each
// checked against the script language running the same PyTorch code (itself checked against
// PyTorch's goldens in tests/conformance).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { inspect } from 'node:util';
import { init, TensorlensError } from '../../dist/index.js';

const tl = await init();

test('toString, print and util.inspect use PyTorch\'s repr', () => {
  tl.tidy(() => {
    const cases = [
      ['torch.tensor([1.0, 2.0], requires_grad=True)', tl.tensor([1, 2], { requiresGrad: true })],
      ['torch.tensor([[1.5, -2.25], [3.0, 4.0]])', tl.tensor([[1.5, -2.25], [3, 4]])],
      ['torch.tensor([1, 2, 3])', tl.tensor([1, 2, 3], { dtype: 'int64' })],
      ['torch.tensor([True, False])', tl.tensor([true, false])],
      ['torch.tensor(3.5, dtype=torch.float64)', tl.tensor(3.5, { dtype: 'float64' })],
      ['torch.arange(12.0).reshape(3, 4) / 7', tl.arange(12).reshape(3, 4).div(7)],
      ['torch.tensor([1.0, 2.0], requires_grad=True) * 2', tl.tensor([1, 2], { requiresGrad: true }).mul(2)],
    ];
    for (const [src, t] of cases) {
      const want = tl.run(`import torch\nprint(${src})\n`).stdout.trimEnd();
      assert.equal(t.toString(), want);
      assert.equal(String(t), want);
      assert.equal(`${t}`, want);
      assert.equal(inspect(t), want);
    }
    assert.equal(String(tl.tensor([1, 2], { requiresGrad: true })), 'tensor([1., 2.], requires_grad=True)');
    const logged = [];
    const orig = console.log;
    console.log = (s) => logged.push(s);
    try { tl.tensor([0.5]).print(); } finally { console.log = orig; }
    assert.deepEqual(logged, ['tensor([0.5000])']);
    const d = tl.tensor([1]);
    d.dispose();
    assert.equal(inspect(d), 'tensor(<disposed>)');
    assert.throws(() => String(d), /disposed/);
  });
});

test('x.index(...) equals the script\'s x[...] (values, shapes and gradients)', () => {
  const cases = [
    [':, 1:3'], ['0'], ['-1'], ['..., -1'], ['None, 1'], ['::2, ::3'], ['1:, :-1'], ['1, 2'], ['...'], [':'],
    ['0:2, None, 1:4:2'], ['-2:'], [0, '1:3'], [null, 0], ['...', 0],
  ];
  for (const items of cases) {
    const py = items.map((v) => (v === null ? 'None' : String(v))).join(', ');
    const src = `import torch\nx = torch.arange(12.0).reshape(3, 4).requires_grad_()\ny = x[${py}]\n(y * y).sum().backward()\n`;
    const want = tl.run(src).tensors;
    tl.tidy(() => {
      const x = tl.arange(12).reshape(3, 4).requires_grad_();
      const y = x.index(...items);
      assert.deepEqual(y.shape, want.y.shape, py);
      assert.deepEqual(Array.from(y.data()), want.y.data, py);
      y.mul(y).sum().backward();
      assert.deepEqual(Array.from(x.grad.data()), want.x.grad, py);
    });
  }
  tl.tidy(() => {
    const x = tl.arange(12).reshape(3, 4);
    assert.deepEqual(x.index(tl.tensor([2, 0], { dtype: 'int64' })).toArray(), [[8, 9, 10, 11], [0, 1, 2, 3]]);
    assert.deepEqual(x.index(':', tl.tensor([3, 1], { dtype: 'int64' })).toArray(), [[3, 1], [7, 5], [11, 9]]);
    assert.deepEqual(x.index(tl.tensor([true, false, true])).toArray(), [[0, 1, 2, 3], [8, 9, 10, 11]]);
    const v = x.index('1:, 1:3');      // a view: writes through
    v.fill_(-1);
    assert.deepEqual(x.toArray(), [[0, 1, 2, 3], [4, -1, -1, 7], [8, -1, -1, 11]]);
    assert.throws(() => x.index('0, 0, 0'), (e) => e instanceof TensorlensError && /too many indices/.test(e.message));
    assert.throws(() => x.index('a'), TensorlensError);
    assert.throws(() => x.index('::-1'), /step must be greater than zero/);
    assert.throws(() => x.index(5), TensorlensError);
    assert.throws(() => x.index('..., ...'), /single ellipsis/);
  });
});

test('x.setIndex(...items, value) writes like the script\'s x[...] = value', () => {
  const cases = [
    [[':, 1:3'], 0, '0'], [[1], [7, 8, 9, 10], '[7.0, 8.0, 9.0, 10.0]'], [['..., -1'], 5.5, '5.5'],
    [['::2, ::2'], [[1, 2], [3, 4]], '[[1.0, 2.0], [3.0, 4.0]]'],
  ];
  for (const [items, value, pyValue] of cases) {
    const py = items.map(String).join(', ');
    const want = tl.run(`import torch\nx = torch.arange(12.0).reshape(3, 4)\nx[${py}] = ${pyValue}\n`).tensors.x.data;
    tl.tidy(() => {
      const x = tl.arange(12).reshape(3, 4);
      assert.equal(x.setIndex(...items, value), x);
      assert.deepEqual(Array.from(x.data()), want, py);
    });
  }
  tl.tidy(() => {
    const x = tl.zeros(2, 3);
    x.setIndex(0, tl.tensor([1, 2, 3]));
    assert.deepEqual(x.toArray(), [[1, 2, 3], [0, 0, 0]]);
    const before = tl.memory().liveTensors;
    x.setIndex(':, 0', 9);
    assert.equal(tl.memory().liveTensors, before);  // the view is freed
    const w = tl.ones(3, { requiresGrad: true });
    assert.throws(() => x.setIndex(1, w), /requires grad/);
    assert.throws(() => x.setIndex(tl.tensor([0], { dtype: 'int64' }), 1), /index tensor/);
    assert.throws(() => x.setIndex(1), TensorlensError);
  });
});

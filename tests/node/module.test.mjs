// The npm module in Node: the seed examples, the README example, errors, memory, deep chains.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { init, TensorlensError } from '../../dist/index.js';

const tl = await init();
const close = (a, b, tol = 1e-5) => {
  const fa = [a].flat(Infinity), fb = [b].flat(Infinity);
  assert.equal(fa.length, fb.length, `length ${fa.length} vs ${fb.length}`);
  fa.forEach((x, i) => assert.ok(Math.abs(x - fb[i]) <= tol * (1 + Math.abs(fb[i])), `[${i}] ${x} vs ${fb[i]}`));
};

test('seed example 1: c = a + b; d = a * b; e = c * d', () => {
  const a = tl.tensor([1, 2, 3], { requiresGrad: true });
  const b = tl.tensor([4, 5, 6], { requiresGrad: true });
  const e = a.add(b).mul(a.mul(b));
  e.sum().backward();
  assert.deepEqual(e.toArray(), [20, 70, 162]);
  assert.deepEqual(a.grad.toArray(), [24, 45, 72]);
  assert.deepEqual(b.grad.toArray(), [9, 24, 45]);
});

test('seed example 3: mm, relu, d + d', () => {
  const a = tl.tensor([[1, 2], [3, 4]], { requiresGrad: true });
  const b = tl.tensor([[5, 6], [7, 8]], { requiresGrad: true });
  const d = a.mm(b).relu();
  d.add(d).sum().backward();
  assert.deepEqual(a.grad.toArray(), [[22, 30], [22, 30]]);
  assert.deepEqual(b.grad.toArray(), [[8, 8], [12, 12]]);
});

test('the README example', () => {
  const a = tl.tensor([[1, 2], [3, 4]], { requiresGrad: true });
  const b = tl.tensor([[5, 6], [7, 8]], { requiresGrad: true });
  const e = a.mm(b).relu().add(a).sum();
  e.backward();
  assert.deepEqual(a.grad.toArray(), [[12, 16], [12, 16]]);
  assert.ok(a.grad.data() instanceof Float32Array);
  assert.deepEqual(a.shape, [2, 2]);
  tl.noGrad(() => a.subInPlace(a.grad.mul(0.1)));
  close(a.toArray(), [[1 - 1.2, 2 - 1.6], [3 - 1.2, 4 - 1.6]]);
  assert.equal(a.dtype, 'float32');
  assert.equal(e.gradFn, 'SumBackward0');
  assert.equal(a.isLeaf, true);
});

test('functions, kwargs, overloads and tuples from the op table', () => {
  const x = tl.tensor([[1, 5, 3], [4, 2, 6]]);
  assert.deepEqual(x.sum({ dim: 1, keepdim: true }).toArray(), [[9], [12]]);
  assert.deepEqual(tl.sum(x, 0).toArray(), [5, 7, 9]);
  const [vals, idx] = x.max(1);
  assert.deepEqual(vals.toArray(), [5, 6]);
  assert.deepEqual(idx.toArray(), [1, 2]);
  assert.equal(idx.dtype, 'int64');
  assert.deepEqual(x.view(3, 2).shape, [3, 2]);
  assert.deepEqual(tl.cat([x, x], 0).shape, [4, 3]);
  close(tl.F.softmax(tl.tensor([0, 0]), 0).toArray(), [0.5, 0.5]);
  close(tl.exp(tl.tensor([0])).item(), 1);
  assert.equal(tl.zeros(2, 3).shape.join(), '2,3');
  assert.equal(tl.full([2], 3).dtype, 'float32');
  assert.equal(tl.arange(4).dtype, 'float32');
  assert.deepEqual(tl.arange(4).toArray(), [0, 1, 2, 3]);
  assert.equal(tl.tensor([true, false]).dtype, 'bool');
  assert.equal(tl.tensor([1, 2], { dtype: 'float64' }).dtype, 'float64');
  assert.equal(tl.tensor(3).shape.length, 0);
});

test('grad and valueAndGrad (functional style)', () => {
  const f = (x) => x.mul(x).sum();
  const [g] = tl.grad(f)(tl.tensor([1, 2, 3]));
  assert.deepEqual(g.toArray(), [2, 4, 6]);
  const { value, grads } = tl.valueAndGrad((x, y) => x.mul(y).sum())(tl.tensor([1, 2]), tl.tensor([3, 4]));
  assert.equal(value.item(), 11);
  assert.deepEqual(grads[0].toArray(), [3, 4]);
  assert.deepEqual(grads[1].toArray(), [1, 2]);
  // PyTorch's check: grad() with no inputs is a ValueError
  assert.throws(() => tl.autograd.grad([tl.tensor([2], { requiresGrad: true }).pow(3).sum()], []),
    (e) => e.type === 'ValueError' && /grad requires non-empty inputs/.test(e.message));
  const x = tl.tensor([2], { requiresGrad: true });
  assert.deepEqual(tl.autograd.grad(x.pow(3).sum(), x)[0].toArray(), [12]);
});

test('errors are TensorlensError, and the module keeps working after them', () => {
  const a = tl.zeros(2, 3), b = tl.zeros(4, 5);
  assert.throws(() => a.mm(b), (e) => e instanceof TensorlensError && e instanceof Error &&
    e.message === 'mm: shapes (2,3) and (4,5) cannot be multiplied');
  assert.throws(() => tl.tensor([[1, 2], [3]]), TensorlensError);
  assert.throws(() => a.sum({ dims: 1 }), /invalid combination of arguments/);
  assert.throws(() => a.reshape(4, 2), /shape \(4,2\) is invalid for input of size 6/);
  const x = tl.tensor([1, 2], { requiresGrad: true });
  assert.throws(() => x.mul(2).backward(), /grad can be implicitly created only for scalar outputs/);
  const d = tl.tensor([1]);
  d.dispose();
  assert.throws(() => d.exp(), /disposed/);
  // and the next calls are right
  assert.deepEqual(tl.ones(2, 2).mm(tl.ones(2, 1)).toArray(), [[2], [2]]);
  const out = tl.run('import torch\nx = torch.ones(2)\ny = x * 3\n');
  assert.deepEqual(out.tensors.y.data, [3, 3]);
});

test('script errors carry line and column', () => {
  assert.throws(() => tl.run('import torch\nx = torch.ones(2, 3)\ny = x @ torch.ones(4, 5)\n'),
    (e) => e instanceof TensorlensError && e.line === 3 && e.col > 0 && /cannot be multiplied/.test(e.message));
  assert.throws(() => tl.run('x = (1,\n'), (e) => e instanceof TensorlensError && e.line >= 1);
  assert.deepEqual(tl.run('import torch\nz = torch.zeros(1)\n').tensors.z.data, [0]);
});

test('a script error carries what the script printed before it; init checks its options', async () => {
  assert.throws(() => tl.run('print("first", 1)\nprint("second")\nx = 1 / 0\nprint("never")\n'),
    (e) => e instanceof TensorlensError && e.line === 3 && e.stdout === 'first 1\nsecond\n');
  assert.throws(() => tl.run('x = ('), (e) => e instanceof TensorlensError && e.stdout === '');
  await assert.rejects(init({ wasm: new Uint8Array(8) }), (e) => e instanceof TensorlensError && /options.wasm must be a WebAssembly.Module/.test(e.message));
  await assert.rejects(init({ wasmUrl: 'x' }), /unknown option 'wasmUrl'/);
  assert.equal(await init(), tl);
});

test('the graph JSON groups module calls and composites and names constants', () => {
  const g = tl.graph('import torch\nimport torch.nn as nn\nnet = nn.Sequential(nn.Linear(2, 3), nn.Tanh())\n'
    + 'x = torch.ones(4, 2)\nloss = torch.dist(net(x), torch.zeros(4, 3))\nloss.backward()\n');
  assert.deepEqual(g.modules.map((m) => [m.id, m.parent, m.name, m.type]), [[1, 0, 'net', 'Sequential'], [2, 1, '1', 'Tanh'], [3, 1, '0', 'Linear']]);
  const dist = g.composites.find((c) => c.op === 'dist');  // norm(a - b), PyTorch's one DistBackward0
  assert.equal(dist.grad_fn, 'DistBackward0');
  const parts = g.nodes.filter((n) => n.composite === dist.id).map((n) => n.op).sort();
  assert.deepEqual(parts, ['abs', 'norm', 'sub']);
  const x = g.nodes.find((n) => n.name === 'x');
  assert.equal(x.constant, true);
  assert.deepEqual(x.value, [1, 1, 1, 1, 1, 1]);
  const tanh = g.nodes.find((n) => n.op === 'tanh');
  assert.equal(g.modules.find((m) => m.id === tanh.module).type, 'Tanh');
  assert.equal(tanh.nonfinite, undefined); // written only where a NaN/Inf is
  const bad = tl.graph('import torch\nx = torch.tensor([1.0, 2.0], requires_grad=True)\ny = torch.log(x - 5.0).sum()\ny.backward()\n');
  assert.deepEqual(bad.nodes.find((n) => n.op === 'log').nonfinite, { value: true, grad: null });
});

test("errors carry PyTorch's exception type (error.type)", () => {
  const typeOf = (f) => { try { f(); } catch (e) { assert.ok(e instanceof TensorlensError); return e.type; } return null; };
  assert.equal(typeOf(() => tl.run('import torch\ny = torch.ones(2, 3) @ torch.ones(4, 5)\n')), 'RuntimeError');
  assert.equal(typeOf(() => tl.run('import torch\ny = torch.ones(2).sum(3)\n')), 'IndexError');
  assert.equal(typeOf(() => tl.run('import torch\ny = torch.ones(2)[5]\n')), 'IndexError');
  assert.equal(typeOf(() => tl.run('y = undefined_name\n')), 'NameError');
  assert.equal(typeOf(() => tl.run('x = (1,\n')), 'SyntaxError');
  assert.equal(typeOf(() => tl.ones(2).sum(3)), 'IndexError');
  assert.equal(typeOf(() => tl.ones(2, 3).mm(tl.ones(4, 5))), 'RuntimeError');
});

test('tidy frees everything made inside except what it returns; dispose frees now', () => {
  const base = tl.memory().liveTensors;
  const kept = tl.tidy(() => {
    const a = tl.ones(3);
    const b = a.mul(2).add(1);
    return [b];
  });
  assert.equal(tl.memory().liveTensors, base + 1);
  kept[0].dispose();
  assert.equal(tl.memory().liveTensors, base);
});

test('10,000 script runs keep memory flat', () => {
  const src = 'import torch\nw = torch.tensor([[1.0, 2.0], [3.0, 4.0]], requires_grad=True)\nloss = (w @ w).tanh().sum()\nloss.backward()\n';
  for (let i = 0; i < 1000; i++) tl.run(src);
  const m0 = tl.memory();
  for (let i = 0; i < 9000; i++) tl.run(src);
  const m1 = tl.memory();
  assert.equal(m1.liveTensors, m0.liveTensors);
  assert.equal(m1.engineTensors, m0.engineTensors);
  assert.equal(m1.tensorBytes, m0.tensorBytes);
  assert.equal(m1.heapBytes, m0.heapBytes);
});

test('10,000 training steps inside tidy keep memory flat', () => {
  const w = tl.tensor([[0.1, -0.2], [0.3, 0.05]], { requiresGrad: true });
  const x = tl.tensor([[1, 2], [3, 4], [5, 6]]);
  const y = tl.tensor([[1, 0], [0, 1], [1, 1]]);
  const step = () => tl.tidy(() => {
    const loss = tl.F.mse_loss(x.mm(w), y);
    loss.backward();
    tl.noGrad(() => { w.subInPlace(w.grad.mul(0.01)); w.grad.zeroInPlace(); });
    return loss.item();
  });
  let first;
  for (let i = 0; i < 1000; i++) first ??= step();
  const m0 = tl.memory();
  let last;
  for (let i = 0; i < 9000; i++) last = step();
  const m1 = tl.memory();
  assert.ok(last < first, `loss ${first} -> ${last}`);
  assert.equal(m1.liveTensors, m0.liveTensors);
  assert.equal(m1.engineTensors, m0.engineTensors);
  assert.equal(m1.heapBytes, m0.heapBytes);
});

test('a 100,000-node chain runs forward and backward without a stack overflow', () => {
  tl.tidy(() => {
    const x = tl.tensor(1, { requiresGrad: true });
    let y = x;
    for (let i = 0; i < 50000; i++) y = y.mul(1.0001).add(0.0001);
    y.backward();
    assert.ok(Math.abs(x.grad.item() - Math.pow(1.0001, 50000)) < 1e-2 * Math.pow(1.0001, 50000));
  });
});

test('reads stay correct when wasm memory grows during the call', () => {
  tl.tidy(() => {
    const before = tl.memory().heapBytes;
    const big = tl.ones(4, 1 << 20);       // 16 MiB of float32
    const d = big.mul(2).data();           // the copy for data() grows the heap mid-call
    assert.ok(tl.memory().heapBytes > before || before >= 64 << 20);
    assert.equal(d.length, 4 << 20);
    assert.equal(d[0], 2);
    assert.equal(d[d.length - 1], 2);
    assert.deepEqual(big.sum({ dim: 1, keepdim: true }).shape, [4, 1]);
  });
});

test('tensor op number: repeated numbers keep each dtype, value and gradient apart', () => {
  // The wasm adapter reuses the 0-d tensors of recent numbers; the key must include everything
  // the wrapped number's dtype depends on.
  tl.tidy(() => {
    const x = tl.tensor([1, 2], { requiresGrad: true });
    const y = x.mul(3).mul(3).add(0.5).mul(3);
    y.sum().backward();
    assert.deepEqual(y.toArray(), [28.5, 55.5]);
    assert.deepEqual(x.grad.toArray(), [27, 27]);
    const d = tl.tensor([1, 2], { dtype: 'float64' });
    const i = tl.tensor([1, 2], { dtype: 'int64' });
    assert.equal(d.mul(3).dtype, 'float64');
    assert.equal(i.mul(3).dtype, 'int64');
    assert.equal(i.mul(2.5).dtype, 'float32');
    assert.deepEqual(i.mul(2.5).toArray(), [2.5, 5]);
    assert.equal(i.mul(3).dtype, 'int64');
    assert.equal(x.mul(3).dtype, 'float32');
    assert.deepEqual(x.sub(-0).toArray(), [1, 2]);
    const one = tl.tensor([1]);
    assert.ok(Object.is(one.mul(0).toArray()[0], 0));
    assert.ok(Object.is(one.mul(-0).toArray()[0], -0));  // 0 and -0 are different numbers
  });
});

test('an argument list too large for the call buffer is an error, and the module keeps working', () => {
  const a = tl.tensor([1, 2, 3]);
  assert.throws(() => a.view(new Array(20000).fill(1)), (e) => e instanceof TensorlensError && /arguments too large/.test(e.message));
  assert.throws(() => tl.zeros(new Array(9000).fill(1)), TensorlensError);
  assert.deepEqual(a.add(1).toArray(), [2, 3, 4]);
  a.dispose();
});

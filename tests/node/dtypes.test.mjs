// The integer dtypes through the JS API: tl.tensor(..., {dtype}), data()/toArray() typed arrays,
// wraparound, promotion, bitwise ops, and tl.run printing them as PyTorch.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { init } from '../../dist/index.js';

const tl = await init();

test('dtypes: tl.tensor with each integer dtype gives the matching typed array', () => {
  const cases = [
    ['int32', Int32Array, [1, -2, 300]],
    ['int16', Int16Array, [1, -2, 300]],
    ['int8', Int8Array, [1, -2, 100]],
    ['uint8', Uint8Array, [1, 2, 200]],
  ];
  for (const [dtype, Typed, values] of cases) {
    const t = tl.tensor(values, { dtype });
    assert.equal(t.dtype, dtype);
    const d = t.data();
    assert.ok(d instanceof Typed, `${dtype}: ${d.constructor.name}`);
    assert.deepEqual(Array.from(d), values);
    assert.deepEqual(t.toArray(), values);
    t.dispose();
  }
  // A typed array without a dtype keeps its element type.
  const fromTyped = tl.tensor(new Int16Array([5, -6]));
  assert.equal(fromTyped.dtype, 'int16');
  assert.deepEqual(Array.from(fromTyped.data()), [5, -6]);
});

test('dtypes: a view with an offset reads its own elements (int16 rows)', () => {
  const m = tl.tensor([[1, 2], [3, 4], [5, 6]], { dtype: 'int16' });
  assert.deepEqual(Array.from(m.index(2).data()), [5, 6]);
  assert.deepEqual(m.index(1).toArray(), [3, 4]);
});

test('dtypes: uint8 wraps around, promotion follows PyTorch, sum gives int64', () => {
  const u = tl.tensor([250, 255], { dtype: 'uint8' });
  assert.deepEqual(Array.from(u.add(10).data()), [4, 9]);
  const i8 = tl.tensor([1, 2], { dtype: 'int8' });
  assert.equal(u.add(i8).dtype, 'int16');
  assert.equal(u.add(tl.tensor([1, 1], { dtype: 'int32' })).dtype, 'int32');
  assert.equal(u.mul(1.5).dtype, 'float32');
  assert.equal(u.sum().dtype, 'int64');
  assert.equal(u.sum().item(), 505);
  assert.equal(u.div(5).dtype, 'float32');
});

test('dtypes: bitwise ops on integer tensors and their PyTorch error on floats', () => {
  const b = tl.tensor([1, 5, 11], { dtype: 'int32' });
  const c = tl.tensor([2, 7, 10], { dtype: 'int32' });
  assert.deepEqual(Array.from(tl.bitwise_xor(b, c).data()), [3, 2, 1]);
  assert.deepEqual(Array.from(b.bitwise_and(c).data()), [0, 5, 10]);
  assert.deepEqual(Array.from(b.bitwise_left_shift(2).data()), [4, 20, 44]);
  assert.throws(() => tl.bitwise_xor(tl.tensor([1.5]), tl.tensor([2.5])), /"bitwise_xor_cpu" not implemented for 'Float'/);
});

test('dtypes: tl.run prints the integer dtypes as PyTorch and reports them in the JSON', () => {
  const r = tl.run('import torch\nN = torch.zeros((2, 3), dtype=torch.int32)\nN[0, 1] += 1\nprint(N)\nprint(N.dtype, N.element_size())\n');
  assert.equal(r.stdout, 'tensor([[0, 1, 0],\n        [0, 0, 0]], dtype=torch.int32)\ntorch.int32 4\n');
  assert.equal(r.tensors.N.dtype, 'int32');
  assert.deepEqual(r.tensors.N.data, [0, 1, 0, 0, 0, 0]);
});

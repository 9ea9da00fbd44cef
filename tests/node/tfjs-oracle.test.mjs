// An independent oracle: gradients of 24 functions cross-checked against TensorFlow.js (cpu backend).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as tf from '@tensorflow/tfjs';
import { init } from '../../dist/index.js';

await tf.setBackend('cpu');
const tl = await init();

const A = [[0.5, -1.2, 2.0], [1.5, 0.3, -0.7]];
const B = [[1.1, 0.4, -0.3], [-0.8, 2.2, 0.9]];
const W = [[0.2, -0.5], [1.3, 0.7], [-0.4, 0.6]];
const P = [[0.5, 1.2, 2.0], [1.5, 0.3, 0.7]];  // positive
const row = [0.3, -0.6, 1.1];

// Each case: inputs, the function in tensorlens and in TF.js (same math).
const cases = [
  ['mul + sum', [A, B], (x, y) => x.mul(y).sum(), (x, y) => tf.sum(tf.mul(x, y))],
  ['add broadcast', [A, row], (x, y) => x.add(y).mul(x).sum(), (x, y) => tf.sum(tf.mul(tf.add(x, y), x))],
  ['sub broadcast', [A, row], (x, y) => x.sub(y).pow(2).sum(), (x, y) => tf.sum(tf.square(tf.sub(x, y)))],
  ['div', [A, P], (x, y) => x.div(y).sum(), (x, y) => tf.sum(tf.div(x, y))],
  ['exp', [A], (x) => x.exp().sum(), (x) => tf.sum(tf.exp(x))],
  ['log', [P], (x) => x.log().mul(x).sum(), (x) => tf.sum(tf.mul(tf.log(x), x))],
  ['sqrt', [P], (x) => x.sqrt().sum(), (x) => tf.sum(tf.sqrt(x))],
  ['tanh', [A], (x) => x.tanh().mul(x).sum(), (x) => tf.sum(tf.mul(tf.tanh(x), x))],
  ['sigmoid', [A], (x) => x.sigmoid().pow(2).sum(), (x) => tf.sum(tf.square(tf.sigmoid(x)))],
  ['relu', [A], (x) => x.relu().mul(x).sum(), (x) => tf.sum(tf.mul(tf.relu(x), x))],
  ['sin cos', [A], (x) => x.sin().mul(x.cos()).sum(), (x) => tf.sum(tf.mul(tf.sin(x), tf.cos(x)))],
  ['abs', [A], (x) => x.abs().mul(x).sum(), (x) => tf.sum(tf.mul(tf.abs(x), x))],
  ['pow scalar', [P], (x) => x.pow(3).sum(), (x) => tf.sum(tf.pow(x, 3))],
  ['mean', [A], (x) => x.pow(2).mean(), (x) => tf.mean(tf.square(x))],
  ['sum over dim', [A], (x) => x.sum(1).pow(2).sum(), (x) => tf.sum(tf.square(tf.sum(x, 1)))],
  ['matmul', [A, W], (x, w) => x.matmul(w).tanh().sum(), (x, w) => tf.sum(tf.tanh(tf.matMul(x, w)))],
  ['matmul transposed', [A, B], (x, y) => x.matmul(y.t()).sum(), (x, y) => tf.sum(tf.matMul(x, y, false, true))],
  ['softmax', [A], (x) => tl.F.softmax(x, 1).mul(x).sum(), (x) => tf.sum(tf.mul(tf.softmax(x), x))],
  ['log_softmax', [A], (x) => tl.F.log_softmax(x, 1).mul(x).sum(), (x) => tf.sum(tf.mul(tf.logSoftmax(x), x))],
  ['logsumexp', [A], (x) => x.logsumexp(1).sum(), (x) => tf.sum(tf.logSumExp(x, 1))],
  ['max over dim', [A], (x) => x.amax(1).sum(), (x) => tf.sum(tf.max(x, 1))],
  ['maximum', [A, B], (x, y) => x.maximum(y).sum(), (x, y) => tf.sum(tf.maximum(x, y))],
  ['mse', [A, B], (x, y) => tl.F.mse_loss(x, y), (x, y) => tf.losses.meanSquaredError(y, x)],
  ['reshape + transpose', [A], (x) => x.reshape(3, 2).t().mul(tl.tensor([[1, 2, 3], [4, 5, 6]])).sum(),
    (x) => tf.sum(tf.mul(tf.transpose(tf.reshape(x, [3, 2])), tf.tensor([[1, 2, 3], [4, 5, 6]])))],
  ['concat', [A, B], (x, y) => tl.cat([x, y], 1).pow(2).sum(), (x, y) => tf.sum(tf.square(tf.concat([x, y], 1)))],
  ['clamp', [A], (x) => x.clamp(-1, 1).mul(x).sum(), (x) => tf.sum(tf.mul(tf.clipByValue(x, -1, 1), x))],
];

test('at least 20 gradient cases', () => assert.ok(cases.length >= 20));

for (const [name, inputs, fTl, fTf] of cases) {
  test(`gradient matches TensorFlow.js: ${name}`, () => {
    const ours = tl.tidy(() => tl.grad(fTl)(...inputs.map((v) => tl.tensor(v))).map((g) => g.toArray()));
    const theirs = tf.tidy(() => tf.grads(fTf)(inputs.map((v) => tf.tensor(v))).map((g) => g.arraySync()));
    assert.equal(ours.length, theirs.length);
    for (let k = 0; k < ours.length; k++) {
      const a = [ours[k]].flat(Infinity), b = [theirs[k]].flat(Infinity);
      assert.equal(a.length, b.length);
      a.forEach((x, i) => assert.ok(Math.abs(x - b[i]) <= 1e-4 + 1e-4 * Math.abs(b[i]), `${name} input ${k} [${i}]: ${x} vs ${b[i]}`));
    }
  });
}

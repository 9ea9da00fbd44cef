// The numpy subset in wasm: names outside it fail with a positioned error naming them, arrays
// that become tensors are constants (the graph is the one of the same torch constant), and np.random's numbers do not depend on the
// torch generator. (Values and printing are checked against Debian's numpy by the conformance
// scripts ok_numpy_*.py / err_numpy_*.py, natively and in wasm.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { init } from '../../dist/index.js';

const tl = await init();

function runError(source) {
  try {
    tl.run(source);
  } catch (e) {
    assert.equal(e.name, 'TensorlensError');
    return e;
  }
  assert.fail('expected an error');
}

test('a numpy name outside the subset is a positioned error naming it', () => {
  const e = runError('import numpy as np\nx = np.array([1.0, 2.0])\ny = np.fft.fft(x)\n');
  assert.equal(e.line, 3);
  assert.equal(e.col, 8);
  assert.match(e.message, /AttributeError: tensorlens's numpy subset has no np\.fft/);
  const r = runError('import numpy as np\nrng = np.random.default_rng(0)\n');
  assert.equal(r.line, 2);
  assert.match(r.message, /no np\.random\.default_rng/);
  const m = runError('import numpy as np\na = np.ones(3)\nb = a.nonexistent_method()\n');
  assert.equal(m.line, 3);
  assert.match(m.message, /'numpy\.ndarray' object has no attribute 'nonexistent_method'/);
});

test('arrays never require grad; as tensors they are graph constants', () => {
  const src = [
    'import numpy as np',
    'import torch',
    'a = np.array([1.0, 2.0, 3.0])',
    'w = torch.tensor([0.5, -1.0, 2.0], requires_grad=True)',
    'x = torch.from_numpy(a)',
    'y = (w * x).sum()',
    'y.backward()',
  ].join('\n');
  const run = tl.run(src);
  assert.equal(run.tensors.x.requires_grad, false);
  assert.equal(run.tensors.x.dtype, 'float64');
  assert.deepEqual(run.tensors.x.data, [1, 2, 3]);
  assert.deepEqual(run.tensors.w.grad, [1, 2, 3]);
  assert.equal(run.tensors.a, undefined, 'ndarrays are not torch tensors');
  // The graph draws what requires grad; an array made a tensor is a constant like any other:
  // the same graph as with the equivalent torch.tensor constant.
  const strip = (g) => g.nodes.map((n) => [n.kind, n.name, n.op, n.requires_grad, n.is_leaf]);
  const same = src.replace('torch.from_numpy(a)', 'torch.tensor([1.0, 2.0, 3.0], dtype=torch.float64)');
  assert.deepEqual(strip(tl.graph(src)), strip(tl.graph(same)));
});

test('np.random and torch.manual_seed are separate generators', () => {
  const a = tl.run('import numpy as np\nimport torch\nnp.random.seed(1)\ntorch.manual_seed(5)\nt = torch.rand(2)\nprint(np.random.rand())\n');
  const b = tl.run('import numpy as np\nnp.random.seed(1)\nprint(np.random.rand())\n');
  assert.equal(a.stdout, b.stdout);
  assert.equal(b.stdout, '0.417022004702574\n');  // numpy 1.24: np.random.seed(1); np.random.rand()
});

// nn + optim through the npm module: an MLP learns two moons (PyTorch code in a session), and a
// long training run keeps memory flat.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { init } from '../../dist/index.js';

const tl = await init();

const setup = `import torch
import torch.nn as nn
import math
torch.manual_seed(0)
n = 200
t = torch.rand(n) * math.pi
top = torch.stack([torch.cos(t[:100]), torch.sin(t[:100])], 1)
bottom = torch.stack([1 - torch.cos(t[100:]), 0.5 - torch.sin(t[100:])], 1)
X = torch.cat([top, bottom], 0) + 0.1 * torch.randn(n, 2)
y = torch.cat([torch.zeros(100), torch.ones(100)]).long()
model = nn.Sequential(nn.Linear(2, 16), nn.ReLU(), nn.Linear(16, 16), nn.ReLU(), nn.Linear(16, 2))
opt = torch.optim.Adam(model.parameters(), lr=0.02)
loss_fn = nn.CrossEntropyLoss()
`;
const steps = `for _ in range(50):
    opt.zero_grad()
    loss = loss_fn(model(X), y)
    loss.backward()
    opt.step()
with torch.no_grad():
    acc = (model(X).argmax(1) == y).float().mean()
`;

test('an MLP trained on two moons through the module reaches 95% accuracy', () => {
  const s = tl.session();
  try {
    s.exec(setup);
    let acc = 0;
    for (let k = 0; k < 20 && acc < 0.95; k++) {
      s.exec(steps);
      acc = s.tensor('acc').data[0];
    }
    assert.ok(acc >= 0.95, `accuracy ${acc}`);
    assert.ok(s.tensor('loss').data[0] < 0.3);
    assert.equal(s.graph('loss').nodes.some((n) => n.name === '0.weight'), true);
  } finally {
    s.dispose();
  }
});

test('10,000 training steps in a session keep memory flat', () => {
  const s = tl.session();
  try {
    s.exec(setup);
    for (let k = 0; k < 20; k++) s.exec(steps);  // 1,000 steps
    const m0 = tl.memory();
    for (let k = 0; k < 180; k++) s.exec(steps);  // 9,000 more
    const m1 = tl.memory();
    assert.equal(m1.engineTensors, m0.engineTensors);
    assert.equal(m1.tensorBytes, m0.tensorBytes);
    assert.equal(m1.heapBytes, m0.heapBytes);
  } finally {
    s.dispose();
  }
});

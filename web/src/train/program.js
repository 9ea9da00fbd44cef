// The Python that training mode runs in the engine's session, and the PyTorch script it exports.
// Pure functions of serialisable options; the worker executes the chunks, the controller calls these.
import { datasetSource, taskOf } from './datasets.js';

export const IMPORTS = 'import torch\nimport torch.nn as nn\n';

export const TEMPLATES = {
  classification: [
    '# The model, the optimizer and the loss. The dataset is X (N, 2) and y (N,) class labels.',
    '# Each training step: opt.zero_grad(); loss = loss_fn(model(X), y); loss.backward(); opt.step()',
    'model = nn.Sequential(nn.Linear(2, 16), nn.ReLU(), nn.Linear(16, 16), nn.ReLU(), nn.Linear(16, 2))',
    'opt = torch.optim.Adam(model.parameters(), lr=0.01)',
    'loss_fn = nn.CrossEntropyLoss()',
    '',
  ].join('\n'),
  regression: [
    '# The model, the optimizer and the loss. The dataset is X (N, 1) and y (N, 1) targets.',
    '# Each training step: opt.zero_grad(); loss = loss_fn(model(X), y); loss.backward(); opt.step()',
    'model = nn.Sequential(nn.Linear(1, 32), nn.Tanh(), nn.Linear(32, 32), nn.Tanh(), nn.Linear(32, 1))',
    'opt = torch.optim.Adam(model.parameters(), lr=0.01)',
    'loss_fn = nn.MSELoss()',
    '',
  ].join('\n'),
};

export const templateFor = (dataset) => TEMPLATES[taskOf(dataset)];

const STEP_BODY = ['    opt.zero_grad()', '    loss = loss_fn(model(X), y)', '    loss.backward()', '    opt.step()'];

/** k training steps; the losses of the steps are left in tl_losses (a tensor). */
export function stepChunk(k) {
  return ['tl_steps = []', `for _ in range(${k}):`, ...STEP_BODY, '    tl_steps.append(loss.item())', 'tl_losses = torch.tensor(tl_steps)', ''].join('\n');
}

/** Evaluation under no_grad (eval mode, so dropout is off): outputs on X and on the grid G, test loss. */
export function evalChunk({ split }) {
  return [
    'model.eval()',
    'with torch.no_grad():',
    '    tl_out = model(X)',
    '    tl_grid_out = model(G)',
    ...(split ? ['    tl_test_out = model(X_test)', '    test_loss = loss_fn(tl_test_out, y_test)'] : []),
    'model.train()',
    '',
  ].join('\n');
}

/** The grid G the boundary (or the regression curve) is evaluated on. */
export function gridChunk(task, b, res) {
  const f = (x) => String(Number(x.toPrecision(6)));
  if (task === 'regression') return `G = torch.linspace(${f(b.x0)}, ${f(b.x1)}, ${res}).view(${res}, 1)\n`;
  return [
    `tl_gx = torch.linspace(${f(b.x0)}, ${f(b.x1)}, ${res})`,
    `tl_gy = torch.linspace(${f(b.y1)}, ${f(b.y0)}, ${res})`, // top row first (canvas order)
    `G = torch.stack([tl_gx.view(1, ${res}).expand(${res}, ${res}).reshape(-1), tl_gy.view(${res}, 1).expand(${res}, ${res}).reshape(-1)], 1)`,
    '',
  ].join('\n');
}

/** The `opt = torch.optim.X(..., lr=...)` line of the model code: {line, index, lr}, or null. */
export function findOptimizer(code) {
  const lines = code.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const m = /^opt\s*=\s*torch\.optim\.\w+\(.*\)\s*(#.*)?$/.exec(lines[i]);
    if (!m) continue;
    const lr = /\blr\s*=\s*([0-9.eE+-]+)/.exec(lines[i]);
    return { index: i, line: lines[i], lr: lr ? Number(lr[1]) : null };
  }
  return null;
}

/** The model code with the optimizer's lr replaced (or null when there is no `opt = ...lr=...` line). */
export function withLearningRate(code, lr) {
  const o = findOptimizer(code);
  if (!o || o.lr === null) return null;
  const lines = code.split('\n');
  lines[o.index] = o.line.replace(/\blr\s*=\s*[0-9.eE+-]+/, `lr=${lr}`);
  return { code: lines.join('\n'), line: lines[o.index] };
}

/**
 * The complete PyTorch script of a training run: imports, dataset, model code, then the steps done,
 * as loops separated by the optimizer re-creations of learning-rate changes.
 * segments: [{steps, optLine}] — optLine (from the 2nd segment on) re-creates opt.
 */
export function trainingScript({ data, code, segments }) {
  const task = taskOf(data.dataset);
  const out = [IMPORTS, datasetSource(data), code.endsWith('\n') ? code : code + '\n'];
  let total = 0;
  for (const [i, seg] of segments.entries()) {
    if (i > 0 && seg.optLine) out.push(`${seg.optLine}  # learning rate changed at step ${total}\n`);
    if (!seg.steps) continue;
    out.push([`for step in range(${seg.steps}):`, ...STEP_BODY, ''].join('\n'));
    total += seg.steps;
  }
  const report = [`print("steps: ${total}")`, 'model.eval()', 'with torch.no_grad():', '    print("train loss:", loss_fn(model(X), y).item())'];
  if (task === 'classification') report.push('    print("train accuracy:", (model(X).argmax(1) == y).float().mean().item())');
  if (data.split) {
    report.push('    print("test loss:", loss_fn(model(X_test), y_test).item())');
    if (task === 'classification') report.push('    print("test accuracy:", (model(X_test).argmax(1) == y_test).float().mean().item())');
  }
  out.push(report.join('\n') + '\n');
  return out.join('\n');
}

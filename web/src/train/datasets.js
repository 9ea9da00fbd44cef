// Training datasets, generated in the engine from a seed. Each generator is PyTorch code that runs
// unchanged under real PyTorch (torch.manual_seed + torch.rand/randn/randperm give the same numbers
// in tensorlens), so "Copy as PyTorch" regenerates exactly the same points. Every snippet defines
// X (float32, (N, 2) or (N, 1)) and y (int64 labels (N,) or float32 targets (N, 1)), and with a
// split also X_test, y_test.

const PI = '3.141592653589793';

const labels = [
  'y = torch.cat([torch.zeros(n0, dtype=torch.int64), torch.ones(n - n0, dtype=torch.int64)])',
];

export const DATASETS = {
  moons: {
    title: 'Two moons', task: 'classification', noise: 0.1,
    body: [
      `t = torch.rand(n) * ${PI}`,
      'a = torch.stack([torch.cos(t[:n0]), torch.sin(t[:n0])], 1)',
      'b = torch.stack([1 - torch.cos(t[n0:]), 0.5 - torch.sin(t[n0:])], 1)',
      'X = torch.cat([a, b]) + noise * torch.randn(n, 2)',
      ...labels,
    ],
  },
  circles: {
    title: 'Circles', task: 'classification', noise: 0.08,
    body: [
      `t = torch.rand(n) * 2 * ${PI}`,
      'r = torch.cat([torch.ones(n0), 0.5 * torch.ones(n - n0)])',
      'X = torch.stack([r * torch.cos(t), r * torch.sin(t)], 1) + noise * torch.randn(n, 2)',
      ...labels,
    ],
  },
  spirals: {
    title: 'Spirals', task: 'classification', noise: 0.05,
    body: [
      't = torch.rand(n) ** 0.5',
      'k = torch.cat([torch.zeros(n0), torch.ones(n - n0)])',
      `a = 3.5 * ${PI} * t + ${PI} * k`,
      'X = torch.stack([2 * t * torch.cos(a), 2 * t * torch.sin(a)], 1) + noise * torch.randn(n, 2)',
      'y = k.long()',
    ],
  },
  xor: {
    title: 'XOR', task: 'classification', noise: 0.05,
    body: [
      'P = torch.rand(n, 2) * 2 - 1',
      'P = P + 0.1 * torch.sign(P)',
      'X = P + noise * torch.randn(n, 2)',
      'y = (P[:, 0] * P[:, 1] < 0).long()',
    ],
  },
  regression: {
    title: '1-D regression', task: 'regression', noise: 0.1,
    body: [
      'X = torch.rand(n, 1) * 6 - 3',
      'y = torch.sin(1.5 * X) + 0.2 * X + noise * torch.randn(n, 1)',
    ],
  },
};

export const SIZES = [50, 100, 200, 400, 800];
export const SPLITS = [0, 0.2, 0.3, 0.5]; // fraction of the points held out as the test set

/** Numbers as Python literals (always with a decimal point for floats). */
const pyFloat = (x) => (Number.isInteger(x) ? `${x}.0` : String(x));

/** Clamps user/URL input to what the controls allow. */
export function normalizeDataOptions(o = {}) {
  const dataset = Object.hasOwn(DATASETS, o.dataset) ? o.dataset : 'moons';
  const n = SIZES.includes(Number(o.n)) ? Number(o.n) : 200;
  const noiseIn = Number(o.noise);
  const noise = Number.isFinite(noiseIn) && o.noise !== '' && o.noise !== undefined ? Math.min(1, Math.max(0, Math.round(noiseIn * 100) / 100)) : DATASETS[dataset].noise;
  const seedIn = Math.trunc(Number(o.seed));
  const seed = Number.isFinite(seedIn) && seedIn >= 0 && seedIn < 2 ** 31 ? seedIn : 0;
  const split = SPLITS.includes(Number(o.split)) ? Number(o.split) : 0;
  return { dataset, n, noise, seed, split };
}

/** The dataset as PyTorch code (needs `import torch`). */
export function datasetSource(options) {
  const { dataset, n, noise, seed, split } = normalizeDataOptions(options);
  const d = DATASETS[dataset];
  const lines = [
    `# Dataset: ${d.title.toLowerCase()}, ${n} points, noise ${noise}, seed ${seed}${split ? `, ${Math.round(split * 100)}% held out for testing` : ''}`,
    `torch.manual_seed(${seed})`,
    `n, noise = ${n}, ${pyFloat(noise)}`,
    'n0 = n // 2',
    ...d.body,
  ];
  if (split) {
    const nTest = Math.round(n * split);
    lines.push(
      'perm = torch.randperm(n)',
      'X, y = X[perm], y[perm]',
      `X_test, y_test = X[${n - nTest}:], y[${n - nTest}:]`,
      `X, y = X[:${n - nTest}], y[:${n - nTest}]`,
    );
  }
  return lines.join('\n') + '\n';
}

export const taskOf = (dataset) => (DATASETS[dataset] || DATASETS.moons).task;

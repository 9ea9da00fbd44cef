// A realistic program compiled with `tsc --strict` against the generated dist/index.d.ts; the
// type test also checks that no call in it has an `any` or `unknown` type, and runs it.
import init, { TensorlensError, type Tensor, type Tensorlens, type Module, type Linear } from 'tensorlens';

async function main(): Promise<number> {
  const tl: Tensorlens = await init();
  const a: Tensor = tl.tensor([[1, 2], [3, 4]], { requiresGrad: true });
  const b = tl.tensor(new Float32Array([5, 6, 7, 8])).reshape(2, 2);
  const e = a.mm(b).relu().add(a).sum();
  e.backward({ retainGraph: true });
  e.backward();
  const g: Tensor | null = a.grad;
  const nested = g?.toArray();
  const shape: number[] = a.shape;
  const data: Float32Array = tl.tensor([1, 2]).data();
  // The integer dtypes: data() is the matching typed array.
  const counts: Int32Array = tl.tensor([1, 2], { dtype: 'int32' }).data();
  const pixels: Uint8Array = tl.tensor([0, 255], { dtype: 'uint8' }).data();
  const small: Int8Array = tl.tensor([1, -2], { dtype: 'int8' }).data();
  const same: Tensor = tl.noGrad(() => a.subInPlace(a.grad!, { alpha: 0.1 }));
  const [values, indices] = a.max(1);
  const y = tl.exp(a);
  const s: number = a.size(0) + 1;
  const dims: number[] = a.size();
  const total: number = a.sum().item() * 2;
  const flag: boolean = a.gt(2).sum().item() > 0;
  const bools = tl.tensor([true, false]);
  const first: boolean = bools.index(0).item();
  const rows = a.sum({ dim: 1, keepdim: true });
  const rows2 = a.sum(1, true);
  const sm = tl.F.softmax(a, 1);
  const ce = tl.F.cross_entropy(a, tl.tensor([0, 1], { dtype: 'int64' }), { ignoreIndex: -1 });
  const z = tl.zeros(2, 3, { dtype: 'float64' });
  const z2 = tl.zeros([2, 3]);
  const r = tl.randn(4, 2);
  const d: Tensor<'float64'> = a.to('float64');
  const v = a.view(-1).index(':2');
  a.detach().setIndex(0, ':', 1);
  const out = tl.run('import torch\nx = torch.ones(2)\n');
  const n: number[] = out.tensors.x.shape;
  const graph = tl.graph('import torch\nx = torch.ones(2)\n', { var: 'x' });
  const kept = tl.tidy(() => a.mul(2));
  const grads: Tensor[] = tl.grad((x: Tensor) => x.mul(x).sum())(a);
  const { value } = tl.valueAndGrad((x: Tensor) => x.sum())(a);
  const ag = tl.autograd.grad([a.sum()], [a], null, true);
  const mem = tl.memory().liveTensors + tl.memory().heapBytes;
  a.print();
  const text: string = a.toString();

  tl.manualSeed(0);
  const model: Module = tl.nn.Sequential(tl.nn.Linear(2, 16), tl.nn.ReLU(), tl.nn.Dropout(0.1), tl.nn.Linear(16, 1, { bias: false }));
  const lin: Linear = tl.nn.Linear(2, 3);
  const w: Tensor = lin.weight;
  const bias: Tensor | null = lin.bias;
  const norm = tl.nn.LayerNorm([16], { eps: 1e-6 });
  const emb = tl.nn.Embedding(10, 4);
  const embW: Tensor = emb.weight;
  const opt = tl.optim.AdamW(model.parameters(), { lr: 1e-3, betas: [0.9, 0.99], weightDecay: 0.01 });
  const sgd = tl.optim.SGD(lin.parameters(), { lr: 0.1, momentum: 0.9 });
  const sched = tl.optim.lr_scheduler.StepLR(opt, 10, { gamma: 0.5 });
  const lossFn = tl.nn.CrossEntropyLoss({ reduction: 'sum' });
  let last = 0;
  for (let i = 0; i < 3; i++) {
    last = tl.tidy(() => {
      opt.zeroGrad();
      const loss = tl.nn.MSELoss().call(model.call(tl.ones(4, 2)), tl.zeros(4, 1));
      loss.backward();
      opt.step();
      sched.step();
      return loss.item();
    });
  }
  model.eval();
  const lr: number = opt.lr;
  const first2: Module = model.at(0);
  // Every typed call form: positional, options-only, keyword-only.
  const forms: Tensor[] = [tl.full({ size: [2], fillValue: 3 }), a.mul({ other: 2 }), tl.zeros([2, 3], { dtype: 'float64' }),
    tl.F.dropout(a, { p: 0.2, training: false }), a.flatten({ startDim: 0 }), tl.arange({ start: 0, end: 3 }),
    tl.sum({ input: a, dim: 1 }), tl.F.leakyRelu(a, { negativeSlope: 0.5 }), tl.arange(0, 6, 2), a.permute(1, 0)];
  const formsN = forms.reduce((acc, t) => acc + t.numel(), 0);
  const lin2: Linear = tl.nn.Linear({ inFeatures: 2, outFeatures: 3 });
  let errorPos = -1;
  try {
    a.mm(tl.zeros(5, 5));
  } catch (err) {
    if (err instanceof TensorlensError) errorPos = err.line + err.col;
  }
  kept.dispose();
  return shape.length + data.length + n.length + graph.nodes.length + grads.length + mem + value.item() +
    values.numel() + indices.numel() + (nested ? 1 : 0) + y.numel() + s + dims.length + total + Number(flag) + Number(first) +
    rows.numel() + rows2.numel() + sm.numel() + ce.item() + z.numel() + z2.numel() + r.numel() + d.numel() + v.numel() +
    ag.length + text.length + w.numel() + (bias ? 1 : 0) + norm.parameters().length + embW.numel() + last + lr +
    first2.parameters().length + same.numel() + sgd.lr + lossFn.parameters().length + errorPos +
    formsN + lin2.parameters().length;
}
// Run (tests/node/types.test.mjs runs this file too, compiled by esbuild): prints the checksum.
main().then((v) => console.log(`checksum ${v}`));

// Compiled with `tsc --noEmit` against dist/index.d.ts: the typed surface users see.
import init, { TensorlensError, type Tensor, type Tensorlens } from 'tensorlens';

async function main(): Promise<number> {
  const tl: Tensorlens = await init();
  const a: Tensor = tl.tensor([[1, 2], [3, 4]], { requiresGrad: true });
  const b = tl.tensor(new Float32Array([5, 6, 7, 8])).reshape(2, 2);
  const e = a.mm(b).relu().add(a).sum();
  e.backward();
  const g: Tensor | null = a.grad;
  const nested = g?.toArray();
  const shape: number[] = a.shape;
  const data = a.data();
  tl.noGrad(() => a.subInPlace(a.grad!.mul(0.1)));
  const [values, indices] = a.max(1);
  const out = tl.run('import torch\nx = torch.ones(2)\n');
  const n: number[] = out.tensors.x.shape;
  const graph = tl.graph('import torch\nx = torch.ones(2)\n', { var: 'x' });
  const kept = tl.tidy(() => a.mul(2));
  const grads: Tensor[] = tl.grad((x: Tensor) => x.mul(x).sum())(a);
  const { value } = tl.valueAndGrad((x: Tensor) => x.sum())(a);
  const mem = tl.memory().liveTensors + tl.memory().heapBytes;
  try {
    a.mm(tl.zeros(5, 5));
  } catch (err) {
    if (err instanceof TensorlensError) return err.line + err.col;
  }
  kept.dispose();
  return shape.length + data.length + n.length + graph.nodes.length + grads.length + mem + Number(value.item()) +
    values.numel() + indices.numel() + (nested ? 1 : 0);
}
void main();

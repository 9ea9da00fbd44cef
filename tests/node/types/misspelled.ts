// Each line below must fail to compile (an unused @ts-expect-error is itself an error).
import init from 'tensorlens';

async function main(): Promise<void> {
  const tl = await init();
  const x = tl.ones(2, 3);
  // @ts-expect-error misspelled option
  x.sum({ dimm: 1 });
  // @ts-expect-error misspelled option
  x.sum(1, true, { keepdimm: true });
  // @ts-expect-error misspelled option of tl.tensor
  tl.tensor([1, 2], { requiresgrad: true });
  // @ts-expect-error misspelled option of tl.tensor
  tl.tensor([1, 2], { dtyp: 'float64' });
  // @ts-expect-error unknown dtype
  tl.tensor([1, 2], { dtype: 'float16' });
  // @ts-expect-error a TF.js-style shape argument
  tl.tensor([1, 2, 3, 4], [2, 2]);
  // @ts-expect-error misspelled option of a torch function
  tl.zeros(2, 2, { dtpye: 'float64' });
  // @ts-expect-error misspelled F option
  tl.F.cross_entropy(x, x, { ignore_indx: 1 });
  // @ts-expect-error misspelled module option
  tl.nn.Linear(2, 3, { biass: false });
  // @ts-expect-error misspelled optimizer option
  tl.optim.SGD(tl.nn.Linear(2, 3).parameters(), { lr: 0.1, momentun: 0.9 });
  // @ts-expect-error misspelled backward option
  x.sum().backward(null, { retain_graph: true });
  // @ts-expect-error an op that does not exist
  x.exq();
  // @ts-expect-error a wrong argument type
  x.mm(3);
  // @ts-expect-error item() of a float tensor is a number
  const b: boolean = x.sum().item();
  void b;
}
void main();

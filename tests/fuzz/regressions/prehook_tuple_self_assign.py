# libFuzzer (session 5): a register_prehook hook returning a one-tuple was read out of the tuple into
# the variable that held the tuple (use after free under ASan). Minimal reproducer.
import torch
a = torch.tensor([1., 2., 3.], requires_grad=True)
b = a.sin()
pre = b.grad_fn.register_prehook(lambda gs: (gs[0] * 0.5,))
b.sum().backward()
print(a.grad)

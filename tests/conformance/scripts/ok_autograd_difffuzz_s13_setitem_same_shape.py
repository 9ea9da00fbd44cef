# x[items] = v where v has the view's shape: PyTorch's copy_to copies v as is (no view of it
# without its leading 1s), so CopySlices points at v's AccumulateGrad and grad() adds into v.grad
# (PyTorch 1.13's CopySlices quirk); a value of another shape is viewed first.
import torch
for dt in [torch.float32, torch.float64]:
    v0 = torch.tensor([2.81], dtype=dt, requires_grad=True)
    v1 = torch.tensor(0.71, dtype=torch.float64)
    v1[None] = v0
    print([f[0].name().split('::')[-1] if f[0] is not None else None for f in v1.grad_fn.next_functions])
    v1.pow(2).sum().backward(retain_graph=True)
    g = torch.autograd.grad(v1.sum(), [v0], create_graph=True, retain_graph=True)[0]
    print(v0.grad, g)
v0 = torch.tensor([[1.5, 2.5]], requires_grad=True)
v1 = torch.zeros(3, 2)
v1[1] = v0
print([f[0].name().split('::')[-1] if f[0] is not None else None for f in v1.grad_fn.next_functions])
g = torch.autograd.grad(v1.sum(), [v0])[0]
print(v0.grad, g)

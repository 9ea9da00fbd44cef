# Differential-fuzzer find: expand's backward is PyTorch's at::sum_to, a full sum() for a 0-d
# input even when the gradient is 0-d already: a -0.0 gradient comes back +0.0.
import torch
a = torch.tensor(1.8, requires_grad=True)
b = torch.tensor(-1e-30, requires_grad=True)
e = b.expand_as(a)
torch.stack([e, a, e], 0).prod().backward()
c = torch.tensor(-1e-30, requires_grad=True)
torch.stack([c, a, c], 0).prod().backward()
d = torch.tensor(-2.0, requires_grad=True)
g = torch.autograd.grad((d.expand(()) * 0.0).sum(), [d], create_graph=True)[0]
print(b.grad, c.grad, g, g.grad_fn)

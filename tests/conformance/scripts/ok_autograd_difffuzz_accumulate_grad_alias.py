import torch
# AccumulateGrad keeps an incoming gradient nobody else holds, also a fresh view (ViewBackward0's
# reshape) of the root gradient: .grad then shares that gradient's memory (here the leaf's own).
v0 = torch.tensor(1.350, dtype=torch.float64, requires_grad=True)
v2 = v0.view(1)
v2.backward(gradient=v2)
v0.sum().backward(retain_graph=True)
print(v2.grad_fn.name(), v0, v0.grad, v2)
w = torch.tensor([1., 2.])
x = torch.zeros(2, requires_grad=True)
x.view(2, 1).backward(gradient=w.view(2, 1))
x.sum().backward()
print(w, x.grad)
# retain_grad's hook stores a clone, then rebinds .grad to .grad + g (out of place)
v1 = torch.tensor([1.0, 2.0], requires_grad=True)
v2 = v1 * 2
v2.retain_grad()
v2.sum().backward(retain_graph=True)
g = v2.grad
v2.sum().backward(retain_graph=True)
print(g, v2.grad, v1.grad)
v1 = torch.tensor(0.0, requires_grad=True)
v2 = v1.view_as(v1)
v2.retain_grad()
v2.abs().sum().backward()
v2.backward()
print(v1.grad, v2.grad)
w = torch.ones(2)
v2 = torch.tensor([1.0, 2.0], requires_grad=True) * 2
v2.retain_grad()
v2.backward(gradient=w)
w.add_(1)
print(v2.grad)

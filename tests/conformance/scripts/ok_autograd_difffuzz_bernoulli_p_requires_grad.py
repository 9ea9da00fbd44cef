# Differential-fuzzer finds (seeds 1059 #222, 1078 #3594): bernoulli_(p) with p requiring grad is
# checked and recorded as an in-place op even when self needs no grad: a view made in no_grad mode
# is refused, a view of a tensor without history gives its base CopySlices.
import torch
v0 = torch.tensor(-0.0, requires_grad=True)
v3 = torch.autograd.grad(v0.sum(), [v0], create_graph=True)[0]
v3.bernoulli_(v0)
print(v3, v3.requires_grad, v3.is_leaf)
v1 = torch.tensor(0.6, requires_grad=True)
v8 = torch.autograd.grad(v1.sum(), [v1])[0]
try:
    v8.bernoulli_(v1)
except RuntimeError as e:
    print("RuntimeError", str(e)[:60])
x = torch.zeros(3)
v = x[1:]
p = torch.tensor([0.0, 1.0], requires_grad=True)
v.bernoulli_(p)
print(x, x.requires_grad, v.requires_grad)
x.sum().backward()
print(p.grad)

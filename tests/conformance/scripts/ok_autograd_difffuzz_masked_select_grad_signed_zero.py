# Differential-fuzzer find: masked_select's gradient is masked_scatter of g into zeros, which
# writes g: a -0.0 gradient stays -0.0 (an index_add into zeros made it +0.0).
import torch
v0 = torch.tensor([[False, True, True]])
v1 = torch.tensor([[-1.050, 2.58, -0.7], [1.4, -2.000, -0.0]], requires_grad=True)
v3 = torch.masked_select(v1, v0)
v3.prod().backward()
print(v3, v1.grad, 1 / v1.grad)
x = torch.tensor(-0.0, requires_grad=True)
y = torch.masked_select(x, torch.tensor([True, True]))
(y * torch.tensor([-0.0, -0.0])).sum().backward()
print(y, x.grad, 1 / x.grad)
x.grad = None
torch.masked_select(x, torch.tensor(False)).sum().backward()
print(x.grad)
w = torch.tensor([1.0, -0.0, 3.0], requires_grad=True)
g, = torch.autograd.grad((torch.masked_select(w, w != 1) * -0.0).sum(), w, create_graph=True)
print(g, 1 / g)

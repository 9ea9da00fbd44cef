# Session 14 (H4): erfc / Tensor.erfc / erfc_ (values, gradient, double backward).
import torch

x = torch.tensor([-3.0, -0.5, 0.0, 0.25, 1.0, 4.0, 9.0, 10.5, float('inf'), float('-inf'), float('nan')])
print(torch.erfc(x))
print(x.double().erfc())
print(torch.erfc(torch.tensor([1, 2, 0])))
y = torch.tensor([0.3, -1.2, 2.0], dtype=torch.float64, requires_grad=True)
z = y.erfc()
print(z)
g, = torch.autograd.grad(z.sum(), y, create_graph=True)
print(g)
g.sum().backward()
print(y.grad)
w = torch.tensor([0.5, 1.5])
print(w.erfc_(), w)
print(torch.erfc_(torch.tensor([2.0])))
print(torch.erfc(torch.tensor([[1.92,-0.1,2.83,-1.82]])).double().tolist())

# flip() saves no tensor in PyTorch (FlipBackward0 keeps the dims): a second backward through it
# works without retain_graph.
import torch
x = torch.tensor([[2.25, -1.4, 1.68]], requires_grad=True)
f = x.flip(0, 1)
f.sum().backward()
f.sum().backward()
print(x.grad)
g = torch.autograd.grad((f * f).sum(), [x], create_graph=True)[0]
print(g, type(g.grad_fn).__name__)
h = torch.autograd.grad(f.flip(1).sum(), [x], create_graph=True)[0]
print(h, h.grad_fn)

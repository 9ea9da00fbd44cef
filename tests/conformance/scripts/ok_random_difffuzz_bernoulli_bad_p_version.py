# bernoulli_(p) with a probability outside [0, 1]: PyTorch 1.13's kernel raises after drawing the
# elements before it, under autograd's wrapper, so the version counter is not bumped: a view of
# self keeps its own node (no AsStridedBackward0) and a saved self still unpacks.
import torch
v0 = torch.tensor([[-0.7], [-2.76], [0.2]], requires_grad=True)
v4 = v0 ** v0
v6 = torch.round_(v4)
v9 = v4[1, ::2]
try:
    v6.bernoulli_(v6)
except RuntimeError as e:
    print("RuntimeError", str(e)[:40])
print(v4.isnan().tolist(), type(v9.grad_fn).__name__)
a = torch.tensor([0.5, 2.0], requires_grad=True)
b = a * 1
c = b.exp()
try:
    b.bernoulli_(torch.tensor([0.0, 3.0]))
except RuntimeError as e:
    print("RuntimeError", str(e)[:40])
c.sum().backward()
print(a.grad, b.detach())

# Differential-fuzzer find (seed 1052 #1693): the gradient from autograd.grad is a view (sum's
# expand of the seed); after requires_grad_() on it, writing into a view of it is refused, as
# PyTorch 1.13 tests only that the base is a leaf (here one that needs no grad).
import torch
v0 = torch.tensor([[2.0, 0.90, -2.620, 0.670, 1.990]], dtype=torch.float64, requires_grad=True)
v2 = torch.autograd.grad(v0.sum(), [v0], create_graph=True)[0]
v3 = v2.requires_grad_(True)
print(v3.is_leaf, v3.requires_grad)
v3[0:, 1::2] = 0.5  # expect-error

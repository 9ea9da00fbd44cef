# Differential-fuzzer find: the gradient of max()/min() over all elements is PyTorch's
# evenly_distribute_backward: a NaN result sends it to the NaN elements (evenly), and it is filled in,
# so the other elements get 0 even when the incoming gradient is NaN (amax/amin over dims multiply
# by the mask: NaN stays in the slice).
import torch
v1 = torch.tensor([[-0.580, 2.720, 1.50], [1.1, float('nan'), -1.590], [-float('inf'), float('nan'), 0.42]], requires_grad=True)
v4 = torch.min(v1)
v4.pow(2).sum().backward()
w = torch.tensor([1.0, 3.0, 3.0, float('nan')], dtype=torch.float64, requires_grad=True)
w.max().backward()
u = torch.tensor([1.0, 3.0, 3.0, -2.0], requires_grad=True)
(u.max() + 2 * u.min()).backward()
k = torch.tensor([[1.0, float('nan')], [2.0, 0.5]], requires_grad=True)
k.amax(1).sum().backward()

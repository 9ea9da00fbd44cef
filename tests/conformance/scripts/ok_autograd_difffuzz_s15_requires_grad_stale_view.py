# requires_grad_(False) tests the stored grad_fn, as PyTorch: a view made before its base got history is still a leaf there (seed 1307 #135)
import torch
v0 = torch.tensor([-2.4, -0.8], dtype=torch.float32, requires_grad=True)
v2 = torch.tensor(-float('inf'), dtype=torch.float32, requires_grad=True)
v3 = torch.tensor([[2.940, 2.9], [0.110, -2.270]], dtype=torch.float32)
v4 = v3.squeeze()
v5 = v0.gather(0, torch.tensor([], dtype=torch.int64))
v6 = v0[:-1]
v3 += v6
v0.retain_grad()
v7 = v4.requires_grad_(False)
print(v4.requires_grad, v4.is_leaf)

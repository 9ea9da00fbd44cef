# The gradient max_pool2d's backward returns is a fresh tensor (max_pool2d_with_indices_backward),
# no view: an in-place op on autograd.grad's result records on it (no CopySlices/AsStrided).
import torch
import torch.nn.functional as F
v1 = torch.tensor([[[-0.13, 1.320, 1.81], [-1.860, 2.050, -2.690], [1.25, -2.0, 1.3], [-1.120, -2.47, -1.29], [-2.3, 2.520, 2.750]], [[-2.440, -2.900, 0.0], [-2.52, -0.55, -0.43], [-2.84, -2.84, 0.0], [0.09, 2.91, 1.29], [2.230, 1.040, 2.4]]], requires_grad=True)
v3 = F.max_pool2d(v1, [3])
v4 = v3.sin_()
v6 = torch.round_(v3, decimals=0)
v7 = torch.autograd.grad(v3.sum(), [v1], create_graph=True)[0]
print(v7.grad_fn.name(), v7.is_contiguous())
v8 = v7.floor_divide_(v6)
print(v7.grad_fn.name(), v8.grad_fn.name())
print(v7)
x = torch.randn(1, 4, 4, generator=torch.Generator().manual_seed(3), requires_grad=True)
g = torch.autograd.grad(F.max_pool2d(x, 2).sum(), [x], create_graph=True)[0]
g.mul_(2)
print(g.grad_fn.name(), g.sum().item())
g = torch.autograd.grad(F.max_pool2d(x, 2).sum(), [x])[0]
g.mul_(3)
print(g.grad_fn, g.requires_grad, g.sum().item())

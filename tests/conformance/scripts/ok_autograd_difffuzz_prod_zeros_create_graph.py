# Differential-fuzzer find (seed 1066 #7751): prod backward with one zero under create_graph is
# PyTorch's prod_safe_zeros_backward, which depends on the input (requires grad; prod() of
# everything: ViewBackward0); with two zeros or more prod() of everything gives constant zeros.
import torch
v0 = torch.tensor([[1.5, -0.0, 2.0], [3.0, float('nan'), 0.5]], requires_grad=True)
g = torch.autograd.grad(torch.prod(v0).sum(), [v0], create_graph=True)[0]
print(g, g.requires_grad)
g = torch.autograd.grad(torch.prod(v0, 1).sum(), [v0], create_graph=True)[0]
print(g, g.requires_grad)
v1 = torch.tensor([[1.5, -0.0, 2.0], [3.0, 0.0, 0.5]], requires_grad=True)
g = torch.autograd.grad(torch.prod(v1).sum(), [v1], create_graph=True)[0]
print(g, g.requires_grad)
g = torch.autograd.grad(torch.prod(v1, 1).sum(), [v1], create_graph=True)[0]
print(g, g.requires_grad)

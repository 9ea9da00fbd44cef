import torch
x = torch.tensor([1.0, 2.0], requires_grad=True)
w = torch.tensor([0.5, 0.5], requires_grad=True)
h = x * w
h2 = h.detach().requires_grad_()
out = (h2 * h2).sum() + (h * 2.0).sum()
out.backward()

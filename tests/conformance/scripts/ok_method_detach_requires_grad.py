import torch
# check-stdout
x = torch.tensor([1.0, 2.0], requires_grad=True)
y = x * 2.0
d = y.detach()
print(x.requires_grad, y.requires_grad, d.requires_grad)
print(x.is_leaf, y.is_leaf, d.is_leaf)
print(x.grad_fn is None, y.grad_fn is None, d.grad_fn is None)
w = torch.ones(2)
w.requires_grad_()
print(w.requires_grad, w.is_leaf)
v = torch.ones(2, requires_grad=True)
v.requires_grad_(False)
print(v.requires_grad)
loss = (y * w).sum()
loss.backward()
print(x.grad is None, w.grad is None, y.grad is None)

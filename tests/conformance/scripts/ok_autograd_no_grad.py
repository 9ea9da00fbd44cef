import torch
# check-stdout
x = torch.tensor([1.0, 2.0], requires_grad=True)
with torch.no_grad():
    y = x * 2.0
    z = torch.exp(x)
w = x * 3.0
print(y.requires_grad, z.requires_grad, w.requires_grad)
print(y.grad_fn is None, w.grad_fn is None)
loss = (w * y).sum() + z.sum()
loss.backward()

# check-stdout
# In-place view ops: unsqueeze_, squeeze_, t_, transpose_, swapaxes_, swapdims_ change the tensor
# itself (shape and strides over the same storage) and rebase its history as PyTorch names it.
import torch
torch.manual_seed(0)
a = torch.rand(3, 4)
b = a
a.unsqueeze_(0)
print(a.shape, b.shape, a.is_contiguous())
a.squeeze_()
print(a.shape)
a.t_()
print(a.shape, a.is_contiguous(), a)
a.transpose_(0, 1).unsqueeze_(2)
print(a.shape)
a.squeeze_(2)
a.swapaxes_(0, 1)
a.swapdims_(1, 0)
print(a.shape)
x = torch.randn(2, 3, requires_grad=True)
y = x * 2
y.unsqueeze_(0)
print(y.grad_fn.name(), y.shape)
y.squeeze_(0)
print(y.grad_fn.name())
y.t_()
print(y.grad_fn.name())
y.transpose_(0, 1)
print(y.grad_fn.name())
y.squeeze_()
print(y.grad_fn.name())
(y * torch.arange(6.).view(2, 3)).sum().backward()
print(x.grad)
v = torch.zeros(2, 3)
r = v[0]
r.unsqueeze_(0)
print(r.shape, v.shape)

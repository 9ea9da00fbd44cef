# check-stdout
# In-place ops through views (generated, seed 37 of a view/in-place generator): the base's gradient at
# the view's elements keeps PyTorch's sign of zero (CopySlices writes the op's gradient into the slice).
import torch
torch.manual_seed(37)
a = torch.tensor([[0.5, -1.0, 2.0], [1.5, -0.25, 0.75], [0.1, 0.2, -0.3]], dtype=torch.float64, requires_grad=True)
w = torch.tensor([[2.0, 3.0, -1.0], [0.5, 1.0, 4.0], [1.0, -2.0, 0.5]], dtype=torch.float64, requires_grad=True)
b = a * 1
v = b[::2]
w2 = (w.reshape(-1)[:v.numel()].reshape(v.shape) * 1)
try:
    v.mul_(w2)
except RuntimeError as e:
    print('E', str(e)[:50])
print(b.requires_grad, b.grad_fn.name() if b.grad_fn else None, v.grad_fn.name() if v.grad_fn else None, v.is_leaf)
v = b.transpose(0,1)[1:]
w2 = (w.reshape(-1)[:v.numel()].reshape(v.shape) * 2)
try:
    v[...] = w2
except RuntimeError as e:
    print('E', str(e)[:50])
print(b.requires_grad, b.grad_fn.name() if b.grad_fn else None, v.grad_fn.name() if v.grad_fn else None, v.is_leaf)
v = b[::2]
w2 = (w.reshape(-1)[:v.numel()].reshape(v.shape) * 3)
try:
    v.t_() if v.dim() == 2 else v.unsqueeze_(0)
except RuntimeError as e:
    print('E', str(e)[:50])
print(b.requires_grad, b.grad_fn.name() if b.grad_fn else None, v.grad_fn.name() if v.grad_fn else None, v.is_leaf)
try:
    (b * b).sum().backward()
except RuntimeError as e:
    print('EB', str(e)[:50])
print(b.detach())
print(a.grad)
print(w.grad)

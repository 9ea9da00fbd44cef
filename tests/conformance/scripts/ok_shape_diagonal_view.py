# check-stdout
# Tensor.diagonal / torch.diagonal: a view (offset, dim1, dim2), its gradient, in-place writes
# through it (the base gets CopySlices) and PyTorch's errors.
import torch
x = torch.arange(24.).view(2, 3, 4)
for args in [(), (1,), (-1,), (0, 1, 2), (1, 2, 0), (0, -1, -2), (5,), (-5,)]:
    d = x.diagonal(*args)
    print(args, d.shape, d.sum().item(), d.is_contiguous())
print(torch.diagonal(x, 0, 0, 2))
a = torch.tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0], [7.0, 8.0, 9.0]], requires_grad=True)
d = a.diagonal(1)
print(d, d.grad_fn.name())
(d * torch.tensor([2.0, 3.0])).sum().backward()
print(a.grad)
b = a * 1
b.diagonal().mul_(10)
print(b, b.grad_fn.name())
b.sum().backward()
print(a.grad)
for args in [(0, 0, 0), (0, 0, 3)]:
    try:
        x.diagonal(*args)
    except Exception as e:
        print(type(e).__name__, str(e)[:30] if "identical" in str(e) else "")

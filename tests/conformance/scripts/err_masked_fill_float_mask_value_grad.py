# masked_fill with a value tensor that requires grad and a mask that is neither bool nor uint8:
# the forward works, the backward fails in PyTorch's masked_select (MaskedFillBackward1).
import torch
x = torch.tensor([1.0, 2.0], requires_grad=True)
v = torch.tensor(3.0, requires_grad=True)
y = torch.masked_fill(x, torch.tensor([1, 0]), v)
print(y, y.grad_fn)
z = torch.masked_fill(x, torch.tensor([1, 0], dtype=torch.uint8), v)
z.sum().backward()
print(x.grad, v.grad)
w = torch.masked_fill(x, torch.tensor([1, 0]), 5.0)
w.sum().backward()
print(x.grad)
y.sum().backward()  # expect-error

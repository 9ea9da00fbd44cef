# t.addcmul_(t, w) saves t (tensor1, since w requires grad) before the write: backward fails the
# version check, as PyTorch's AddcmulBackward0.
import torch
w = torch.tensor(3.0, requires_grad=True)
t = torch.tensor([-0.41, -0.57])
r = t.addcmul_(t, w)
print(r.grad_fn.name())
r.abs().sum().backward()  # expect-error

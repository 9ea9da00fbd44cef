# F.linear of a contiguous 3-D input with a bias is PyTorch's addmm over the folded rows, then a
# view of it: an in-place op on the result rebases it (AsStridedBackward0 over CopySlices); other
# inputs (non-contiguous, 4-D, no bias) are matmul (+ add_): not views.
import torch
import torch.nn.functional as F
x = torch.arange(24.0).reshape(2, 3, 4) / 10
w = torch.tensor([[0.5, -1.0, 2.0, 0.25], [1.0, 0.0, -0.5, 1.5]], requires_grad=True)
b = torch.tensor([0.1, -0.2], requires_grad=True)
r = F.linear(x, w, b)
print(r)
r[...] = -2.5
print(r.grad_fn.name())
r[0, 1] = 3.0
r.sum().backward()
print(w.grad, b.grad)
for xi in [x.transpose(0, 1), x.reshape(1, 2, 3, 4), x[:, :2]]:
    r = F.linear(xi, w, b)
    print(r.grad_fn.name())
    r[...] = 1.0
    print(r.grad_fn.name())
r = F.linear(x, w)
print(r.grad_fn.name())
for bb in [torch.tensor([1.0, 2.0], dtype=torch.float64), torch.ones(3, 2), torch.ones(1, 2), torch.ones(2, 3, 2), torch.tensor(1.0)]:
    try:
        r = F.linear(x, w, bb)
        print(r.grad_fn.name(), r.dtype, r.shape)
    except RuntimeError as e:
        print('RuntimeError', e)
v1 = torch.tensor([[0.0, 2.0], [-1.8, 1.440]], dtype=torch.float64, requires_grad=True)
v5 = F.linear(torch.tensor([1.4, 0.9], dtype=torch.float64), v1)
v5 += 1.0
print(v5.grad_fn.name())

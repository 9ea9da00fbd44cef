# check-stdout
import torch
# an in-place view op (swapdims_, t_, ...) on a view that is not recorded bumps the version but leaves
# the view's node stale: read later, it is regenerated as AsStridedBackward0
b = torch.tensor([[-0.2], [-2.33]])
v = b[None]
v.swapdims_(-2, 1)
b.requires_grad_()
print(v.is_leaf, v.requires_grad, type(v.grad_fn).__name__, v.shape)
v.sum().backward()
print(b.grad)

b = torch.tensor([[-0.2], [-2.33]], requires_grad=True)
v = b[None]
with torch.no_grad():
    v.transpose_(0, 2)
print(v.is_leaf, v.requires_grad, type(v.grad_fn).__name__, v.shape)
(v * torch.tensor([[[1.0, 2.0]]])).sum().backward()
print(b.grad)

b = torch.tensor([[-0.2], [-2.33]])
w = b[None]
b.requires_grad_()
print(w.is_leaf, w.requires_grad, w.grad_fn)

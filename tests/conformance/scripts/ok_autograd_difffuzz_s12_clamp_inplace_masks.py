# clamp with two tensor bounds: PyTorch's backward combines masks in place
# (self_ge_min.logical_and_(self_le_max), self_lt_min.logical_and_(min_lt_max),
# self_gt_max.logical_or_(max_lt_min)), which fails when the second mask is the larger one.
import torch
v0 = torch.tensor(0.05, dtype=torch.float64, requires_grad=True)
v1 = torch.tensor([[[1.7]], [[0.0]]], dtype=torch.float64, requires_grad=True)
lo = torch.tensor(-0.3, requires_grad=True)
for a, b in [(lo, v1), (v1, lo)]:
    y = torch.clamp(v0, min=a, max=b)
    for inp in [[v0], [lo], [v1], [lo, v1], [v0, v1]]:
        try:
            print(torch.autograd.grad(y.sum(), inp, retain_graph=True))
        except Exception as e:
            print(type(e).__name__, e)
# same shapes, or the larger mask first: fine
w = torch.tensor([0.5, -1.0, 3.0], requires_grad=True)
y = torch.clamp(w, min=torch.tensor(0.0, requires_grad=True), max=torch.tensor([1.0, 2.0, 2.0]))
y.sum().backward()
print(w.grad)
y = torch.clamp(v0, min=torch.tensor(-1.0, dtype=torch.float64), max=torch.tensor([0.0, 1.0], dtype=torch.float64))
try:
    y.sum().backward()
except Exception as e:
    print(type(e).__name__, e)
print(v0.grad)

# Differential-fuzzer find: retain_grad() on a view survives an in-place op on the view or a write
# into its base (PyTorch moves the retains_grad hook to the regenerated grad_fn), and on a tensor
# an index assignment writes into itself (fill_, index_put_); a write into a view of a tensor
# leaves the tensor's hook on its previous node.
import torch
x = torch.tensor([1.0, -2.0, 3.0], requires_grad=True)
def views():
    b = x * 1
    return b, b[1:]
b, v = views(); v.retain_grad(); v.mul_(2); v.sum().backward(); print(v.grad)
b, v = views(); v.retain_grad(); b.mul_(2); v.sum().backward(); print(v.grad)
b, v = views(); v.retain_grad(); v.floor_(); v.sum().backward(); print(v.grad)
b, v = views(); v.retain_grad(); v.zero_(); v.sum().backward(); print(v.grad)
b, v = views(); v.retain_grad(); v.copy_(torch.ones(2)); v.sum().backward(); print(v.grad)
b, v = views(); v.retain_grad(); v[0] = 5; v.sum().backward(); print(v.grad)
b, v = views(); v.retain_grad(); v.sum().backward(retain_graph=True); v.mul_(2); v.sum().backward(); print(v.grad)
b, v = views(); b.retain_grad(); v.mul_(2); b.sum().backward(); print(b.grad)
b, v = views(); w = b[:2]; w.retain_grad(); v.mul_(2); w.sum().backward(); print(w.grad)
b = x * 1; b.retain_grad(); b[0] = 5; b.sum().backward(); print(b.grad)
b = x * 1; b.retain_grad(); b[torch.tensor([0])] = 5; b.sum().backward(); print(b.grad)
b = x * 1; b.retain_grad(); b[...] = 5; b.sum().backward(); print(b.grad)
b = x * 1; b.retain_grad(); b[b > 0] = 5; b.sum().backward(); print(b.grad)
# the retained gradient arrives before the freed CopySlices fails the second backward
v0 = torch.tensor([0.89, -1.9, -0.81])
v1 = torch.tensor(-2.65, dtype=torch.float64, requires_grad=True)
v3 = v0[-2]
v3 += v1
v3.retain_grad()
v3.abs().backward()
v3.floor_()
try:
    v3.abs().backward()
except RuntimeError as e:
    print("RuntimeError")
print(v3.grad, v1.grad)

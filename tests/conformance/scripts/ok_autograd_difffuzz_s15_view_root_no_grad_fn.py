import torch
# check-stdout
# A view made before its base required grad requires grad (through the base) but has no grad_fn
# and no AccumulateGrad of its own: backward from it finds no gradient edge (PyTorch's
# gradient_edge), while ops on it record nodes with no edge to it.
v1 = torch.tensor([0.7, -0.26])
v2 = v1[0]
v3 = v2.contiguous()
v1.requires_grad_(True)
print(v2.requires_grad, v2.grad_fn, v3.is_leaf)
try:
    v3.backward()
except RuntimeError as e:
    print("backward:", e)
try:
    torch.autograd.grad(v2, [v1])
except RuntimeError as e:
    print("grad:", e)
w = v2 * 2
print(w.requires_grad, w.grad_fn.name())
w.backward()
print(v1.grad)
# made under no_grad from a base that requires grad
x = torch.tensor([1.0, 2.0], requires_grad=True)
with torch.no_grad():
    xv = x[:1]
print(xv.requires_grad, xv.grad_fn)
try:
    xv.sum()
    xv.backward(torch.ones(1))
except RuntimeError as e:
    print("no_grad view:", e)
print(torch.autograd.grad((xv * 3).sum(), [x], allow_unused=True))

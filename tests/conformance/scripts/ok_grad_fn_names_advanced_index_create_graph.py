import torch
# The gradient of an advanced-index read (x[idx], x[mask]) under create_graph: PyTorch's
# IndexBackward0 puts g into zeros with index_put_, so the gradient's node is
# IndexPutImplBackward0 (after a basic slice, SliceBackwardBackward0 above it); its values,
# repeated indices accumulating, and its own gradient (double backward) are PyTorch's.
x = torch.tensor([[0.3, -0.4, 0.5], [0.2, 0.7, -0.1]], requires_grad=True)
w = torch.tensor([1.5, -2.0, 0.25, 3.0], requires_grad=True)
cases = [
    ("mask", lambda: x[x > 0]),
    ("list on dim 0", lambda: x[[1, 0, 1]]),
    ("slice then list", lambda: x[:, [0, 2, 2]]),
    ("two lists", lambda: x[[0, 1, 1], [2, 0, 2]]),
    ("tensor index with a None", lambda: x[None, torch.tensor([1, 1])]),
    ("list then int", lambda: x[[1, 0], 1]),
    ("empty index", lambda: x[torch.tensor([], dtype=torch.long)]),
]
for name, f in cases:
    y = f()
    g = torch.autograd.grad((y.atan() * 2).sum(), [x], create_graph=True)[0]
    fn = g.grad_fn
    # (after a basic index, that index's backward node ends the gradient)
    print(name, y.grad_fn.name(), fn.name(), g.requires_grad, g.is_leaf, g.shape)
    print(g)
    if y.numel():
        gg = torch.autograd.grad((g * g).sum(), [x])[0]
        print(gg)
# the gradient with respect to another input through an indexed one
y = x[[1, 0, 1, 1], [0, 2, 2, 1]]
g = torch.autograd.grad((y * w * y).sum(), [x], create_graph=True)[0]
print(g.grad_fn.name(), g)
print(torch.autograd.grad(g.sum(), [w])[0])
# an in-place op on the gradient, and backward without create_graph
g.mul_(2)
print(g.grad_fn.name(), g)
z = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
z[[0, 0, 2]].pow(2).sum().backward()
print(z.grad, z.grad.grad_fn)
# a second backward through the index node without retain_graph fails, as PyTorch's
y = z[[1, 2]].exp().sum()
y.backward()
try:
    y.backward()
except RuntimeError as e:
    print("RuntimeError", str(e)[:60])

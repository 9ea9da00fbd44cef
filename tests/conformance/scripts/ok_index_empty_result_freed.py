# An empty advanced-indexing result keeps PyTorch's IndexBackward0 semantics: its saved index is
# freed by a backward without retain_graph, so a second backward through it fails.
import torch
v1 = torch.tensor([[-0.31, 1.0], [2.20, -0.010], [0.49, -1e-30]], requires_grad=True)
v6 = v1[torch.tensor([], dtype=torch.int64), 1:]
v9 = v6[0:0]
print(v9, v9.shape)
g = torch.autograd.grad(v9.sum(), [v1])[0]
print(g)
try:
    v9.abs().sum().backward()
except RuntimeError as e:
    print("RuntimeError:", str(e)[:60])
print(v1.grad)
w = torch.zeros(2, 0, 3, requires_grad=True)
r = w[torch.tensor([1, 0])]
print(r.shape, type(r.grad_fn).__name__)
r.sum().backward()
print(w.grad.shape)

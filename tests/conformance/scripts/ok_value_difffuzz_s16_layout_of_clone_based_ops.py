# Memory layout of results computed from a transposed tensor: elementwise ops and clone keep the
# input's order (TensorIterator / preserve_format); scatter, scatter_add, index_add and repeat
# return row-major results (PyTorch builds them on a contiguous output, not on clone's layout),
# so a reshape of their result is a view that sees a later write.
import torch
xt = torch.arange(12.).reshape(3, 4).t()
it = torch.arange(12).reshape(3, 4).t()
idx = torch.tensor([[0, 1, 2]])
def show(name, r):
    print(name, tuple(r.shape), r.stride(), r.is_contiguous())
show("clone", xt.clone())
show("scatter", torch.scatter(xt, 0, idx, 5.0))
show("scatter_src", xt.scatter(0, idx, torch.ones(1, 3)))
show("scatter_add", xt.scatter_add(0, idx, torch.ones(1, 3)))
show("index_add", xt.index_add(0, torch.tensor([0, 1]), torch.ones(2, 3)))
show("repeat", xt.repeat(1, 1))
show("masked_fill", xt.masked_fill(xt > 3, 1.0))
show("where", torch.where(xt > 3, xt, 0.0))
show("clamp", xt.clamp(1, 5))
show("neg", -xt)
show("float", it.float())
show("eq", xt == 3)
show("mixed", it + xt)
show("tril", xt.tril())
show("zeros_like", torch.zeros_like(xt))
v0 = torch.tensor([[1.1, 1.68, 0.04], [1.60, float('inf'), -1.620]], requires_grad=True)
v4 = v0.nonzero()
v5 = torch.scatter(v4, -1, torch.tensor([], dtype=torch.int64), False)
v8 = v5.squeeze().reshape(2, -1)
v5[...] = 1.99
print(v4.stride(), v5.stride(), v8._is_view())
print(v8)

# The node a write or a read through an index gives, as PyTorch 1.13's indexing does it:
# applySlicing keeps the tensor itself for a slice 0:size(d) (not for `:`, whose stop is
# INT64_MAX), except in a bare getitem x[a:b]; a None, an int, a 0-d int or bool tensor make
# views. A write into x itself is copy_ (CopyBackwards), fill_ for a 0-d value (FillBackward3) or
# index_put_ (IndexPutBackward0); into a view of x it is CopySlices.
import torch


def name(t):
    return type(t.grad_fn).__name__


def fresh():
    return torch.arange(12.0).reshape(3, 4).requires_grad_() * 1.0


y = torch.tensor(2.0, requires_grad=True) * 1.0
x = fresh(); x[...] = 5; print("x[...] = 5", name(x))
x = fresh(); x[...] = torch.ones(4); print("x[...] = ones(4)", name(x))
x = fresh(); x[...] = y; print("x[...] = y", name(x))
x = fresh(); x[0:3] = 5; print("x[0:3] = 5", name(x))
x = fresh(); x[0:3, 0:4] = torch.ones(1, 4); print("x[0:3, 0:4] = ones(1, 4)", name(x))
x = fresh(); x[0:3:1] = y; print("x[0:3:1] = y", name(x))
x = fresh(); x[:] = 5; print("x[:] = 5", name(x))
x = fresh(); x[0:100] = 5; print("x[0:100] = 5", name(x))
x = fresh(); x[-3:] = 5; print("x[-3:] = 5", name(x))
x = fresh(); x[None] = 5; print("x[None] = 5", name(x))
x = fresh(); x[0] = y; print("x[0] = y", name(x))
x = fresh(); x[torch.tensor(1)] = 5; print("x[tensor(1)] = 5", name(x))
x = fresh(); x[torch.tensor(True)] = 5; print("x[tensor(True)] = 5", name(x))
x = fresh(); x[torch.tensor([1])] = 5; print("x[tensor([1])] = 5", name(x))
x = fresh(); x[torch.tensor([1]), 0:4] = y; print("x[tensor([1]), 0:4] = y", name(x))
x = fresh(); x[torch.tensor([1]), :] = y; print("x[tensor([1]), :] = y", name(x))
x = fresh(); x[None, torch.tensor([1])] = 5; print("x[None, tensor([1])] = 5", name(x))
x = fresh(); x[torch.tensor(1), torch.tensor([1])] = 5; print("x[tensor(1), tensor([1])] = 5", name(x))
x = fresh(); x[x > 3] = y; print("x[x > 3] = y", name(x))
x = fresh(); x[..., torch.tensor([1])] = 5; print("x[..., tensor([1])] = 5", name(x))

# 0-d
s = torch.tensor(3.0, requires_grad=True) * 1.0; s[...] = 5; print("s[...] = 5", name(s))
s = torch.tensor(3.0, requires_grad=True) * 1.0; s[...] = torch.ones(1); print("s[...] = ones(1)", name(s))
s = torch.tensor(3.0, requires_grad=True) * 1.0; s[0:0] = y; print("s[0:0] = y", name(s))
s = torch.tensor(3.0, requires_grad=True) * 1.0; s[None] = 5; print("s[None] = 5", name(s))
s = torch.tensor(3.0, requires_grad=True) * 1.0; s[torch.tensor(True)] = y; print("s[tensor(True)] = y", name(s))
s = torch.tensor(3.0, requires_grad=True) * 1.0; s[torch.tensor(False)] = y; print("s[tensor(False)] = y", name(s))
print("movedim", name(s.movedim([], [])), name(torch.tensor(1.0, requires_grad=True).movedim(0, 0)))
print("index_select 0-d", name(s.index_select(0, torch.tensor([0]))))

# reads
x = fresh()
for label, r in [("x[0:3]", x[0:3]), ("x[0:3, 0:4]", x[0:3, 0:4]), ("x[:, :]", x[:, :]), ("x[0:3, :]", x[0:3, :]),
                 ("x[..., 0:4]", x[..., 0:4]), ("x[tensor(1), 0:4]", x[torch.tensor(1), 0:4]),
                 ("x[None, 0:3]", x[None, 0:3]), ("x[0:3,]", x[0:3,]), ("x[1:2]", x[1:2])]:
    print(label, name(r))

# the gradients stay those of the write
a = torch.arange(6.0).reshape(2, 3).requires_grad_()
b = a * 2
v = torch.tensor(7.0, requires_grad=True)
b[0:2] = v
b[..., torch.tensor([1])] = v * 3
print(b)
b.sum().backward()
print(a.grad, v.grad)

# index_select of a 0-d tensor: its backward is index_add_ into a 0-d zeros, which takes one index
for idx in [[0], [0, 0]]:
    x = torch.tensor(1.2, requires_grad=True)
    try:
        y = torch.index_select(x, 0, torch.tensor(idx, dtype=torch.int64))
        print(y, y.shape)
        y.sum().backward()
        print(x.grad)
    except IndexError as e:
        print("IndexError:", e)

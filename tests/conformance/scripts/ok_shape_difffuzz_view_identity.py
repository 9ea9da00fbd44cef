# Differential-fuzzer finds: x.expand(x.shape) is a new view (not a leaf); flatten with nothing
# to merge returns the input itself (a leaf stays a leaf).
# check-stdout
import torch
x = torch.tensor([1.0, 2.0], requires_grad=True)
e = x.expand(2)
f = x.flatten()
y = torch.ones(2, 3, requires_grad=True)
g = y.flatten(1, 1)
h = y.flatten(0, 1)
print(e.is_leaf, f.is_leaf, g.is_leaf, h.is_leaf)
(e * 2).sum().backward()

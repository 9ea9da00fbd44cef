# check-stdout
# Ops that PyTorch always answers with a new tensor, even when nothing changes: expand/expand_as
# to the same shape is a view with ExpandBackward0 (not the leaf itself); sort/median/kthvalue/
# topk of a 0-d tensor give a new tensor with their own node.
import torch
a = torch.tensor([[0.2, -1.0]], requires_grad=True)
b = a.expand_as(a)
print(b.is_leaf, b.grad_fn.name(), b.requires_grad)
c = a.expand(1, 2)
print(c.is_leaf, c.grad_fn.name())
b.sum().backward()
print(a.grad)
s = torch.tensor(-2.5, requires_grad=True)
for v in [torch.sort(s, 0)[0], s.median(0)[0], s.kthvalue(1, 0)[0], s.topk(1)[0], s.sort(-1, True)[0]]:
    print(v, v.is_leaf, v.grad_fn.name())
y = torch.sort(s, 0)[0] * 3
y.backward()
print(s.grad)

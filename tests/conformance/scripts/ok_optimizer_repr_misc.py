# check-stdout
# print(optimizer) as PyTorch's Optimizer.__repr__; Module.get_submodule / get_parameter;
# torch.nonzero(as_tuple=True).
import torch
import torch.nn as nn
m = nn.Sequential(nn.Linear(2, 3), nn.Sequential(nn.ReLU(), nn.Linear(3, 1)))
print(torch.optim.SGD(m.parameters(), lr=0.1, momentum=0.9))
print(torch.optim.Adam(m.parameters()))
print(torch.optim.AdamW([{'params': m[0].parameters()}, {'params': m[1].parameters(), 'lr': 0.5}], lr=1e-3))
o = torch.optim.SGD(m.parameters(), lr=0.1)
o.param_groups[0]['lr'] = 0.01
print(repr(o), str(o) == repr(o))
print(m.get_submodule('1.1'), m.get_submodule('') is m)
print(m.get_parameter('1.1.bias').shape, m.get_parameter('0.weight').shape)
print(torch.nonzero(torch.tensor([1, 1, 1, 0, 1]), as_tuple=True))
print(torch.nonzero(torch.tensor([[0.6, 0.0], [0.0, 0.4]]), as_tuple=True))
print(torch.tensor([[0, 1], [1, 1]]).nonzero(as_tuple=True))
print(torch.nonzero(torch.tensor(5), as_tuple=True), torch.nonzero(torch.tensor(0), as_tuple=True))
print(torch.nonzero(torch.tensor([1, 0]), as_tuple=False))
# Ellipsis is a singleton
v = [..., 0]
print(v[0] is ..., v[0] is Ellipsis, Ellipsis, v)
# str.find / rfind / index / count with start and end
s = 'abcabcab'
print(s.find('b', 2), s.find('b', 2, 4), s.find('b', -3), s.rfind('b', 0, 5), s.count('ab', 1), s.index('c', 3), s.find('', 20), s.count('', 2, 5))
print(torch.is_floating_point(torch.ones(1)), torch.ones(1, dtype=torch.long).is_floating_point())
print(torch.nn.Identity(54, unused_argument1=0.1, unused_argument2=False))

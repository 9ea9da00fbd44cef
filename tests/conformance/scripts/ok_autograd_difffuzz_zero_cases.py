# Differential-fuzzer finds: prod(dim) backward of a 0-d tensor equal to 0 (was SIGFPE); std
# backward where std = 0 is 0 (not NaN); cross_entropy with every target ignored: NaN loss, 0 grad.
import torch
import torch.nn.functional as F
x = torch.tensor(0.0, requires_grad=True)
y = x.prod(0)
y.backward()
x2 = torch.tensor(0.0, requires_grad=True)
y2 = x2.prod(-1, keepdim=True)
y2.backward()
s0 = torch.tensor([1.0, 1.0, 1.0], requires_grad=True)
s = s0.std()
s.backward()
m0 = torch.tensor([[2.0, 2.0], [1.0, 3.0]], dtype=torch.float64, requires_grad=True)
m = m0.std(1)
m.sum().backward()
k0 = torch.tensor([[1.0, 2.0, 3.0], [4.0, 4.0, 4.0]], requires_grad=True)
k = k0.std(1, keepdim=True)
gk = torch.autograd.grad(k.sum(), [k0], create_graph=True)[0]
logits = torch.tensor([[1.0, 2.0], [0.5, -1.0]], requires_grad=True)
l = F.cross_entropy(logits, torch.tensor([-100, -100]))
l.backward()
logits2 = torch.tensor([[1.0, 2.0], [0.5, -1.0]], requires_grad=True)
l2 = F.cross_entropy(logits2, torch.tensor([1, -100]))
l2.backward()

# Differential-fuzzer finds: var/std reducing no element are NaN whatever the correction (was 0
# with a negative correction); nll_loss accumulates 0 - x_i w_i, so a zero loss is +0.0 (mean and
# sum; 'none' keeps -(w x) per element).
import torch
import torch.nn.functional as F

e = torch.zeros(3, 0, requires_grad=True)
v0 = e.var(None, correction=-2)
v1 = e.var(1)
s0 = e.std(None, correction=-2)
s1 = e.std(0)
x = torch.tensor([[0.0, 1.0], [-0.0, 2.0]], requires_grad=True)
t = torch.tensor([0, 0])
lm = F.nll_loss(x, t)
ls = F.nll_loss(x, t, reduction='sum')
ln = F.nll_loss(x, t, reduction='none')
l1 = F.nll_loss(torch.tensor([0.0]), torch.tensor([0]))
(lm + ls + ln.sum()).backward()

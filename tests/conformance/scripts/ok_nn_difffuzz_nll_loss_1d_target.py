# Differential-fuzzer find: F.nll_loss of a (C,) input with a (C,) target passes PyTorch's size
# check and its kernel reads the 1-d input as one sample: only target[0] counts, for every
# reduction (a 0-d loss); an ignored target[0]: NaN (mean) or 0.
import torch
import torch.nn.functional as F

x = torch.tensor([0.5, -1.0, 2.0], requires_grad=True)
t = torch.tensor([2, 0, 7])
lm = F.nll_loss(x, t)
ls = F.nll_loss(x, t, reduction='sum')
ln = F.nll_loss(x, t, reduction='none')
(lm + 2 * ls + 3 * ln).backward()
ti = torch.tensor([-100, 1, 1])
li = F.nll_loss(x.detach(), ti)
lis = F.nll_loss(x.detach(), ti, reduction='sum')

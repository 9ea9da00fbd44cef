import torch
import torch.nn.functional as F
torch.manual_seed(2)
x = torch.randn(2, 3, 5, 4, requires_grad=True)
cols = F.unfold(x, (2, 3), dilation=1, padding=1, stride=(2, 1))
back = F.fold(cols, (5, 4), (2, 3), padding=1, stride=(2, 1))
c2 = torch.randn(1, 8, 9, requires_grad=True)
f2 = F.fold(c2, (4, 4), 2, stride=1)
(cols.sum() + (back * back).sum() + f2.pow(2).sum()).backward()

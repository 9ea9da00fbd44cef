# check-stdout
import torch
import torch.nn as nn
import torch.nn.functional as F
torch.manual_seed(6)
x = torch.randn(3, 5, requires_grad=True)
t = torch.randn(3, 5)
l1 = nn.L1Loss()(x, t)
l1s = F.l1_loss(x, t, reduction='sum')
sm = nn.SmoothL1Loss()(x, t * 2)
sm2 = F.smooth_l1_loss(x, t, beta=0.5, reduction='none')
p = torch.sigmoid(torch.randn(4, requires_grad=True))
y = torch.tensor([0.0, 1.0, 1.0, 0.0])
bce = nn.BCELoss()(p, y)
bce_none = F.binary_cross_entropy(p, y, reduction='none')
logits = torch.randn(3, 4, requires_grad=True)
bwl = nn.BCEWithLogitsLoss(pos_weight=torch.tensor([1.0, 2.0, 0.5, 3.0]))(logits, torch.ones(3, 4))
print(l1.grad_fn.name(), sm.grad_fn.name(), bce.grad_fn.name())
print(nn.L1Loss(), nn.SmoothL1Loss(), nn.BCELoss())
(l1 + l1s + sm + sm2.sum() + bce + bce_none.sum() + bwl).backward()
x_grad = x.grad
logits_grad = logits.grad

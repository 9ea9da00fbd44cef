# check-stdout
import torch
import torch.nn as nn
import torch.nn.functional as F
torch.manual_seed(8)
t = torch.empty(3).random_(2)
u = torch.empty(2, 4, dtype=torch.long).random_(0, 5)
v = torch.zeros(5).random_(3, 9)
w = torch.empty(4, dtype=torch.float64).random_()
print(t, u, v, w)
x = torch.randn(2, 3, 4, 5, requires_grad=True)
target = torch.empty(2, 4, 5, dtype=torch.long).random_(0, 3)
loss = nn.NLLLoss()(F.log_softmax(x, dim=1), target)
ce = F.cross_entropy(x, target)
print(loss.grad_fn.name(), ce.grad_fn.name())
(loss + ce).backward()

# check-stdout
import torch
import torch.nn as nn
import torch.nn.functional as F
torch.manual_seed(8)
x = torch.randn(2, 3, 4, 5, requires_grad=True)
target = torch.randint(0, 3, (2, 4, 5))
loss = nn.NLLLoss()(F.log_softmax(x, dim=1), target)
ce = F.cross_entropy(x, target)
print(loss.grad_fn.name(), ce.grad_fn.name())
(loss + ce).backward()

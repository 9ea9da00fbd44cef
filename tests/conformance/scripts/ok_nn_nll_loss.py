import torch
import torch.nn.functional as F
x = torch.tensor([[0.2, 1.0, -0.5], [1.5, -1.0, 0.0], [0.1, 0.1, 2.0], [0.0, 3.0, 0.0]], requires_grad=True)
target = torch.tensor([1, 0, 2, 0])
logp = F.log_softmax(x, dim=1)
loss = F.nll_loss(logp, target)
loss.backward()

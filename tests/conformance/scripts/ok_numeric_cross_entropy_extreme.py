import torch
import torch.nn.functional as F
logits = torch.tensor([[10000.0, -10000.0], [-10000.0, 10000.0], [10000.0, 10000.0]], requires_grad=True)
target = torch.tensor([1, 1, 0])
loss = F.cross_entropy(logits, target)
loss.backward()

import torch
import torch.nn.functional as F
logits = torch.ones(2, 3, requires_grad=True)
loss = F.cross_entropy(logits, torch.tensor([0, 5]))  # expect-error

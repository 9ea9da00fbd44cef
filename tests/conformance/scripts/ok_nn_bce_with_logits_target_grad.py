import torch
import torch.nn.functional as F
z = torch.tensor([-1.0, 0.5, 2.0], requires_grad=True)
y = torch.tensor([0.2, 0.9, 0.5], requires_grad=True)
loss = F.binary_cross_entropy_with_logits(z, y)
loss.backward()

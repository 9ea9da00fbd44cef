import torch
import torch.nn.functional as F
z = torch.tensor([[-2.0, 0.0, 1.5], [3.0, -0.5, 0.25]], requires_grad=True)
y = torch.tensor([[0.0, 1.0, 1.0], [1.0, 0.0, 0.5]])
loss = F.binary_cross_entropy_with_logits(z, y)
loss.backward()

import torch
import torch.nn.functional as F
pred = torch.tensor([0.5, -1.0, 2.0], requires_grad=True)
target = torch.tensor([1.0, 1.0, 1.0], requires_grad=True)
loss = F.mse_loss(pred * 2.0, target)
loss.backward()

import torch
import torch.nn as nn
import torch.nn.functional as F
x = torch.tensor([-1.0, 2.0], requires_grad=True)
y = F.relu(x) + torch.relu(x)
loss = y.sum()
loss.backward()

import torch
import torch.nn as nn
loss_fn = nn.MSELoss(reduction='avg')
x = torch.ones(3)
loss = loss_fn(x, x)  # expect-error

import torch
import torch.nn as nn
loss_fn = nn.CrossEntropyLoss()
x = torch.zeros(2, 3)
loss = loss_fn(x, torch.tensor([0, 3]))  # expect-error

import torch
import torch.nn as nn
model = nn.Sequential(nn.Linear(2, 3), nn.ReLU())
w = model[0].weight
m = model[2]  # expect-error

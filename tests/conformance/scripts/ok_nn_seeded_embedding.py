import torch
import torch.nn as nn
torch.manual_seed(0)
emb = nn.Embedding(10, 4)
w = emb.weight
idx = torch.tensor([[1, 2, 4], [4, 3, 9]])
out = emb(idx)
(out * torch.arange(12.0).reshape(1, 3, 4)).sum().backward()
small = nn.Embedding(3, 2)
ws = small.weight

import torch
import torch.nn as nn
emb = nn.Embedding(5, 2)
idx = torch.tensor([1, 5])
out = emb(idx)  # expect-error

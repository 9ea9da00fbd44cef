# source: https://pytorch.org/docs/1.13/generated/torch.nn.LayerNorm.html
# (interactive doc example: each value the >>> prompt displays is printed)
import torch
from torch import nn

# NLP Example
batch, sentence_length, embedding_dim = 20, 5, 10
embedding = torch.randn(batch, sentence_length, embedding_dim)
layer_norm = nn.LayerNorm(embedding_dim)
# Activate module
out = layer_norm(embedding)
print(out[0])

# Image Example
N, C, H, W = 20, 5, 10, 10
input = torch.randn(N, C, H, W)
# Normalize over the last three dimensions (i.e. the channel and spatial dimensions)
# as shown in the image below
layer_norm = nn.LayerNorm([C, H, W])
output = layer_norm(input)
print(output.shape, layer_norm)

# https://pytorch.org/docs/1.13/generated/torch.nn.BatchNorm1d.html
# With Learnable Parameters
m = nn.BatchNorm1d(100)
# Without Learnable Parameters
m = nn.BatchNorm1d(100, affine=False)
input = torch.randn(20, 100)
output = m(input)
print(output[:2, :5], m)

# https://pytorch.org/docs/1.13/generated/torch.nn.Dropout.html
m = nn.Dropout(p=0.2)
input = torch.randn(20, 16)
output = m(input)
print(output[:2], m)

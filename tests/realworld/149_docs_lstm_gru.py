# source: https://pytorch.org/docs/1.13/generated/torch.nn.LSTM.html
# (doc example: the outputs' shapes and first rows are printed)
import torch
from torch import nn

rnn = nn.LSTM(10, 20, 2)
input = torch.randn(5, 3, 10)
h0 = torch.randn(2, 3, 20)
c0 = torch.randn(2, 3, 20)
output, (hn, cn) = rnn(input, (h0, c0))
print(output.shape, hn.shape, cn.shape)
print(output[0, 0, :5])
print(rnn)

# https://pytorch.org/docs/1.13/generated/torch.nn.GRU.html
rnn = nn.GRU(10, 20, 2)
input = torch.randn(5, 3, 10)
h0 = torch.randn(2, 3, 20)
output, hn = rnn(input, h0)
print(output.shape, hn.shape)
print(hn[1, 0, :5])
print(rnn)

# https://pytorch.org/docs/1.13/generated/torch.nn.RNN.html
rnn = nn.RNN(10, 20, 2)
input = torch.randn(5, 3, 10)
h0 = torch.randn(2, 3, 20)
output, hn = rnn(input, h0)
print(output.shape, hn.shape)
print(output[-1, 0, :5])
